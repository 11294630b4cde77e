/** Lenient and safe request parsing (SPEC §1.2, §6 rows 2-3) and the exact response format (SPEC §1.4). */
import http from 'node:http';
import request from 'supertest';
import { XML_SERVICE_PATH, createWebexMock, type RunningServer } from '../../mock-server';
import { expectFailure, expectSuccess, parseAnswer, pick, post, type Answer } from './support/client';
import { ADMIN, xmlRequest } from './support/xml';

const mock = createWebexMock();
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const SEC = '<securityContext><siteName>demo</siteName><webExID>admin</webExID><password>P@ssword123</password></securityContext>';
const getUserBody = (type = 'java:com.webex.service.binding.user.GetUser') => `<body><bodyContent xsi:type="${type}"><webExId>host</webExId></bodyContent></body>`;

/** POST with exactly the given headers (no Content-Type unless given), over a real socket. */
function rawPost(server: RunningServer, body: Buffer, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(server.xmlUrl, { method: 'POST', headers: { 'Content-Length': String(body.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(parseAnswer(res.statusCode ?? 0, res.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const readsHost = (a: Answer) => {
  expectSuccess(a);
  expect(a.body!['use:webExId']).toBe('host');
};

describe('lenient parsing', () => {
  let server: RunningServer;
  beforeAll(async () => { server = await mock.listen({ host: '127.0.0.1', port: 0 }); });
  afterAll(async () => { await server.close(); });

  it.each([
    ['no Content-Type', {}],
    ['text/xml', { 'Content-Type': 'text/xml' }],
    ['moodle\'s "text/xml charset=UTF-8"', { 'Content-Type': 'text/xml charset=UTF-8' }],
    ['Atlas\' application/x-www-rform-urlencoded (sic)', { 'Content-Type': 'application/x-www-rform-urlencoded' }],
    ['application/x-www-form-urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('any Content-Type: %s', async (_label, headers) => {
    readsHost(await rawPost(server, Buffer.from(xmlRequest('GetUser', '<webExId>host</webExId>')), headers));
  });

  it('serv: prefix used without declaring it (Cisco\'s own examples)', async () => {
    readsHost(await post(mock, `<?xml version="1.0" encoding="UTF-8"?><serv:message ${XSI}><header>${SEC}</header>${getUserBody()}</serv:message>`));
  });

  it('plain <message> root with no namespace', async () => {
    readsHost(await post(mock, `<message ${XSI}><header>${SEC}</header>${getUserBody()}</message>`));
  });

  it('prefixed children: com:webExID in securityContext, undeclared use: in the body, serv: on header/body', async () => {
    const xml = `<serv:message ${XSI} xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common">
      <serv:header><serv:securityContext><com:siteName>demo</com:siteName><com:webExID>admin</com:webExID><com:password>P@ssword123</com:password></serv:securityContext></serv:header>
      <serv:body><serv:bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><use:webExId>host</use:webExId><use:privilege><use:recordingEditor>TRUE</use:recordingEditor></use:privilege></serv:bodyContent></serv:body></serv:message>`;
    expectSuccess(await post(mock, xml));
    const g = await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'));
    expect(pick(g.body, 'use:privilege/use:recordingEditor')).toBe('true');
  });

  it('any element order in securityContext and bodyContent', async () => {
    const xml = `<serv:message ${XSI}><header><securityContext><password>P@ssword123</password><webExID>admin</webExID><siteName>demo</siteName></securityContext></header>
      <body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><title>Ordered</title><privilege><meetingAssist>true</meetingAssist></privilege><webExId>host</webExId></bodyContent></body></serv:message>`;
    expectSuccess(await post(mock, xml));
    const g = await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'));
    expect(g.body!['use:title']).toBe('Ordered');
  });

  it.each([['TRUE', 'true'], ['true', 'true'], ['FALSE', 'false'], ['false', 'false']])('boolean %s is read as %s', async (sent, stored) => {
    expectSuccess(await post(mock, xmlRequest('SetUser', `<webExId>host</webExId><privilege><attendeeOnly>${sent}</attendeeOnly></privilege>`)));
    expect(pick((await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'))).body, 'use:privilege/use:attendeeOnly')).toBe(stored);
  });

  it.each([
    ['java style', 'java:com.webex.service.binding.user.GetUser', ''],
    ['QName style use:getUser', 'use:getUser', ' xmlns:use="http://www.webex.com/schemas/2002/06/service/user"'],
    ['QName style with another prefix', 'u:getUser', ' xmlns:u="http://www.webex.com/schemas/2002/06/service/user"'],
  ])('xsi:type %s', async (_l, type, ns) => {
    readsHost(await post(mock, `<serv:message ${XSI}${ns}><header>${SEC}</header>${getUserBody(type)}</serv:message>`));
  });

  it('xmlns:xsi declared on bodyContent, or under another prefix', async () => {
    readsHost(await post(mock, `<message><header>${SEC}</header><body><bodyContent ${XSI} xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>host</webExId></bodyContent></body></message>`));
    readsHost(await post(mock, `<message xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><header>${SEC}</header><body><bodyContent i:type="java:com.webex.service.binding.user.GetUser"><webExId>host</webExId></bodyContent></body></message>`));
  });

  it('listControl children with or without serv:', async () => {
    for (const p of ['serv:', '']) {
      const a = await post(mock, xmlRequest('LstsummaryUser', `<listControl><${p}startFrom>2</${p}startFrom><${p}maximumNum>3</${p}maximumNum><${p}listMethod>AND</${p}listMethod></listControl>`));
      expectSuccess(a);
      expect(a.body!['use:matchingRecords']).toEqual({ 'serv:total': '52', 'serv:returned': '3', 'serv:startFrom': '2' });
    }
  });

  it('an xsi:type with a line break or non-Latin-1 characters gets 000000 with a header-safe detail (the write once threw)', async () => {
    for (const type of ['use:get&#10;User', 'use:getUser\u20ac']) {
      const a = await rawPost(server, Buffer.from(`<message ${XSI}><header>${SEC}</header>${getUserBody(type)}</message>`), {});
      expectFailure(a, '000000', 'Fail to forward request:null');
      expect(a.headers['x-webex-mock-detail']).toMatch(/^unknown xsi:type use:get[\x20-\x7e]*User|^unknown xsi:type use:getUser[\x20-\x7e]+$/);
    }
  });

  it('an answer the socket refuses (an interceptor\'s bad header) is a 500, not a hung request', async () => {
    const own = createWebexMock();
    own.engine.interceptors.push(() => ({ status: 200, headers: { 'X-Bad': 'a\nb' }, body: '' }));
    const srv = await own.listen({ host: '127.0.0.1', port: 0 });
    try {
      const errors = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const a = await rawPost(srv, Buffer.from(xmlRequest('GetUser', '<webExId>host</webExId>')), {});
      errors.mockRestore();
      expect(a.status).toBe(500);
    } finally {
      await srv.close();
    }
  });

  it('an ISO-8859-1 declared body is decoded as Latin-1 and answered in UTF-8', async () => {
    const xml = xmlRequest('SetUser', '<webExId>host</webExId><lastName>Müller-Größe</lastName>').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const latin1 = Buffer.from(xml, 'latin1');
    expect(latin1.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    expectSuccess(await rawPost(server, latin1, { 'Content-Type': 'text/xml; charset=ISO-8859-1' }));
    const g = await rawPost(server, Buffer.from(xmlRequest('GetUser', '<webExId>host</webExId>')), {});
    expect(g.body!['use:lastName']).toBe('Müller-Größe');
  });
});

describe('unusable or hostile envelopes → 000000, never a crash', () => {
  const forwardFailed = (a: Answer, detail?: RegExp) => {
    expect(a.status).toBe(200);
    expectFailure(a, '000000', 'Fail to forward request:null');
    expect(a.text).toContain('<serv:body></serv:body>');
    if (detail) expect(a.headers['x-webex-mock-detail']).toMatch(detail);
  };

  afterEach(async () => {
    // the service still answers normally after each hostile request
    readsHost(await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>')));
  });

  it('missing xmlns:xsi (cisco-ie/webex-api-client issue #1)', async () => {
    forwardFailed(await post(mock, `<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"><header>${SEC}</header>${getUserBody()}</serv:message>`), /xmlns:xsi/);
  });

  it('no bodyContent, no xsi:type, empty body, wrong root', async () => {
    forwardFailed(await post(mock, `<serv:message ${XSI}><header>${SEC}</header><body></body></serv:message>`), /bodyContent/);
    forwardFailed(await post(mock, `<serv:message ${XSI}><header>${SEC}</header><body><bodyContent><webExId>host</webExId></bodyContent></body></serv:message>`), /xsi:type/);
    forwardFailed(await post(mock, ''), /empty/);
    forwardFailed(await post(mock, `<envelope ${XSI}><header>${SEC}</header>${getUserBody()}</envelope>`), /root/);
  });

  it('malformed XML', async () => {
    forwardFailed(await post(mock, `<serv:message ${XSI}><header>${SEC}</header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>host</webExID></bodyContent></body></serv:message>`), /malformed/);
    forwardFailed(await post(mock, 'this is not xml at all'));
    forwardFailed(await post(mock, `<serv:message ${XSI}><header>`), /./);
  });

  it('XML 1.0 violations a lenient reader let through: forbidden characters, "--" in a comment, a late declaration, "]]>" in text', async () => {
    const before = (await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'))).text;
    forwardFailed(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><title>R\u0000D</title>')), /malformed XML: a character XML 1.0 does not allow/);
    forwardFailed(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><title a="\uFFFE">x</title>')), /character XML 1.0/);
    forwardFailed(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><!-- a -- b -->')), /"--" inside a comment/);
    forwardFailed(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><?xml version="1.0"?>')), /XML declaration not at the start/);
    forwardFailed(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><title>a]]>b</title>')), /"]]>" in text/);
    // None of them changed the user.
    expect((await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'))).text).toBe(before);
  });

  it('DOCTYPE and entity expansion (billion laughs) are refused before parsing', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
      <serv:message ${XSI}><header>${SEC}</header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>host</webExId><title>&lol4;</title></bodyContent></body></serv:message>`;
    forwardFailed(await post(mock, lol), /DOCTYPE/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><serv:message ${XSI}><header>${SEC}</header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>host</webExId><title>&x;</title></bodyContent></body></serv:message>`;
    forwardFailed(await post(mock, xxe), /DOCTYPE/);
    expect((await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'))).text).not.toContain('root:');
  });

  it('1000-deep nesting', async () => {
    const deep = `${'<a>'.repeat(1000)}x${'</a>'.repeat(1000)}`;
    forwardFailed(await post(mock, xmlRequest('SetUser', `<webExId>host</webExId><title>${deep}</title>`)), /nesting/);
  });

  it('invalid UTF-8 bytes', async () => {
    const xml = Buffer.from(xmlRequest('SetUser', '<webExId>host</webExId><title>XX</title>'));
    const i = xml.indexOf('XX');
    xml[i] = 0xc3; xml[i + 1] = 0x28; // an invalid two-byte sequence
    forwardFailed(await post(mock, xml), /UTF-8/);
  });

  it('oversize (> 5 MB) → HTTP 413', async () => {
    const big = xmlRequest('SetUser', `<webExId>host</webExId><description>${'x'.repeat(5 * 1024 * 1024 + 10)}</description>`);
    const res = await request(mock.app).post(XML_SERVICE_PATH).set('Content-Type', 'text/xml').send(big);
    expect(res.status).toBe(413);
  });

  it('methods other than POST → 405 with Allow: POST', async () => {
    const res = await request(mock.app).get(XML_SERVICE_PATH);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});

describe('response format (SPEC §1.4)', () => {
  it('one line, UTF-8 declaration, serv/com/use declared on the root, xsi on bodyContent, exact Content-Type', async () => {
    const a = await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>', ADMIN));
    expect(a.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expect(a.text).not.toContain('\n');
    expect(a.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user"><serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header><serv:body><serv:bodyContent xsi:type="use:getUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')).toBe(true);
  });

  it('FAILURE: reason, gsbStatus, exceptionID in that order and an empty self-closed bodyContent', async () => {
    const a = await post(mock, xmlRequest('GetUser', '<webExId>nobody</webExId>'));
    expect(a.status).toBe(200);
    expect(a.text).toBe('<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user"><serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>Corresponding User not found</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>030001</serv:exceptionID></serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>');
  });

  it('escapes markup in values', async () => {
    expectSuccess(await post(mock, xmlRequest('SetUser', '<webExId>host</webExId><title>R&amp;D &lt;lab&gt; "x"</title>')));
    const a = await post(mock, xmlRequest('GetUser', '<webExId>host</webExId>'));
    expect(a.text).toContain('<use:title>R&amp;D &lt;lab&gt; &quot;x&quot;</use:title>');
    expect(a.body!['use:title']).toBe('R&D <lab> "x"');
  });
});
