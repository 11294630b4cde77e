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
// A secret element the document never closes (or closes under another name, i.e. malformed XML): its text up
// to the next tag. Elements the pass above redacted match too and are left as they are.
const UNCLOSED_RE = new RegExp(`<((?:[\\w.-]+:)?(?:${SECRET_ELEMENTS.join('|')}))(\\s[^>]*)?>(<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>|$)|[^<]+)`, 'gi');
// p.php?...&TK=ticket (also HTML-escaped &amp;TK=), and token/ticket query parameters in any URL.
const URL_TICKET_RE = /([?&](?:amp;)?(?:TK|ticket|token|access_token)=)[^&<"'\s]*/gi;

// Most responses (GetUser, LstUser) carry no secret: their only password is the mask. One quick test skips them.
const MAY_HOLD_SECRET = /[<:](?:password(?:\s[^>]*)?>(?!\*{6}<|<)|sessionticket|ticket|webexaccesstoken|accesstoken|samlresponse)|[?&](?:amp;)?(?:tk|ticket|token|access_token)=/i;

/**
 * Redact secret elements and URL tickets in one pass, pushing each secret found onto `found` (for the literal
 * scrub of the rest of the entry).
 */
export function redactXmlCollect(xml: string, found: string[]): string {
  if (!MAY_HOLD_SECRET.test(xml)) return xml;
  return xml
    .replace(ELEMENT_RE, (all, tag: string, _local: string, attrs: string | undefined, inner: string) => {
      const value = inner.replace(/^<!\[CDATA\[|\]\]>$/g, '').trim();
      if (value === '' || value === '******') return all;
      found.push(value);
      return `<${tag}${attrs ?? ''}>${REDACTED}</${tag}>`;
    })
    .replace(UNCLOSED_RE, (all, tag: string, attrs: string | undefined, inner: string) => {
      const value = inner.replace(/^<!\[CDATA\[|\]\]>$/g, '').trim();
      if (value === '' || value === '******' || value === REDACTED) return all;
      found.push(value);
      return `<${tag}${attrs ?? ''}>${REDACTED}`;
    })
    .replace(URL_TICKET_RE, (_all, param: string, offset: number, whole: string) => {
      const value = whole.slice(offset + param.length).match(/^[^&<"'\s]*/)![0];
      if (value !== '') found.push(value, decodeURIComponentSafe(value));
      return `${param}${REDACTED}`;
    });
}

export function redactXml(xml: string): string {
  return redactXmlCollect(xml, []);
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
    const out = Object.create(null) as Record<string, unknown>; // a key named __proto__ stays a key
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
