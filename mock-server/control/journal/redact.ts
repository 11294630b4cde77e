/**
 * Secrets never reach the journal: passwords, session tickets, access tokens, SAML responses and URL login
 * tickets are replaced in the raw XML, in the parsed request, and — as a last net — literal occurrences of the
 * secret values seen in the exchange are scrubbed from the entry's other strings.
 *
 * Every pass here is linear in the size of the text whatever the text: one forward cursor that never scans a
 * character twice (regular expressions with lazy bodies were quadratic: 7.4 s for 190 KB of `<password `).
 */

import { SECRET_ELEMENTS, isSecretName } from '../../wire/secret-names';

export const REDACTED = '***REDACTED***';

const LOWER_SECRETS = SECRET_ELEMENTS.map((e) => e.toLowerCase());

/**
 * Which secret local name the tag name xml[start, end) has (an index into SECRET_ELEMENTS), or -1: the part after
 * the last ':', ASCII case-insensitive. That covers the reader's rule (after the first ':', so `<x+y:password>`
 * and non-ASCII prefixes count: a secret name holds no ':') and, for text the reader refused, `<a:b:password>`.
 * No slicing: this runs on every tag of the text.
 */
function secretAt(xml: string, start: number, end: number): number {
  for (let k = 0; k < LOWER_SECRETS.length; k++) {
    const s = LOWER_SECRETS[k];
    const from = end - s.length;
    if (from < start || (from > start && xml.charCodeAt(from - 1) !== 58 /* : */)) continue;
    let j = s.length - 1;
    while (j >= 0 && (xml.charCodeAt(from + j) | 0x20) === s.charCodeAt(j)) j--;
    if (j < 0) return k;
  }
  return -1;
}

const MASK = '******';

/** Where a tag name ends: white space, '>', '/', '<' (a name the reader would refuse still ends somewhere). */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 62 || c === 47 || c === 60;
}

function nameAt(xml: string, from: number): number {
  let j = from;
  while (j < xml.length && !endsName(xml.charCodeAt(j))) j++;
  return j;
}

/** What one structural pass found: the secret values (for the literal scrub) and where they were. */
export interface RedactFindings {
  /** Secret values as written (CDATA markers off, trimmed). */
  secrets: string[];
  /** [start, end) of each secret element in the input, start tag included. */
  spans: number[];
}

export function newFindings(): RedactFindings {
  return { secrets: [], spans: [] };
}

/**
 * Replace the content of every element that looks like a secret one: the reader's local-name rule, any prefix,
 * attributes and CDATA allowed; an element never closed (or closed under another name) is secret to the end of
 * the text; nested elements of the same name count, so a close inside does not end it early; a start tag
 * never terminated hides the rest of the text. Then URL tickets. Linear: the cursor only moves forward.
 */
export function redactXmlCollect(xml: string, found: RedactFindings = newFindings()): string {
  const n = xml.length;
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    // End tags, comments, declarations are text to this pass: a secret inside a comment is still redacted.
    if (c === 47 || c === 33 || c === 63) { i = lt + 1; continue; }
    const nameEnd = nameAt(xml, lt + 1);
    const local = secretAt(xml, lt + 1, nameEnd);
    if (local === -1) { i = Math.max(nameEnd, lt + 1); continue; }

    // The start tag: attribute values may hold '>' (quotes respected); a '<' anywhere means it never ended (the
    // reader refuses '<' in attribute values), which also keeps this scan from passing the next tag.
    let k = nameEnd;
    let quote = 0;
    for (; k < n; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === 60) break;
      if (quote !== 0) { if (ch === quote) quote = 0; } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (k < n && xml.charCodeAt(k) === 62 && xml.charCodeAt(k - 1) === 47) { i = k + 1; continue; } // <password/>
    const tagClosed = k < n && xml.charCodeAt(k) === 62;
    const contentStart = tagClosed ? k + 1 : nameEnd;

    // The content: up to the close tag of the same local name at depth 0, CDATA sections opaque.
    let p = contentStart;
    let depth = 1;
    let end = n;
    while (p < n) {
      const q = xml.indexOf('<', p);
      if (q === -1) break;
      if (xml.startsWith('<![CDATA[', q)) {
        const ce = xml.indexOf(']]>', q + 9);
        if (ce === -1) break;
        p = ce + 3;
        continue;
      }
      const closing = xml.charCodeAt(q + 1) === 47;
      const ne = nameAt(xml, q + (closing ? 2 : 1));
      if (secretAt(xml, q + (closing ? 2 : 1), ne) === local) {
        depth += closing ? -1 : 1;
        if (depth === 0) { end = q; break; }
      }
      p = Math.max(ne, q + 1);
    }
    const content = xml.slice(contentStart, end);
    const value = stripCdata(content).trim();
    if (content.trim() === '' || value === MASK || value === REDACTED) { i = end; continue; }
    found.secrets.push(value);
    if (value.includes('&')) found.secrets.push(decodeReferences(value));
    found.spans.push(lt, end);
    out.push(xml.slice(copied, contentStart), tagClosed ? REDACTED : ` ${REDACTED}`);
    copied = end;
    i = end;
  }
  out.push(xml.slice(copied));
  return redactUrlTickets(out.join(''), found);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The value as the reader decodes it (the five entities and character references), for the literal scrub. */
function decodeReferences(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|\w+);/g, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function stripCdata(s: string): string {
  if (!s.includes('<![CDATA[')) return s;
  return s.split('<![CDATA[').join('').split(']]>').join('');
}

/** Query parameters whose value is a ticket or token: p.php?...&TK=ticket (also HTML-escaped &amp;TK=). */
const URL_SECRET_PARAMS = ['tk', 'ticket', 'token', 'access_token'];

/** The parameter name before '=' at `eq`, if it is a secret one that follows '?', '&' or '&amp;'. */
function urlSecretParam(xml: string, eq: number): boolean {
  for (const p of URL_SECRET_PARAMS) {
    const from = eq - p.length;
    if (from < 1) continue;
    let j = p.length - 1;
    while (j >= 0 && (xml.charCodeAt(from + j) | 0x20) === p.charCodeAt(j)) j--;
    if (j >= 0) continue;
    const before = xml.charCodeAt(from - 1);
    if (before === 63 /* ? */ || before === 38 /* & */ || (before === 59 /* ; */ && xml.startsWith('&amp;', from - 5))) return true;
  }
  return false;
}

/** Where a URL parameter's value ends: '&', '<', quotes, white space. */
function endsValue(c: number): boolean {
  return c === 38 || c === 60 || c === 34 || c === 39 || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Token and ticket parameters in URLs, by one forward scan over the '=' signs. */
function redactUrlTickets(xml: string, found: RedactFindings): string {
  const out: string[] = [];
  const seen = new Set<string>();
  let copied = 0;
  for (let eq = xml.indexOf('='); eq !== -1; eq = xml.indexOf('=', eq + 1)) {
    if (!urlSecretParam(xml, eq)) continue;
    let end = eq + 1;
    while (end < xml.length && !endsValue(xml.charCodeAt(end))) end++;
    if (end === eq + 1) continue;
    const value = xml.slice(eq + 1, end);
    if (!seen.has(value)) {
      seen.add(value);
      found.secrets.push(value, decodeURIComponentSafe(value));
    }
    out.push(xml.slice(copied, eq + 1), REDACTED);
    copied = end;
    eq = end - 1;
  }
  if (out.length === 0) return xml;
  out.push(xml.slice(copied));
  return out.join('');
}

export function redactXml(xml: string): string {
  return redactXmlCollect(xml);
}

/**
 * Distinct secrets worth a literal scrub (4 characters or more; shorter ones are left to the structural pass),
 * `first` ones kept ahead of the rest, then longest first.
 */
export function secretList(first: readonly (string | undefined)[], rest: readonly string[]): string[] {
  const seen = new Set<string>();
  const lead: string[] = [];
  for (const s of first) if (s !== undefined && s.length >= 4 && !seen.has(s)) { seen.add(s); lead.push(s); }
  const others: string[] = [];
  for (const s of rest) if (s.length >= 4 && !seen.has(s)) { seen.add(s); others.push(s); }
  others.sort((a, b) => b.length - a.length);
  return [...lead, ...others];
}

/**
 * How many secrets a long text is scrubbed of. Each scrub is a linear search, so a fixed number keeps the
 * whole pass linear; the structural pass already took every secret element out of the long texts.
 */
export const LONG_TEXT_SECRETS = 16;

/** Replace every occurrence of each secret (longest first). */
export function scrubLiterals(text: string, secrets: readonly string[], limit = secrets.length): string {
  let out = text;
  const count = Math.min(limit, secrets.length);
  for (let i = 0; i < count; i++) {
    const s = secrets[i];
    if (s.length <= out.length && out.includes(s)) out = out.split(s).join(REDACTED);
  }
  return out;
}

/** Deep copy with secret-named keys replaced and secret literals scrubbed from every string. */
export function redactValue(value: unknown, secrets: readonly string[], limit = LONG_TEXT_SECRETS): unknown {
  if (typeof value === 'string') return scrubLiterals(value, secrets, limit);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, limit));
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>; // a key named __proto__ stays a key
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretName(k) && v !== '' && v !== undefined ? REDACTED : redactValue(v, secrets, limit);
    }
    return out;
  }
  return value;
}

// Request text a reader's message quotes: "…", <…>, </…>, `attribute NAME`, character and entity references.
const QUOTED_RE = /"[^"]*"|<\/?[^<>]*>|(attribute )\S+|&#?\w+;/g;

/**
 * A reader's message about text it refused (`... (line N)`): when line N touches a secret element, the text
 * it quotes may be part of the secret (an unescaped '<' in a password makes the rest look like a tag name), so
 * every quoted piece goes. Linear in the text.
 */
export function redactReaderDetail(detail: string, text: string, spans: readonly number[]): string {
  if (spans.length === 0) return detail;
  const m = /\(line (\d+)\)\s*$/.exec(detail);
  if (!m) return detail;
  const line = Number(m[1]);
  let start = 0;
  for (let l = 1; l < line && start !== -1; l++) {
    const nl = text.indexOf('\n', start);
    start = nl === -1 ? -1 : nl + 1;
  }
  if (start === -1) return detail;
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl;
  let touches = false;
  for (let s = 0; s < spans.length && !touches; s += 2) touches = spans[s] <= end && spans[s + 1] >= start;
  if (!touches) return detail;
  const head = detail.slice(0, m.index);
  return head.replace(QUOTED_RE, (_all, attribute: string | undefined) => `${attribute ?? ''}${REDACTED}`) + detail.slice(m.index);
}

function decodeURIComponentSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
