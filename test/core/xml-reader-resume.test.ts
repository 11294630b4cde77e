/**
 * Resuming at a checkpoint (ReadLimits.resumeAfter: the envelope and credentials a client repeats) reads exactly
 * what reading from the start reads, refuses the same with the same message, and lets no tree change another.
 */
import fc from 'fast-check';
import { XmlReadError, readXml, type ReadLimits } from '../../mock-server/wire/xml-reader';
import type { XmlNode } from '../../mock-server/wire';
import { PARSE_LIMITS } from '../../mock-server/wire/parse-envelope';

const plain = (n: XmlNode): unknown => ({ name: n.name, prefix: n.prefix, attrs: { ...n.attrs }, text: n.text, children: n.children.map(plain) });
const outcome = (xml: string, limits: ReadLimits): unknown => {
  try { return plain(readXml(xml, limits)); } catch (e) { expect(e).toBeInstanceOf(XmlReadError); return `refused: ${(e as Error).message}`; }
};
const FROM_START: ReadLimits = { maxDepth: PARSE_LIMITS.maxDepth, maxElements: PARSE_LIMITS.maxElements };

// Prefixes as clients send them: declaration or none, prefixes or none, text and comments between, a secret.
const PREFIXES: [prefix: string, close: string][] = [
  ['<?xml version="1.0" encoding="UTF-8"?>\n<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:serv="s">\n<header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>P@ss&amp;word&lt;1</password></securityContext></header>\n<body><bodyContent xsi:type="java:com.webex.service.binding.user.CreateUser">', '</bodyContent></body></serv:message>'],
  ['<message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext><webExID>a</webExID><password><![CDATA[x</y]]></password></securityContext></header><body><bodyContent xsi:type="user.GetUser">', '</bodyContent></body></message>'],
  ['\ufeff<message> lead <!-- c --><body a=\'1\'> t <bodyContent>', '</bodyContent></body></message>'],
  ['<m:message><m:body><m:bodyContent x="&#x41;">pre', '</m:bodyContent></m:body></m:message>'],
  // A closed secret whose parent is still open: what follows it is read quietly (no names in refusals).
  ['<message><body><password>a&lt;b</password><bodyContent>', '</bodyContent></body></message>'],
  // Inside a secret element: the same.
  ['<message><body><sessionTicket><bodyContent>', '</bodyContent></sessionTicket></body></message>'],
];
// Bodies: elements, text with references, CDATA, comments, attributes, and things a reader must refuse.
const PIECES = ['<webExId>u1</webExId>', '<email>a@b.c</email>', '<x a="1"/>', '<x a="1" a="2"/>', ' text ', '&amp;', '&bogus;', '<![CDATA[ c ]]>',
  '<!-- k -->', '<!-- -- -->', '<p><q>v</q></p>', '</bodyContent>', '</body>', '</message>', '</serv:message>', '</m:bodyContent>', '</m:body>', '</m:message>',
  '<password>s</password>', '<password>a</b>', '\u0001', '\ud800', '<1x/>', '<?xml version="1.0"?>', ']]>', '<a>', '</a>', '<<', '\n'];

describe('reader checkpoints', () => {
  it('a resumed document reads as it reads from the start, well-formed or not', () => {
    fc.assert(fc.property(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), ([prefix, close], a, b) => {
      // Each prefix is primed by a document read to the end (well-formed), so the next one resumes.
      const first = `${prefix}${a.join('')}`;
      readXml(`${prefix}<primed/>${close}`, PARSE_LIMITS);
      for (const xml of [first, `${first}${close}`, `${prefix}${b.join('')}${close}`]) {
        expect(outcome(xml, PARSE_LIMITS)).toEqual(outcome(xml, FROM_START));
      }
    }), { numRuns: 1500 });
  });

  it('two trees resumed from one checkpoint share only closed elements, and neither changes the other', () => {
    const prefix = PREFIXES[0][0];
    const one = readXml(`${prefix}<webExId>one</webExId></bodyContent></body></serv:message>`, PARSE_LIMITS);
    const two = readXml(`${prefix}<webExId>two</webExId><email>e</email></bodyContent></body></serv:message>`, PARSE_LIMITS);
    const content = (root: XmlNode) => root.children.find((c) => c.name === 'body')!.children[0];
    expect(content(one).children.map((c) => c.text)).toEqual(['one']);
    expect(content(two).children.map((c) => c.text)).toEqual(['two', 'e']);
    expect(one).not.toBe(two);
    expect(content(one)).not.toBe(content(two));
    expect(one.children[0]).toBe(two.children[0]); // the header: closed before the checkpoint
  });

  it('a refused document leaves no checkpoint, and limits other than the checkpoint\'s read from the start', () => {
    const prefix = '<message><header><x>1</x></header><body><bodyContent>';
    expect(() => readXml(`${prefix}<a></b>`, PARSE_LIMITS)).toThrow(XmlReadError);
    // The element limit counts the elements before the checkpoint as well.
    const tight: ReadLimits = { maxDepth: 64, maxElements: 5, resumeAfter: 'bodyContent' };
    readXml(`${prefix}</bodyContent></body></message>`, tight);
    expect(() => readXml(`${prefix}<a/>${'<b/>'.repeat(3)}</bodyContent></body></message>`, tight)).toThrow(/more than 5 elements/);
    expect(readXml(`${prefix}</bodyContent></body></message>`, tight).name).toBe('message');
    // Counted before reading, so the limit is named even where a malformed tag comes first.
    expect(() => readXml(`${prefix}</c>\n<b/>`, tight)).toThrow('more than 5 elements (line 2)');
    expect(() => readXml(`${prefix}</c>\n<b/>`, { maxDepth: 64, maxElements: 5 })).toThrow('more than 5 elements (line 2)');
  });
});

describe('what a checkpoint keeps', () => {
  it('not the document it came from: 4 checkpoints from 4 documents of 3 MB keep well under 1 MB', () => {
    const v8 = require('node:v8') as typeof import('node:v8'); // eslint-disable-line @typescript-eslint/no-require-imports
    v8.setFlagsFromString('--expose-gc');
    const gc = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void; // eslint-disable-line @typescript-eslint/no-require-imports
    gc();
    const before = process.memoryUsage().heapUsed;
    // In a function of its own, so no frame of this test holds the last document.
    const readFour = () => {
      for (let k = 0; k < 4; k++) {
        // Names of 13+ characters and text before the checkpoint: views into the document unless copied.
        const prefix = `<message><header><securityContext><webExID>client${k}</webExID></securityContext></header> lead text before the body of client ${k} <body><bodyContent>`;
        readXml(`${prefix}<longElementName>${'x'.repeat(3 * 1024 * 1024)}</longElementName></bodyContent></body></message>`, PARSE_LIMITS);
      }
    };
    readFour();
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1024 * 1024);
  });
});
