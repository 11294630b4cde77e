/**
 * Property-based fuzzing of the envelope reader: whatever the bytes, parseEnvelope returns an Envelope or an
 * EnvelopeError (never throws), valid envelopes read back exactly, and hostile documents are refused.
 */
import fc from 'fast-check';
import { isEnvelopeError, parseEnvelope, type Envelope } from '../../mock-server/wire';
import { escapeXml } from '../../mock-server/wire';
import { RUNS } from './support/harness';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const SECURITY = ['webExID', 'email', 'password', 'sessionTicket', 'webExAccessToken', 'siteName', 'siteID', 'partnerID'] as const;

const readsWithoutThrowing = (raw: Buffer | string) => {
  const r = parseEnvelope(raw);
  if (isEnvelopeError(r)) expect(r.detail.length).toBeGreaterThan(0);
  else expect(typeof r.bodyType).toBe('string');
  return r;
};

/** Text a client may legitimately send: any XML character, including markup characters (escaped on the wire). */
// eslint-disable-next-line no-control-regex
const xmlText = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g, '').trim());
const elementName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,11}$/);

describe('envelope reader: generated valid envelopes read back exactly', () => {
  it('securityContext fields, body type and body elements round-trip through escaping', () => {
    fc.assert(fc.property(
      fc.subarray([...SECURITY]).chain((fields) => fc.tuple(fc.constant(fields), fc.array(xmlText, { minLength: fields.length, maxLength: fields.length }))),
      fc.array(fc.tuple(elementName, xmlText), { maxLength: 12 }),
      fc.constantFrom('', 'serv:', 'com:'),
      ([fields, values], body, prefix) => {
        const sc = fields.map((f, i) => `<${prefix}${f}>${escapeXml(values[i])}</${prefix}${f}>`).join('');
        const content = body.map(([n, v]) => `<${n}>${escapeXml(v)}</${n}>`).join('');
        const xml = `<?xml version="1.0" encoding="UTF-8"?><serv:message ${XSI}><header><securityContext>${sc}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser">${content}</bodyContent></body></serv:message>`;
        const r = readsWithoutThrowing(Buffer.from(xml, 'utf8')) as Envelope;
        expect(isEnvelopeError(r)).toBe(false);
        fields.forEach((f, i) => expect(r.security[f]).toBe(values[i]));
        expect(r.body.children.map((c) => [c.name, c.text])).toEqual(body);
      },
    ), { numRuns: RUNS * 3 });
  });
});

describe('envelope reader: arbitrary and mutated input never throws', () => {
  const valid = `<?xml version="1.0" encoding="UTF-8"?><serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>P@ssword123</password></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>host</webExId><title>R&amp;D</title><![CDATA[x]]><!-- c --></bodyContent></body></serv:message>`;

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => { readsWithoutThrowing(Buffer.from(bytes)); }), { numRuns: RUNS * 5 });
  });

  it('random strings, including markup-heavy ones', () => {
    const markup = fc.array(fc.constantFrom('<', '>', '/', '&', ';', '"', "'", '=', '!', '?', '[', ']', '-', 'a', ':', ' ', '#', 'x', '<!--', '<![CDATA[', ']]>', '&amp;', '&#0;', '&#x110000;'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), markup), (s) => { readsWithoutThrowing(s); }), { numRuns: RUNS * 5 });
  });

  it('a valid envelope with bytes inserted, deleted or the document cut short', () => {
    const bytes = Buffer.from(valid);
    fc.assert(fc.property(
      fc.nat({ max: bytes.length }), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 8 }), fc.boolean(),
      (at, drop, insert, cut) => {
        const mutated = cut ? bytes.subarray(0, at) : Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(Math.min(bytes.length, at + drop))]);
        readsWithoutThrowing(mutated);
      },
    ), { numRuns: RUNS * 5 });
  });
});

describe('envelope reader: hostile documents are refused', () => {
  const wrap = (inner: string, prolog = '') => `${prolog}<serv:message ${XSI}><header><securityContext><siteName>demo</siteName></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>host</webExId>${inner}</bodyContent></body></serv:message>`;
  const refused = (raw: Buffer | string, detail: RegExp) => {
    const r = parseEnvelope(raw);
    expect(isEnvelopeError(r)).toBe(true);
    if (isEnvelopeError(r)) expect(r.detail).toMatch(detail);
  };

  it('entity expansion (billion laughs, quadratic blow-up), external and parameter entities, any DOCTYPE', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
    refused(wrap('<title>&lol9;</title>', laughs), /DOCTYPE/);
    refused(wrap('<title>&a;&a;&a;</title>', `<!DOCTYPE m [<!ENTITY a "${'x'.repeat(50_000)}">]>`), /DOCTYPE/);
    refused(wrap('<title>&xxe;</title>', '<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), /DOCTYPE/);
    refused(wrap('<title>x</title>', '<!DOCTYPE m [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>'), /DOCTYPE/);
    refused(wrap('<title>x</title>', '<!doctype m SYSTEM "file:///etc/passwd">'), /DOCTYPE/);
    // An entity reference without a declaration is not expanded from anywhere: the document is malformed.
    refused(wrap('<title>&xxe;</title>'), /undefined entity/);
  });

  it('10k-deep nesting and too many elements', () => {
    refused(wrap(`${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}`), /nesting/);
    refused(wrap(`${'<a>'.repeat(10_000)}`), /nesting/);
    refused(wrap('<x/>'.repeat(250_000)), /elements/);
  });

  it('invalid UTF-8 anywhere in the body', () => {
    fc.assert(fc.property(
      fc.constantFrom([0xc3, 0x28], [0xa0, 0xa1], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0x28], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80]),
      fc.nat(),
      (bad, where) => {
        const xml = Buffer.from(wrap('<title>XXXXXXXX</title>'));
        const at = xml.indexOf('XXXXXXXX') + (where % 4);
        Buffer.from(bad).copy(xml, at);
        refused(xml, /UTF-8/);
      },
    ), { numRuns: RUNS });
  });

  it('huge attribute and text values (4 MB each) are read whole', () => {
    const big = 'v'.repeat(4 * 1024 * 1024);
    const r = parseEnvelope(wrap(`<title a="${big}">${big}</title>`));
    expect(isEnvelopeError(r)).toBe(false);
    if (!isEnvelopeError(r)) expect(r.body.children[1].text.length).toBe(big.length);
  });

  it('duplicated attributes, markup in attribute values, __proto__ names stay data', () => {
    refused(wrap('<title a="1" a="2">x</title>'), /duplicate attribute/);
    refused(wrap('<title a="<b>">x</title>'), /"<"/);
    const r = parseEnvelope(wrap('<__proto__ __proto__="polluted" constructor="x">y</__proto__>'));
    expect(isEnvelopeError(r)).toBe(false);
    if (!isEnvelopeError(r)) expect(r.body.children[1].attrs.__proto__).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('characters XML 1.0 forbids, in text, attribute values, element and attribute names (issue 10 §3)', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF']) {
      refused(wrap(`<title>a${c}b</title>`), /character XML 1.0 does not allow/);
      refused(wrap(`<title a="x${c}">b</title>`), /character XML 1.0 does not allow/);
      refused(wrap(`<ti${c}tle>b</ti${c}tle>`), /character XML 1.0 does not allow/);
      refused(wrap(`<title a${c}b="x">b</title>`), /character XML 1.0 does not allow/);
      refused(wrap(`<!-- ${c} --><title>b</title>`), /character XML 1.0 does not allow/);
    }
    // The detail says where, never which character (it may be part of a password).
    const r = parseEnvelope(wrap('<title>\u0001</title>'));
    expect(isEnvelopeError(r) && r.detail).toMatch(/\(line 1\)$/);
    // Tab, LF, CR, astral characters (a valid surrogate pair), U+FFFD and BOM-adjacent text stay readable.
    for (const ok of ['\t', '\n', '\r', '\u{1F600}', '\uFFFD', '\uE000', '\uD7FF']) {
      const v = parseEnvelope(wrap(`<title a="${ok}">x${ok}y</title>`));
      expect(isEnvelopeError(v)).toBe(false);
    }
  });

  it('"--" inside a comment, an XML declaration after the start, "]]>" in text (issue 10 §3)', () => {
    refused(wrap('<!-- a -- b --><title>x</title>'), /"--" inside a comment/);
    refused(wrap('<!-- a ---><title>x</title>'), /"--" inside a comment/);
    refused(wrap('<title>x</title>', '<?xml version="1.0"?><?xml version="1.0"?>'), /XML declaration not at the start/);
    refused(wrap('<title>x</title>', ' <?xml version="1.0"?>'), /XML declaration not at the start/);
    refused(wrap('<?XML version="1.0"?><title>x</title>'), /XML declaration not at the start/);
    refused(wrap('<title>a]]>b</title>'), /"]]>" in text/);
    // What stays well-formed: empty and dash-led comments, the declaration first (after a BOM too), other PIs,
    // "]]>" escaped or inside CDATA or an attribute value.
    for (const ok of [
      wrap('<!----><!--- a - b --><title>x</title>', '<?xml version="1.0"?>'),
      wrap('<title>x</title>', '\uFEFF<?xml version="1.0"?>'),
      wrap('<?xml-stylesheet href="a"?><?xmlfoo?><title>x</title>'),
      wrap('<title a="]]>">]]&gt;<![CDATA[]]]]><![CDATA[>]]></title>'),
    ]) expect(isEnvelopeError(parseEnvelope(ok))).toBe(false);
  });

  it('wrong or missing xsi:type, xsi not declared, wrong root', () => {
    refused(wrap('').replace(' xsi:type="java:com.webex.service.binding.user.SetUser"', ''), /xsi:type/);
    refused(wrap('').replace(XSI, ''), /xmlns:xsi/);
    refused(wrap('').replace(/serv:message/g, 'serv:massage'), /root/);
    const unknown = parseEnvelope(wrap('').replace('user.SetUser', 'user.Nope'));
    expect(isEnvelopeError(unknown)).toBe(false); // readable: the engine answers "Fail to forward" for the unknown type
  });
});
