import request from 'supertest';
import { createWebexMock, DEMO, REDACTED } from '../../mock-server';
import { XML_PATH, authenticateUser, createUser, envelope, getUser, resultOf } from './support/xml';

describe('request journal', () => {
  const mock = createWebexMock();
  const api = request(mock.app);
  beforeEach(async () => {
    mock.reset();
    await api.delete('/_mock/journal').set('Content-Type', 'application/json');
  });

  it('records every exchange with site, caller, operation, parsed request and result', async () => {
    await api.post(XML_PATH).send(getUser('host'));
    await api.post(XML_PATH).send(getUser('nobody'));
    const res = await api.get('/_mock/journal');
    expect(res.body.total).toBe(2);
    const [ok, failed] = res.body.entries;
    expect(ok).toMatchObject({ id: expect.any(Number), site: 'demo', caller: 'admin', operation: 'GetUser', result: 'SUCCESS', httpStatus: 200 });
    expect(ok.request.body).toEqual({ webExId: 'host' });
    expect(ok.request.bodyType).toBe('java:com.webex.service.binding.user.GetUser');
    expect(ok.responseXml).toContain('<use:webExId>host</use:webExId>');
    expect(failed).toMatchObject({ result: 'FAILURE', exceptionID: '030001', reason: 'Corresponding User not found' });
    expect(typeof failed.durationMs).toBe('number');
  });

  it('redacts a secret whose element is never closed or closed with another name (malformed XML)', async () => {
    const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
    await api.post(XML_PATH).send(`<message ${XSI}><header><securityContext><webExID>admin</webExID><password>Unclosed#Secret1`);
    await api.post(XML_PATH).send(`<message ${XSI}><header><securityContext><password>Mismatched#Secret2</pasword></securityContext></header></message>`);
    await api.post(XML_PATH).send(`<message ${XSI}><header><securityContext><sessionTicket>AAABUnclosedTicket3 <webExID>x</webExID>`);
    const text = JSON.stringify((await api.get('/_mock/journal')).body);
    expect(text).not.toMatch(/Unclosed#Secret1|Mismatched#Secret2|AAABUnclosedTicket3/);
    expect(text).toContain(REDACTED);
  });

  it('shows request elements named like Object properties (constructor, toString, __proto__) as they were sent', async () => {
    const body = '<webExId>host</webExId><constructor>c</constructor><toString>t</toString><__proto__><title>p</title></__proto__>';
    await api.post(XML_PATH).send(envelope('user.GetUser', body));
    const text = (await api.get('/_mock/journal')).text;
    expect(text).toContain('"body":{"webExId":"host","constructor":"c","toString":"t","__proto__":{"title":"p"}}');
  });

  it('filters by site, operation, result and since, and keeps the last `limit`', async () => {
    await api.post(XML_PATH).send(getUser('host'));
    await api.post(XML_PATH).send(getUser('nobody'));
    await api.post(XML_PATH).send(createUser('journal.user'));
    const failures = await api.get('/_mock/journal?result=FAILURE');
    expect(failures.body.entries.map((e: { exceptionID: string }) => e.exceptionID)).toEqual(['030001']);
    const creates = await api.get('/_mock/journal?operation=CreateUser&site=demo');
    expect(creates.body.entries).toHaveLength(1);
    const all = (await api.get('/_mock/journal')).body.entries;
    const since = await api.get(`/_mock/journal?since=${all[0].id}`);
    expect(since.body.entries.map((e: { id: number }) => e.id)).toEqual([all[1].id, all[2].id]);
    const last = await api.get('/_mock/journal?limit=1');
    expect(last.body.entries[0].operation).toBe('CreateUser');
  });

  it('is a bounded ring with a count of evicted entries', async () => {
    const small = createWebexMock({ control: { journal: { size: 3 } } });
    for (let i = 0; i < 5; i++) await small.request(getUser('host'));
    const res = await request(small.app).get('/_mock/journal');
    expect(res.body).toMatchObject({ total: 3, evicted: 2, size: 3 });
    expect(res.body.entries.map((e: { id: number }) => e.id)).toEqual([3, 4, 5]);
  });

  it('never holds a password, session ticket, access token, SAML response or login ticket', async () => {
    const passwords = ['P@ssword123', 'Secret!Pass99', 'N3w!Passw0rd'];
    const auth = await api.post(XML_PATH).send(authenticateUser());
    const ticket = /<use:sessionTicket>([^<]+)</.exec(auth.text)![1];
    await api.post(XML_PATH).send(getUser('host', { sessionTicket: ticket }));
    await api.post(XML_PATH).send(getUser('host', { accessToken: DEMO.accessToken }));
    await api.post(XML_PATH).send(createUser('secret.keeper'));
    await api.post(XML_PATH).send(envelope('user.SetUser', `<webExId>secret.keeper</webExId><password>${passwords[2]}</password>`));
    await api.post(XML_PATH).send(envelope('user.AuthenticateUser', '<samlResponse>PHNhbWw+c2VjcmV0LXNhbWw8L3NhbWw+</samlResponse>', { password: '' }));
    await api.post(XML_PATH).send(envelope('user.AuthenticateUser', '<accessToken>some-oauth-token-value</accessToken>', { password: '' }));
    const login = await api.post(XML_PATH).send(envelope('user.GetloginurlUser', '<webExID>host</webExID>'));
    const tk = /TK=([^&<]+)/.exec(login.text)![1];
    const lt = await api.post(XML_PATH).send(envelope('user.GetloginTicket', ''));
    const loginTicket = /<use:ticket>([^<]+)</.exec(lt.text)![1];
    // Pretty-printed, with CDATA and attributes.
    await api.post(XML_PATH).send(getUser('host').replace('<password>P@ssword123</password>', '<serv:password type="text">\n  <![CDATA[Cdata!Secret1]]>\n</serv:password>'));
    // A password in the wrong place: the literal scrub still removes it.
    await api.post(XML_PATH).send(envelope('user.GetUser', `<webExId>${passwords[0]}</webExId>`));

    const text = JSON.stringify((await api.get('/_mock/journal')).body);
    for (const secret of [...passwords, 'Cdata!Secret1', ticket, DEMO.accessToken, 'PHNhbWw+c2VjcmV0LXNhbWw8L3NhbWw+', 'some-oauth-token-value', tk, decodeURIComponent(tk), loginTicket]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
    const entries = (await api.get('/_mock/journal')).body.entries;
    expect(entries[0].request.securityContext).toMatchObject({ webExID: 'admin', password: REDACTED, siteName: 'demo' });
    expect(entries[0].responseXml).toContain(`<use:sessionTicket>${REDACTED}</use:sessionTicket>`);
    expect(resultOf(entries[1].responseXml)).toBe('SUCCESS');
  });

  it('names request elements the service ignored (a connector typo shows at once)', async () => {
    await api.post(XML_PATH).send(envelope('user.SetUser', '<webExId>host</webExId><titel>Typo</titel>'));
    const [e] = (await api.get('/_mock/journal?operation=SetUser')).body.entries;
    expect(e.ignoredElements).toEqual(expect.arrayContaining([expect.stringContaining('titel')]));
  });

  it('records unreadable envelopes with the reason', async () => {
    await api.post(XML_PATH).send('<not-xml');
    const [e] = (await api.get('/_mock/journal')).body.entries;
    expect(e).toMatchObject({ result: 'FAILURE', exceptionID: '000000' });
    expect(e.detail).toBeDefined();
    expect(e.request).toBeUndefined();
  });
});
