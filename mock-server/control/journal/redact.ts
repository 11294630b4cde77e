/**
 * Secrets never reach the journal: passwords, session tickets, access tokens, SAML responses and URL login
 * tickets are replaced in the raw XML, in the parsed request, and — as a last net — every literal occurrence
 * of a secret value seen in the exchange is scrubbed from every string the entry holds.
 */
export const REDACTED = '***REDACTED***';

/** Element local names whose text is a secret, in requests and responses. */
export const SECRET_ELEMENTS = ['password', 'sessionTicket', 'webExAccessToken', 'accessToken', 'samlResponse', 'ticket'] as const;
const SECRET_SET = new Set<string>(SECRET_ELEMENTS.map((s) => s.toLowerCase()));

export function isSecretName(name: string): boolean {
  return SECRET_SET.has(name.toLowerCase());
}

// <password>..</password>, <serv:password>..</serv:password>, attributes allowed, CDATA inside.
const ELEMENT_RE = new RegExp(`<((?:[\\w.-]+:)?(${SECRET_ELEMENTS.join('|')}))(\\s[^>]*)?>([\\s\\S]*?)</\\1\\s*>`, 'gi');
// p.php?...&TK=ticket (also HTML-escaped &amp;TK=), and token/ticket query parameters in any URL.
const URL_TICKET_RE = /([?&](?:amp;)?(?:TK|ticket|token|access_token)=)[^&<"'\s]*/gi;

/** Secret element texts found in an XML string (collected before redacting, for the literal scrub). */
export function secretsInXml(xml: string): string[] {
  const found: string[] = [];
  for (const m of xml.matchAll(ELEMENT_RE)) {
    const inner = m[4].replace(/^<!\[CDATA\[|\]\]>$/g, '').trim();
    if (inner !== '' && inner !== '******') found.push(inner);
  }
  for (const m of xml.matchAll(URL_TICKET_RE)) {
    const v = m[0].slice(m[1].length);
    if (v !== '') found.push(v, decodeURIComponentSafe(v));
  }
  return found;
}

export function redactXml(xml: string): string {
  return xml
    .replace(ELEMENT_RE, (_all, tag: string, _local: string, attrs: string | undefined, inner: string) =>
      (inner.trim() === '' || inner.trim() === '******' ? _all : `<${tag}${attrs ?? ''}>${REDACTED}</${tag}>`))
    .replace(URL_TICKET_RE, `$1${REDACTED}`);
}

/** Replace every occurrence of each secret (longest first); secrets shorter than 4 characters are left to the structural pass. */
export function scrubLiterals(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4 && out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

/** Deep copy with secret-named keys replaced and secret literals scrubbed from every string. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubLiterals(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretName(k) && v !== '' && v !== undefined ? REDACTED : redactValue(v, secrets);
    }
    return out;
  }
  return value;
}

function decodeURIComponentSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
