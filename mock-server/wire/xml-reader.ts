/**
 * A small, strict XML reader for request envelopes: one pass, straight to XmlNode, no DTDs, no entity
 * expansion beyond the five predefined entities and character references, bounded depth and element count.
 * It replaces a validate-then-parse pair that read each body twice and built text one character at a time
 * (V8 cons strings: ~2.4 KB per stored user and 200 MB of garbage for a 4 MB value).
 */
import { flatString as own } from './flat-string';
import type { XmlNode } from './xml-node';
import { isSecretElementName } from './secret-names';

export interface ReadLimits {
  maxDepth: number;
  maxElements: number;
  /**
   * The local name of the element where one client's documents stop being alike (`bodyContent`: declaration,
   * envelope and credentials come before it). The reader keeps its state at the end of that start tag, and a
   * later document with the very same text up to there resumes from that state instead of reading it again
   * (see Checkpoint). The tree is the same either way.
   */
  resumeAfter?: string;
}

/** Why the body is not well-formed XML (or breaks a limit); the message goes to X-Webex-Mock-Detail. */
export class XmlReadError extends Error {}

// A switch, not an object: `&constructor;` must be an undefined entity, not Object's constructor.
function predefined(name: string): number | undefined {
  switch (name) {
    case 'lt': return 60;
    case 'gt': return 62;
    case 'amp': return 38;
    case 'quot': return 34;
    case 'apos': return 39;
    default: return undefined;
  }
}
// Names: no markup characters, not starting with a digit, '-', '.' or ':'.
const NAME = /^[^\s<>/=!?"'&0-9.:-][^\s<>/=!?"'&]*$/;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const isNameStart = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || isDigit(c) || c === 46 || c === 45;
/** A character of the usual ASCII name after its first: a name character or ':' (what NAME passes without the regex). */
const isAsciiQNameChar = (c: number) => isNameChar(c) || c === 58 /* : */;

/**
 * NAME.test(name), without the regex for the usual ASCII names: an ASCII letter or '_', then ASCII letters,
 * digits, '_', '.', '-' or ':' all pass NAME; anything else is left to NAME itself.
 */
function isName(name: string): boolean {
  const n = name.length;
  if (n === 0 || !isNameStart(name.charCodeAt(0))) return NAME.test(name);
  for (let k = 1; k < n; k++) {
    if (!isAsciiQNameChar(name.charCodeAt(k))) return NAME.test(name);
  }
  return true;
}

const CHUNK = 8192;

/** The string of the first `length` UTF-16 code units (fromCharCode in chunks: argument lists are bounded). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode(...units.subarray(0, length));
  const pieces: string[] = [];
  for (let k = 0; k < length; k += CHUNK) pieces.push(String.fromCharCode(...units.subarray(k, Math.min(length, k + CHUNK))));
  return pieces.join('');
}

/**
 * Decode `&name;` (the five predefined) and `&#N;` / `&#xH;` in one left-to-right pass into a code-unit
 * buffer (a reference never decodes longer than itself). Each reference is read by hand and the first bad one
 * throws at once (a global regex replace collected every match of a 5 MB value before its first callback ran).
 * Errors name the line only: the reference is request text.
 */
function decodeReferences(text: string, where: number, xml: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let k = 0; k < amp; k++) out[n++] = text.charCodeAt(k);
  const fail = (what: string, at: number): never => { throw new XmlReadError(`${what} (line ${lineOf(xml, where + at)})`); };
  while (amp !== -1) {
    let i = amp + 1;
    let decoded: number | undefined;
    if (text.charCodeAt(i) === 35 /* # */) {
      const hex = (text.charCodeAt(i + 1) | 32) === 120 /* x */;
      const digitsAt = hex ? i + 2 : i + 1;
      i = digitsAt;
      while (i < text.length && (hex ? isHexDigit(text.charCodeAt(i)) : isDigit(text.charCodeAt(i)))) i++;
      if (i === digitsAt || text.charCodeAt(i) !== 59 /* ; */) fail('bare "&"', amp);
      const code = parseInt(text.slice(digitsAt, i), hex ? 16 : 10);
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) fail('invalid character reference', amp);
      if (code > 0xffff) {
        out[n++] = 0xd800 + ((code - 0x10000) >> 10);
        decoded = 0xdc00 + ((code - 0x10000) & 0x3ff);
      } else {
        decoded = code;
      }
    } else {
      if (!isNameStart(text.charCodeAt(i))) fail('bare "&"', amp);
      while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 59 /* ; */) fail('bare "&"', amp);
      decoded = predefined(text.slice(amp + 1, i));
      // The name is request text (it may be part of a password): the detail gives only where it is.
      if (decoded === undefined) fail('undefined entity reference', amp);
    }
    out[n++] = decoded!;
    const from = i + 1;
    amp = text.indexOf('&', from);
    for (let k = from, stop = amp === -1 ? text.length : amp; k < stop; k++) out[n++] = text.charCodeAt(k);
  }
  return fromCodeUnits(out, n);
}

function lineOf(xml: string, at: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < at; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

// XML 1.0 §2.2 Char: no C0 controls but tab/LF/CR, no U+FFFE/U+FFFF, no lone surrogates (anywhere: text,
// attribute values, names, comments). One regex scan plus isWellFormed (Node 20) costs ~1 ns a character.
// Global: a resumed document is scanned from its checkpoint on (lastIndex).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormedUtf16 = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Where the first character XML 1.0 forbids is, or -1. `from`: a resumed document's checkpoint, before which the
 * text was read before and holds none (it ends with '>', so no surrogate pair is split there).
 */
function forbiddenCharAt(xml: string, from: number): number {
  FORBIDDEN_CHAR.lastIndex = from;
  const hit = FORBIDDEN_CHAR.exec(xml);
  if (hit) return hit.index;
  if (wellFormedUtf16(from === 0 ? xml : xml.slice(from))) return -1;
  return xml.search(LONE_SURROGATE);
}

/**
 * Where the start tag that breaks the element limit is, or -1: a cheap count of start tags (a '<' not opening
 * an end tag, comment, CDATA section or processing instruction) before any node is built, so a 5 MB body of
 * tiny elements is refused in milliseconds. In a well-formed document every such '<' is a start tag (text and
 * attribute values cannot hold '<'), so the count is the reader's own. A body shorter than 3 characters a start
 * tag cannot hold more than the limit and skips the count.
 */
function startTagBeyond(xml: string, maxElements: number, from: number, before: number): number {
  if (xml.length < 3 * maxElements + 2) return -1;
  let count = before; // start tags before `from` (a resumed document's checkpoint)
  for (let lt = xml.indexOf('<', from); lt !== -1;) {
    const next = xml.charCodeAt(lt + 1);
    let resume = lt + 1;
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) resume = xml.indexOf('-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) resume = xml.indexOf(']]>', lt + 9);
    } else if (next === 63 /* ? */) {
      resume = xml.indexOf('?>', lt + 2);
    } else if (next !== 47 /* / */ && ++count > maxElements) {
      return lt;
    }
    if (resume === -1) return -1; // unterminated: the reader says so
    lt = xml.indexOf('<', resume);
  }
  return -1;
}


interface Open {
  node: XmlNode | undefined;
  qname: string;
  secret: boolean;
  /** The first trimmed text piece between child elements; `more` only once a second one comes (most have one). */
  first: string | undefined;
  more: string[] | undefined;
}

function addText(open: Open, text: string): void {
  if (open.first === undefined) open.first = text;
  else if (open.more === undefined) open.more = [open.first, text];
  else open.more.push(text);
}

/**
 * Children of an element that has none: one shared, frozen array instead of one per element (V8 gives an empty
 * array a 17-slot store at its first push, ~80 bytes an element; most elements of an envelope are leaves).
 */
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** Attributes of an element that has none: one shared, frozen object instead of a dictionary per element. */
const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** The text between pos and end holds only XML white space (nothing to slice, check or keep). */
function blank(xml: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** `xml` from `from` to `to` is `name` followed by XML white space only (what slice + trimEnd would equal). */
function namesEndTag(xml: string, from: number, to: number, name: string): boolean {
  const n = name.length;
  if (to - from < n) return false;
  // By character code: startsWith with a position costs ~2x this loop for names this short.
  for (let k = 0; k < n; k++) if (xml.charCodeAt(from + k) !== name.charCodeAt(k)) return false;
  for (let i = from + n; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/**
 * Where a document's reading may resume: the state at the end of the first start tag named `resumeAfter`, kept
 * from an earlier document with the same text up to there. Every request of a client repeats its declaration,
 * envelope and credentials (~400 of a CreateUser's ~760 characters, ~40% of its reading); a checkpoint turns
 * them into one comparison. The elements before the checkpoint that were closed (the header) are shared by the
 * trees that resume from it: nothing writes to a tree once it is read. Held in this process only, like the
 * password cache in site/rules.ts (the credentials are in the text); only from documents read to the end
 * without error, at most MAX_CHECKPOINTS of them, each at most MAX_CHECKPOINT_CHARS long.
 */
interface Checkpoint {
  limits: ReadLimits;
  text: string;
  elements: number;
  secretsOpen: number;
  quietFrom: number;
  /** The open elements, root first: each node's fields, its closed children, its open-stack entry. */
  open: {
    name: string; prefix: string; attrs: Record<string, string>; closed: readonly XmlNode[];
    qname: string; secret: boolean; first: string | undefined; more: readonly string[] | undefined;
  }[];
}
const checkpoints: Checkpoint[] = [];
const MAX_CHECKPOINTS = 4;
const MAX_CHECKPOINT_CHARS = 4096;

/**
 * The state at `end` (just after a start tag), for a later document with the same text before it. Every string
 * it keeps is a flat copy: a name sliced from the document is a view that would keep the whole document (up to
 * the body limit) for as long as the checkpoint lives. Closed elements get their names flattened in place (the
 * same text, in the tree being read).
 */
function checkpointAt(xml: string, end: number, limits: ReadLimits, depth: number, elements: number, secretsOpen: number, quietFrom: number): Checkpoint {
  const open: Checkpoint['open'] = [];
  for (let d = 0; d < depth; d++) {
    const o = opens[d];
    const node = o.node!;
    // Below the deepest level the last child is the open element of the next level, rebuilt on resuming.
    const closed = d < depth - 1 ? node.children.slice(0, -1) : node.children.slice();
    for (const c of closed) flattenNames(c);
    open.push({
      name: own(node.name), prefix: own(node.prefix), attrs: node.attrs, closed, qname: own(o.qname), secret: o.secret,
      first: o.first === undefined ? undefined : own(o.first), more: o.more?.map(own),
    });
  }
  return { limits, text: own(xml.slice(0, end)), elements, secretsOpen, quietFrom, open };
}

/** Texts and attribute values are flat already (finish, the attribute loop); names may be views. */
function flattenNames(node: XmlNode): void {
  node.name = own(node.name);
  node.prefix = own(node.prefix);
  for (const c of node.children) flattenNames(c);
}

/** A checkpoint of these limits whose text `xml` starts with. */
function checkpointFor(xml: string, limits: ReadLimits): Checkpoint | undefined {
  for (let k = 0; k < checkpoints.length; k++) {
    const c = checkpoints[k];
    // slice + === compares with memcmp; startsWith goes character by character (~6x slower for ~400 characters).
    if (c.limits === limits && xml.length > c.text.length && xml.slice(0, c.text.length) === c.text) {
      if (k > 0) { checkpoints.splice(k, 1); checkpoints.unshift(c); }
      return c;
    }
  }
  return undefined;
}

/** New nodes for the open elements (their closed children shared), in the open-stack entries; returns the root. */
function resume(c: Checkpoint): XmlNode {
  let below: XmlNode | undefined;
  for (let d = c.open.length - 1; d >= 0; d--) {
    const s = c.open[d];
    const children = below === undefined ? (s.closed.length > 0 ? s.closed.slice() : NO_CHILDREN) : [...s.closed, below];
    const node: XmlNode = { name: s.name, prefix: s.prefix, attrs: s.attrs, children, text: '' };
    setOpen(d, node, s.qname, s.secret, s.first, s.more?.slice());
    below = node;
  }
  if (c.open.length > deepest) deepest = c.open.length;
  return below!;
}

/**
 * The open elements, one entry per depth, reused by every document (readXml is synchronous and calls nothing
 * that could read another): no object per element. Emptied when a document ends, so none keeps request text.
 */
const opens: Open[] = [];
let deepest = 0;

/** The innermost open element's entry at `depth` (a plain function: no closure per document). */
const openAt = (depth: number): Open | undefined => (depth > 0 ? opens[depth - 1] : undefined);

/** Depth d's entry of the open stack, its pooled record reused. */
function setOpen(d: number, node: XmlNode, qname: string, secret: boolean, first: string | undefined, more: string[] | undefined): void {
  const open = opens[d];
  if (open === undefined) opens[d] = { node, qname, secret, first, more };
  else { open.node = node; open.qname = qname; open.secret = secret; open.first = first; open.more = more; }
}

/** Read one document; returns the root element or throws XmlReadError. */
export function readXml(xml: string, limits: ReadLimits): XmlNode {
  try {
    return read(xml, limits);
  } finally {
    for (let d = 0; d < deepest; d++) {
      const o = opens[d];
      o.node = undefined; o.qname = ''; o.first = undefined; o.more = undefined;
    }
    deepest = 0;
  }
}

function read(xml: string, limits: ReadLimits): XmlNode {
  const len = xml.length;
  const resumed = limits.resumeAfter === undefined ? undefined : checkpointFor(xml, limits);
  let depth = 0;
  let root: XmlNode | undefined;
  let elements = 0;
  let pos = 0;
  const fail = (what: string, at: number): never => { throw new XmlReadError(`${what} (line ${lineOf(xml, at)})`); };
  const bad = forbiddenCharAt(xml, resumed?.text.length ?? 0);
  // The code point is request text (it may be part of a password): the detail names only its kind.
  if (bad !== -1) fail('a character XML 1.0 does not allow', bad);
  const beyond = startTagBeyond(xml, limits.maxElements, resumed?.text.length ?? 0, resumed?.elements ?? 0);
  if (beyond !== -1) fail(`more than ${limits.maxElements} elements`, beyond);
  // Details go to meta, the X-Webex-Mock-Detail header and logs, so they quote request text only when it cannot
  // be secret: a valid name that is not a secret element's, read outside every secret element and outside the
  // rest of the parent of a closed one (a password holding an unescaped "</password>" continues there).
  let secretsOpen = 0;
  let quietFrom = -1; // stack depth from which a closed secret's siblings are read; -1: none
  let checkpoint: Checkpoint | undefined;
  if (resumed) {
    root = resume(resumed);
    depth = resumed.open.length;
    elements = resumed.elements;
    pos = resumed.text.length;
    secretsOpen = resumed.secretsOpen;
    quietFrom = resumed.quietFrom;
  }
  const quiet = () => secretsOpen > 0 || (quietFrom !== -1 && depth >= quietFrom);
  const say = (...names: string[]) => !quiet() && names.every((n) => NAME.test(n) && !isSecretElementName(n));
  // Phrases for a start tag's errors (built only when failing): names quoted only when the tag is not a secret
  // element's and not read in a quiet stretch; unnamed, "attribute" ends the phrase (the journal reads
  // `attribute X` as a quoted name).
  const tagPhrase = (qname: string, secret: boolean) => (!secret && say(qname) ? ` <${qname}>` : '');
  const attrPhrase = (qname: string, secret: boolean, name: string, named: string, unnamed: string) => (!secret && say(qname, name) ? named : unnamed);
  // The XML declaration may only open the document (after a byte order mark at most).
  const docStart = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    const end = lt === -1 ? len : lt;
    if (end > pos) {
      const top = openAt(depth);
      if (top) {
        // White space between tags (most text of an envelope) is dropped without being sliced.
        if (!blank(xml, pos, end)) {
          const raw = xml.slice(pos, end);
          if (raw.includes(']]>')) fail('"]]>" in text', pos + raw.indexOf(']]>'));
          const text = decodeReferences(raw, pos, xml).trim();
          if (text !== '') addText(top, text);
        }
      } else {
        for (let i = pos; i < end; i++) if (!isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 0xfeff) fail('text outside the root element', i);
      }
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);

    if (next === 63 /* ? */) { // declaration or processing instruction
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) fail('unterminated processing instruction', lt);
      // The target is "xml" in any case when the declaration (or a reserved PI) appears after the start.
      const after = xml.charCodeAt(lt + 5);
      if (lt !== docStart && (xml.charCodeAt(lt + 2) | 32) === 120 && (xml.charCodeAt(lt + 3) | 32) === 109 && (xml.charCodeAt(lt + 4) | 32) === 108 && (isSpace(after) || after === 63)) {
        fail('XML declaration not at the start of the document', lt);
      }
      pos = close + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close === -1) fail('unterminated comment', lt);
        // "--" may only end a comment (so "--->" is malformed too); the search stops at close at the latest.
        if (xml.indexOf('--', lt + 4) !== close) fail('"--" inside a comment', lt);
        pos = close + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const top = openAt(depth);
        if (!top) fail('CDATA outside the root element', lt);
        const close = xml.indexOf(']]>', lt + 9);
        if (close === -1) fail('unterminated CDATA section', lt);
        const text = xml.slice(lt + 9, close);
        if (text !== '') addText(top!, text);
        pos = close + 3;
        continue;
      }
      fail('DOCTYPE and entity declarations are not accepted', lt);
    }
    if (next === 47 /* / */) { // end tag
      const close = xml.indexOf('>', lt + 2);
      if (close === -1) fail('unterminated end tag', lt);
      const top = openAt(depth);
      if (top === undefined) {
        const qname = xml.slice(lt + 2, close).trimEnd();
        return fail(say(qname) ? `end tag </${qname}> without a start tag` : 'end tag without a start tag', lt);
      }
      // The usual end tag names its start tag exactly: compared in place, no slice.
      if (!namesEndTag(xml, lt + 2, close, top.qname)) {
        const qname = xml.slice(lt + 2, close).trimEnd();
        if (top.qname !== qname) fail(say(qname, top.qname) ? `end tag </${qname}> does not match <${top.qname}>` : 'end tag does not match its start tag', lt);
      }
      depth--;
      if (top.secret) {
        secretsOpen--;
        quietFrom = quietFrom === -1 ? depth : Math.min(quietFrom, depth);
      } else if (depth < quietFrom) {
        quietFrom = -1;
      }
      finish(top);
      pos = close + 1;
      continue;
    }

    // Start tag: name, attributes, then '>' or '/>'.
    let i = lt + 1;
    // The usual name (an ASCII letter or '_', then letters, digits, '_', '.', '-', ':') is known valid from this
    // scan; any other goes to isName.
    let simple = isNameStart(xml.charCodeAt(i));
    for (let c = xml.charCodeAt(i); i < len && !isSpace(c) && c !== 62 /* > */ && c !== 47 /* / */; c = xml.charCodeAt(++i)) {
      // isAsciiQNameChar written out: read is too large for V8 to inline the call here (~6% of readXml, measured).
      if (simple && !isNameChar(c) && c !== 58 /* : */) simple = false;
    }
    const qname = xml.slice(lt + 1, i);
    if (!simple && !isName(qname)) fail('invalid element name', lt);
    if (root && depth === 0) fail('more than one root element', lt);
    if (depth + 1 > limits.maxDepth) fail(`nesting deeper than ${limits.maxDepth}`, lt);
    if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`, lt);
    const colon = qname.indexOf(':');
    const node: XmlNode = {
      name: colon === -1 ? qname : qname.slice(colon + 1),
      prefix: colon === -1 ? '' : qname.slice(0, colon),
      attrs: NO_ATTRS, // replaced by a null-prototype object at the first attribute (__proto__ stays an attribute)
      children: NO_CHILDREN, // replaced at the first child
      text: '',
    };
    let selfClosing = false;
    const secret = isSecretElementName(qname);
    for (;;) {
      const before = i;
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      if (i >= len) fail(`unterminated start tag${tagPhrase(qname, secret)}`, lt);
      const c = xml.charCodeAt(i);
      if (c === 62 /* > */) { i++; break; }
      if (c === 47 /* / */) {
        if (xml.charCodeAt(i + 1) !== 62) fail(`unexpected "/" in the start tag${tagPhrase(qname, secret)}`, i);
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === before) fail(`attributes of the start tag${tagPhrase(qname, secret)} must be separated by spaces`, i);
      const nameStart = i;
      for (let c2 = xml.charCodeAt(i); i < len && !isSpace(c2) && c2 !== 61 /* = */ && c2 !== 62 /* > */ && c2 !== 47 /* / */; c2 = xml.charCodeAt(++i));
      const attr = xml.slice(nameStart, i);
      if (!isName(attr)) fail('invalid attribute name', nameStart);
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 /* = */) fail(attrPhrase(qname, secret, attr, `attribute ${attr} has no value`, 'missing value of an attribute'), nameStart);
      i++;
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail(attrPhrase(qname, secret, attr, `attribute ${attr} value is not quoted`, 'unquoted value of an attribute'), nameStart);
      const valueEnd = xml.indexOf(quote, i + 1);
      if (valueEnd === -1) fail(attrPhrase(qname, secret, attr, `unterminated value of attribute ${attr}`, 'unterminated value of an attribute'), nameStart);
      const raw = xml.slice(i + 1, valueEnd);
      if (raw.includes('<')) fail(attrPhrase(qname, secret, attr, `"<" in the value of attribute ${attr}`, '"<" in the value of an attribute'), nameStart);
      if (node.attrs !== NO_ATTRS && attr in node.attrs) fail(attrPhrase(qname, secret, attr, `duplicate attribute ${attr}`, 'a repeated attribute'), nameStart);
      if (node.attrs === NO_ATTRS) node.attrs = Object.create(null) as Record<string, string>;
      node.attrs[attr] = own(decodeReferences(raw, i + 1, xml));
      i = valueEnd + 1;
    }
    const parent = openAt(depth)?.node;
    if (!parent) root = node;
    else if (parent.children === NO_CHILDREN) parent.children = [node];
    else parent.children.push(node);
    if (!selfClosing) {
      setOpen(depth, node, qname, secret, undefined, undefined);
      depth++;
      if (depth > deepest) deepest = depth;
      if (secret) secretsOpen++;
      if (!resumed && checkpoint === undefined && node.name === limits.resumeAfter && i <= MAX_CHECKPOINT_CHARS) {
        checkpoint = checkpointAt(xml, i, limits, depth, elements, secretsOpen, quietFrom);
      }
    } else if (secret) {
      quietFrom = quietFrom === -1 ? depth : Math.min(quietFrom, depth);
    }
    pos = i;
  }
  if (depth > 0) {
    const open = opens[depth - 1].qname;
    fail(say(open) ? `element <${open}> is not closed` : 'an element is not closed', len);
  }
  if (!root) throw new XmlReadError('no root element');
  if (checkpoint && !checkpoints.some((c) => c.limits === limits && c.text === checkpoint!.text)) {
    checkpoints.unshift(checkpoint);
    if (checkpoints.length > MAX_CHECKPOINTS) checkpoints.pop();
  }
  return root;
}

/** The element's text, and its entry emptied for the next element at this depth. */
function finish(open: Open): void {
  const node = open.node!;
  if (open.more !== undefined) node.text = own(open.more.join(''));
  else if (open.first !== undefined) node.text = own(open.first);
  open.node = undefined; open.first = undefined; open.more = undefined;
}
