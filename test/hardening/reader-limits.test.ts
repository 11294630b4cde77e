/**
 * Issue 10: bad input never stalls the envelope reader, and its details never carry secret request text.
 * Big adversarial bodies (5 MB, the HTTP door's limit) are asserted by their result under a generous timeout;
 * speed itself is measured in bench/, never here.
 */
import { createWebexMock, type ExchangeMeta, type RunningServer } from '../../mock-server';
import { isEnvelopeError, parseEnvelope } from '../../mock-server/wire';
import { post } from './support/harness';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const FIVE_MB = 5 * 1024 * 1024 - 4096;
const wrap = (sc: string, inner = '<webExId>host</webExId>') => `<serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID>${sc}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">${inner}</bodyContent></body></serv:message>`;
const detailOf = (xml: string): string => {
  const r = parseEnvelope(xml);
  if (!isEnvelopeError(r)) throw new Error('the envelope was read');
  return r.detail;
};
const fill = (unit: string, bytes = FIVE_MB) => unit.repeat(Math.floor(bytes / unit.length));

describe('references are decoded in one pass and the first bad one refuses the body', () => {
  it('5 MB of "&TK=1" in text or an attribute value is refused at the first one', () => {
    expect(detailOf(wrap('', `<title>${fill('&TK=1')}</title>`))).toBe('malformed XML: bare "&" (line 1)');
    expect(detailOf(wrap('', `<title a="${fill('&TK=1')}">x</title>`))).toBe('malformed XML: bare "&" (line 1)');
  }, 60_000);

  it('5 MB of valid references decode to the same text as before', () => {
    const r = parseEnvelope(wrap('', `<title a="${fill('&amp;&#x1F600;&#65;', FIVE_MB / 2)}">${fill('R&lt;D&quot;&apos;&gt;', FIVE_MB / 2)}</title>`));
    expect(isEnvelopeError(r)).toBe(false);
    if (isEnvelopeError(r)) return;
    const title = r.body.children[0];
    expect(title.attrs.a).toBe(fill('&amp;&#x1F600;&#65;', FIVE_MB / 2).replace(/&amp;/g, '&').replace(/&#x1F600;/g, '\u{1F600}').replace(/&#65;/g, 'A'));
    expect(title.text).toBe(fill('R&lt;D&quot;&apos;&gt;', FIVE_MB / 2).replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&gt;/g, '>'));
  }, 60_000);

  it('the detail gives the line of the bad reference itself, not of the text it starts', () => {
    expect(detailOf(wrap('', '<title>a &amp;\nb &lt;\nc &bad\n</title>'))).toBe('malformed XML: bare "&" (line 3)');
    expect(detailOf(wrap('', '<title>a\n&#0;</title>'))).toBe('malformed XML: invalid character reference (line 2)');
  });

  it('every reference form: hex either case, decimal, astral; the broken ones are refused', () => {
    const r = parseEnvelope(wrap('', '<title>&#x41;&#X42;&#67;&#x1f600;&#0065;</title>'));
    expect(!isEnvelopeError(r) && r.body.children[0].text).toBe('ABC\u{1F600}A');
    for (const bad of ['&#x;', '&#;', '&#12a;', '&amp', '&1a;', '& ;', '&#xD800;', '&#1114112;', '&#xFFFE;']) {
      expect(detailOf(wrap('', `<title>${bad}</title>`))).toMatch(/^malformed XML: (bare "&"|invalid character reference) \(line 1\)$/);
    }
  });

  it('an Object.prototype name is an undefined entity, not a lookup into a plain object', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(detailOf(wrap('', `<title>&${name};</title>`))).toBe('malformed XML: undefined entity reference (line 1)');
    }
  });
});

describe('element and depth limits refuse a body before it is built', () => {
  it('5 MB of tiny elements (238k) gets the element limit', () => {
    const body = `<x>${'<password>a</password>'.repeat(238_000)}</x>`;
    expect(detailOf(body)).toBe('more than 200000 elements (line 1)');
  }, 60_000);

  it('the element count comes before any element is read: a defect at element 100k does not hide it', () => {
    const body = wrap('', `${'<x/>'.repeat(100_000)}<x a=1/>${'<x/>'.repeat(150_000)}`);
    expect(detailOf(body)).toBe('more than 200000 elements (line 1)');
    // Under the limit, the same defect is what the detail names.
    expect(detailOf(wrap('', `${'<x/>'.repeat(100_000)}<x a=1/>`))).toBe('malformed XML: attribute a value is not quoted (line 1)');
  }, 60_000);

  it('start tags in comments, CDATA and processing instructions are not counted', () => {
    const r = parseEnvelope(wrap('', `<title><!--${'<x/>'.repeat(200_000)}--><![CDATA[${'<x/>'.repeat(200_000)}]]><?pi ${'<x/>'.repeat(200_000)}?>t</title>`));
    expect(isEnvelopeError(r)).toBe(false);
  }, 60_000);

  it('5 MB nested 180k deep stops at the depth limit', () => {
    const name = 'abcdefghijklmnopqrstuvwxyz';
    const body = wrap('', fill(`<${name}>`));
    expect(detailOf(body)).toBe('nesting deeper than 64 (line 1)');
  }, 60_000);
});

// A fragment of each secret that the detail must never carry; the unescaped markup makes it look like XML.
const FRAG = 'Zq7Frag';
const broken = [
  `pa<${FRAG}`, `pa<${FRAG} word`, `pa<${FRAG} w=1>`, `pa<${FRAG} w="1" w="2">`, `pa<${FRAG} w="<">`, `pa<${FRAG}/ x`,
  `pa<${FRAG}>x`, `pa</${FRAG}>`, `pa&${FRAG};`, `pa&#${FRAG}`, `a</password>b<${FRAG} q r`, `a</password>b<c>d</c><${FRAG} q r`,
  `<${FRAG}>`, `a<b><${FRAG}>`,
];
const SECRET_TAGS = ['password', 'serv:sessionTicket', 'com:WEBEXACCESSTOKEN', 'x:y:accessToken', 'samlResponse', 'Ticket'];

describe('reader details never quote text from inside or next to a secret element', () => {
  it('no secret element, any prefix or case, leaks a fragment of its unescaped value', () => {
    for (const tag of SECRET_TAGS) {
      for (const value of broken) {
        const v = tag === 'password' ? value : value.replace(/password/g, tag);
        const detail = detailOf(wrap(`<${tag}>${v}</${tag}>`));
        expect(detail.toLowerCase()).not.toContain(FRAG.toLowerCase());
        expect(detail).toMatch(/\(line 1\)$/);
      }
    }
  });

  it('names read outside every secret element are still quoted', () => {
    expect(detailOf(wrap('<password>p</password>', '<webExId>host</webExID>'))).toBe('malformed XML: end tag </webExID> does not match <webExId> (line 1)');
    expect(detailOf(wrap('<password>p</password>', '<title a="1" a="2">x</title>'))).toBe('malformed XML: duplicate attribute a (line 1)');
    expect(detailOf(wrap('', '<title a>x</title>'))).toBe('malformed XML: attribute a has no value (line 1)');
    // A secret element's own name is not quoted either.
    expect(detailOf(wrap('<password>p</Password>'))).toBe('malformed XML: end tag does not match its start tag (line 1)');
  });

  describe('over HTTP: the X-Webex-Mock-Detail header and the exchange meta', () => {
    const mock = createWebexMock();
    const metas: ExchangeMeta[] = [];
    mock.engine.observers.push((x) => metas.push({ ...x.meta }));
    let server: RunningServer;
    beforeAll(async () => { server = await mock.listen({ port: 0, host: '127.0.0.1' }); });
    afterAll(async () => { await server.close(); });

    it('carry no fragment of a password with an unescaped "<"', async () => {
      for (const value of broken) {
        const a = await post(server.xmlUrl, wrap(`<password>${value}</password>`));
        expect(a.status).toBe(200);
        const header = String(a.headers['x-webex-mock-detail'] ?? '');
        expect(header).toMatch(/^malformed XML: .*\(line 1\)$/);
        expect(header).not.toContain(FRAG);
      }
      expect(metas.length).toBe(broken.length);
      for (const m of metas) expect(JSON.stringify(m)).not.toContain(FRAG);
    });
  });
});
