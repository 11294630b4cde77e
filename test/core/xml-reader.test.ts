/**
 * The envelope reader's fast paths (end tags compared in place, blank text skipped, ASCII names without the
 * regex, attributes allocated at the first one) read exactly what the general paths read, and refuse the same.
 */
import { XmlReadError, readXml } from '../../mock-server/wire/xml-reader';
import type { XmlNode } from '../../mock-server/wire';

const LIMITS = { maxDepth: 64, maxElements: 1000 };
const read = (xml: string) => readXml(xml, LIMITS);
const refusal = (xml: string) => { try { read(xml); return undefined; } catch (e) { expect(e).toBeInstanceOf(XmlReadError); return (e as Error).message; } };
const plain = (n: XmlNode): unknown => ({ name: n.name, prefix: n.prefix, attrs: { ...n.attrs }, text: n.text, children: n.children.map(plain) });

describe('envelope reader', () => {
  it('end tags: white space before ">" is allowed; any other difference is refused, naming both tags', () => {
    expect(plain(read('<a><b>x</b \t\r\n></a\n>'))).toEqual({ name: 'a', prefix: '', attrs: {}, text: '', children: [{ name: 'b', prefix: '', attrs: {}, text: 'x', children: [] }] });
    expect(refusal('<a><b>x</bb></a>')).toBe('end tag </bb> does not match <b> (line 1)');
    expect(refusal('<a><bb>x</b></a>')).toBe('end tag </b> does not match <bb> (line 1)');
    expect(read('<a>x</a\u00a0\ufeff>').text).toBe('x'); // trimmed as any white space, as before
    expect(refusal('<a>x</A>')).toBe('end tag </A> does not match <a> (line 1)');
    expect(refusal('</a>')).toBe('end tag </a> without a start tag (line 1)');
    expect(refusal('<password>x</pass>')).toBe('end tag does not match its start tag (line 1)');
  });

  it('text: XML white space between tags is dropped, other white space is trimmed as before, pieces around children join', () => {
    expect(read('<a>\n\t <b/>\r\n</a>').text).toBe('');
    expect(read('<a>\u00a0</a>').text).toBe('');
    expect(read('<a> x <b/> y </a>').text).toBe('xy');
    expect(read('<a> x <b/><![CDATA[ c ]]><!-- k --> &amp; </a>').text).toBe('x c &');
  });

  it('names: ASCII names pass without the regex, others are judged by it', () => {
    expect(read('<s:a_b-c.d x:y="1"/>').attrs).toEqual({ 'x:y': '1' });
    expect(read('<é>v</é>').name).toBe('é');
    expect(refusal('<1a/>')).toBe('invalid element name (line 1)');
    expect(refusal('<a 1b="x"/>')).toBe('invalid attribute name (line 1)');
    expect(refusal('<-a/>')).toBe('invalid element name (line 1)');
  });

  it('attributes: none is an empty object; a repeated one is refused at its second occurrence; __proto__ stays data', () => {
    const a = read('<a><b/><c/></a>');
    expect(Object.keys(a.attrs)).toEqual([]);
    expect(a.children.map((c) => Object.keys(c.attrs))).toEqual([[], []]);
    expect(refusal('<a x="1" x="2"/>')).toBe('duplicate attribute x (line 1)');
    expect(refusal('<a y="0" x="1" x="2"/>')).toBe('duplicate attribute x (line 1)');
    const p = read('<a __proto__="p" constructor="c"/>');
    expect(p.attrs.__proto__).toBe('p');
    expect(Object.getPrototypeOf(p.attrs)).toBeNull();
  });

  it('start tags: ">" and "/>" close, "/" alone is refused, an unterminated tag says so', () => {
    expect(read('<a\t/>').children).toEqual([]);
    expect(refusal('<a / >')).toBe('unexpected "/" in the start tag <a> (line 1)');
    expect(refusal('<a x="1"')).toBe('unterminated start tag <a> (line 1)');
    expect(refusal('<a x>')).toBe('attribute x has no value (line 1)');
  });
});
