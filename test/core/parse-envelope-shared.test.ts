/**
 * parseEnvelope keeps what it reads from the parts a resumed document shares with its checkpoint (the
 * securityContext, the attributes that give bodyContent's xsi:type): every document must still get its own
 * credentials and type, however clients interleave, and nothing one request gets can change what another reads.
 */
import fc from 'fast-check';
import { isEnvelopeError, parseEnvelope, type Envelope } from '../../mock-server/wire/parse-envelope';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

interface Doc { site: string; user: string; password?: string; type: string; xsiOn: 'message' | 'body' | 'bodyContent'; prefix: string }

function documentOf(d: Doc, webExId: string): string {
  const ns = `xmlns:${d.prefix}="${XSI}"`;
  const on = (where: Doc['xsiOn']) => (d.xsiOn === where ? ` ${ns}` : '');
  const password = d.password === undefined ? '' : `<password>${d.password}</password>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"${on('message')}>`
    + `<header><securityContext><siteName>${d.site}</siteName><webExID>${d.user}</webExID>${password}</securityContext></header>`
    + `<body${on('body')}><bodyContent${on('bodyContent')} ${d.prefix}:type="${d.type}"><webExId>${webExId}</webExId></bodyContent></body></serv:message>`;
}

const docs = fc.record({
  site: fc.constantFrom('demo', 'acme'),
  user: fc.constantFrom('admin', 'ops'),
  password: fc.option(fc.constantFrom('P@ssword123', 'other#1'), { nil: undefined }),
  type: fc.constantFrom('java:com.webex.service.binding.user.GetUser', 'java:com.webex.service.binding.user.CreateUser'),
  xsiOn: fc.constantFrom('message' as const, 'body' as const, 'bodyContent' as const),
  prefix: fc.constantFrom('xsi', 'x'),
});

describe('parseEnvelope and resumed documents', () => {
  it('every document reads its own credentials and body type, in any interleaving of clients', () => {
    fc.assert(fc.property(fc.array(docs, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(11), { minLength: 1, maxLength: 30 }), (clients, order) => {
      order.forEach((pick, n) => {
        const d = clients[pick % clients.length];
        const parsed = parseEnvelope(documentOf(d, `u${n}`));
        if (isEnvelopeError(parsed)) throw new Error(parsed.detail);
        const expected = d.password === undefined ? { siteName: d.site, webExID: d.user } : { siteName: d.site, webExID: d.user, password: d.password };
        expect({ ...parsed.security }).toEqual(expected);
        expect(parsed.bodyType).toBe(d.type);
        expect(parsed.body.children[0].text).toBe(`u${n}`);
      });
    }), { numRuns: 300 });
  });

  it('an xsi prefix that moves, or an undeclared one, is read anew for each document', () => {
    const d: Doc = { site: 'demo', user: 'admin', type: 't:A', xsiOn: 'message', prefix: 'xsi' };
    for (let k = 0; k < 3; k++) expect((parseEnvelope(documentOf(d, `a${k}`)) as Envelope).bodyType).toBe('t:A');
    // Same text up to bodyContent (so it resumes), the type attribute under another prefix: not the cached one.
    const undeclared = documentOf(d, 'b').replace('xsi:type="t:A"', 'q:type="t:A"');
    expect(parseEnvelope(undeclared)).toEqual({ error: 'envelope', detail: 'bodyContent has no xsi:type' });
    expect((parseEnvelope(documentOf({ ...d, type: 't:B' }, 'c')) as Envelope).bodyType).toBe('t:B');
  });

  it('the security context is shared read-only', () => {
    const d: Doc = { site: 'demo', user: 'admin', password: 'P@ssword123', type: 't:A', xsiOn: 'message', prefix: 'xsi' };
    const one = parseEnvelope(documentOf(d, 'one')) as Envelope;
    const two = parseEnvelope(documentOf(d, 'two')) as Envelope;
    expect(Object.isFrozen(two.security)).toBe(true);
    expect(() => { (two.security as { password?: string }).password = 'changed'; }).toThrow(TypeError);
    expect(one.security.password).toBe('P@ssword123');
  });
});
