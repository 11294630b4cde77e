// The Job 1 example from docs/control-plane.md, verbatim apart from the import paths.
import { loadBundled } from '../../mock-server';
import { useWebexMock } from '../../mock-server/testing/jest';

const webex = useWebexMock({ scenario: 'user-limit-exceeded' });
const createLeeWong = loadBundled('user-limit-exceeded').scenario.reproduce!.request;

it('answers 110055 once the Pro Meeting licences are used up', async () => {
  const res = await fetch(webex.xmlUrl, { method: 'POST', body: createLeeWong });
  expect(await res.text()).toContain('<serv:exceptionID>110055</serv:exceptionID>');
  const [entry] = webex.mock.control.journal!.query({ operation: 'CreateUser', limit: 1 }).entries;
  expect(entry.request!.body).toMatchObject({ webExId: 'lee.wong', password: '***REDACTED***' });
});

it('rate-limits twice, then answers', async () => {
  webex.mock.control.faults.add({ match: { operation: 'CreateUser', times: 2 }, effect: { rateLimit: { retryAfterSeconds: 1 } } });
  const ids: (string | undefined)[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await fetch(webex.xmlUrl, { method: 'POST', body: createLeeWong });
    ids.push(/<serv:exceptionID>([^<]+)</.exec(await res.text())?.[1]);
    if (i < 2) expect(res.headers.get('retry-after')).toBe('1');
  }
  expect(ids).toEqual(['000045', '000045', '110055']);
});
