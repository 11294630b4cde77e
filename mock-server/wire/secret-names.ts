/**
 * Element local names whose text is a secret, in requests and responses (matched case-insensitively): the one
 * list the envelope reader (which never quotes them in a detail) and the journal's redaction both read.
 */
export const SECRET_ELEMENTS = ['password', 'passwordHintAnswer', 'sessionTicket', 'webExAccessToken', 'accessToken', 'samlResponse', 'ticket'] as const;

const SECRET_SET = new Set<string>(SECRET_ELEMENTS.map((s) => s.toLowerCase()));

/**
 * The names' lengths, checked before any lower-casing (the reader asks for every start tag): toLowerCase never
 * makes a string shorter, and the one mapping that makes it longer (U+0130 → i + U+0307) leaves a character no
 * secret name has, so a name whose length is not one of these cannot match (U+212A KELVIN SIGN → k keeps it).
 * Tables indexed by length and by character code, not Sets: this runs for every element of every request.
 */
const SECRET_LENGTH = new Uint8Array(Math.max(...SECRET_ELEMENTS.map((s) => s.length)) + 1);
for (const s of SECRET_ELEMENTS) SECRET_LENGTH[s.length] = 1;

/**
 * The names' first letters, lower-cased, checked before any lower-casing too: most element names of an envelope
 * have a secret's length (lastName, siteName, webExID...) but not its first letter. Every secret name starts with
 * an ASCII letter; a non-ASCII first character (U+212A KELVIN SIGN) goes on to the full comparison.
 */
const SECRET_FIRST = new Uint8Array(128);
for (const s of SECRET_ELEMENTS) SECRET_FIRST[s.toLowerCase().charCodeAt(0)] = 1;

const hasSecretLength = (n: number): boolean => n < SECRET_LENGTH.length && SECRET_LENGTH[n] === 1;

/** A bare local name (no prefix) that holds a secret. */
export function isSecretName(name: string): boolean {
  if (!hasSecretLength(name.length)) return false;
  const first = name.charCodeAt(0);
  if (first < 128 && SECRET_FIRST[first | 32] !== 1) return false;
  return SECRET_SET.has(name.toLowerCase());
}

/** A qualified name whose local part — after the first or the last ':' — holds a secret. */
export function isSecretElementName(qname: string): boolean {
  const first = qname.indexOf(':');
  if (first === -1) return isSecretName(qname);
  const last = qname.lastIndexOf(':');
  return secretAfter(qname, first) || (last !== first && secretAfter(qname, last));
}

function secretAfter(qname: string, colon: number): boolean {
  return hasSecretLength(qname.length - colon - 1) && isSecretName(qname.slice(colon + 1));
}
