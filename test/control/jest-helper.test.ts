import { useWebexMock } from '../../mock-server/testing/jest';
import { createUser, getUser, resultOf } from './support/xml';

const webex = useWebexMock();

describe('useWebexMock (msw mode)', () => {
  it('intercepts fetch to https://demo.webex.com without a port', async () => {
    expect(webex.xmlUrl).toBe('https://demo.webex.com/WBXService/XMLService');
    const res = await fetch(webex.xmlUrl, { method: 'POST', body: getUser('host') });
    expect(res.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
    expect(resultOf(await res.text())).toBe('SUCCESS');
  });

  it('also answers api.webex.com and refuses GET with 405', async () => {
    const res = await fetch('https://api.webex.com/WBXService/XMLService', { method: 'POST', body: getUser('host') });
    expect(resultOf(await res.text())).toBe('SUCCESS');
    const get = await fetch(webex.xmlUrl);
    expect(get.status).toBe(405);
  });

  it('refuses bodies over 5 MB with 413, as the HTTP door does', async () => {
    const res = await fetch(webex.xmlUrl, { method: 'POST', body: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(res.status).toBe(413);
  });

  it('creates a user in one test...', async () => {
    const res = await fetch(webex.xmlUrl, { method: 'POST', body: createUser('helper.user') });
    expect(resultOf(await res.text())).toBe('SUCCESS');
    expect(webex.mock.registry.get('demo')!.findUser('helper.user')).toBeDefined();
  });

  it('...and the next test starts from the reset state', () => {
    expect(webex.mock.registry.get('demo')!.findUser('helper.user')).toBeUndefined();
  });
});

describe('useWebexMock (http mode, a scenario)', () => {
  const acme = useWebexMock({ mode: 'http', scenario: 'host-limit-reached' });

  it('serves a real loopback port with the scenario loaded', async () => {
    expect(acme.xmlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/WBXService\/XMLService$/);
    const res = await fetch(acme.xmlUrl, { method: 'POST', body: createUser('over.limit', '', { site: 'acme' }) });
    expect(await res.text()).toContain('<serv:exceptionID>030059</serv:exceptionID>');
  });
});
