/**
 * Element local names whose text is a secret, in requests and responses (matched case-insensitively): the one
 * list the envelope reader (which never quotes them in a detail) and the journal's redaction both read.
 */
export const SECRET_ELEMENTS = ['password', 'passwordHintAnswer', 'sessionTicket', 'webExAccessToken', 'accessToken', 'samlResponse', 'ticket'] as const;

const SECRET_SET = new Set<string>(SECRET_ELEMENTS.map((s) => s.toLowerCase()));

/** A bare local name (no prefix) that holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_SET.has(name.toLowerCase());
}

/** A qualified name whose local part — after the first or the last ':' — holds a secret. */
export function isSecretElementName(qname: string): boolean {
  const first = qname.indexOf(':');
  const last = qname.lastIndexOf(':');
  return isSecretName(qname.slice(first + 1)) || (last !== first && isSecretName(qname.slice(last + 1)));
}
