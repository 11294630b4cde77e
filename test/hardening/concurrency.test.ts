/**
 * Licences under concurrent load, over real HTTP on loopback: 200 simultaneous requests racing for 50 licences
 * give exactly 50 successes, 150 licence errors, and usage counters that match the users actually stored.
 */
import http from 'node:http';
import { createWebexMock, knownSessionType, siteConfig, type RunningServer } from '../../mock-server';
import { inputFromPaths } from '../../mock-server/site/user-input';
import { isActive, meetingTypesOf, type UserRecord } from '../../mock-server/site/user-record';
import { exceptionOf, expectWebexAnswer, post } from './support/harness';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const ADMIN = '<siteName>race</siteName><webExID>admin</webExID><password>Race#2026pass</password>';
const request = (op: string, inner: string) => `<serv:message ${XSI}><header><securityContext>${ADMIN}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.${op}">${inner}</bodyContent></body></serv:message>`;

/** A site whose session type 4 has 50 licences and whose host limit leaves room for exactly 50 more hosts. */
function raceSite(hostLimit: number | null) {
  return createWebexMock({
    control: { journal: { size: 100 } },
    setup: (r) => {
      const site = r.add(siteConfig({ name: 'race', id: 777001, sessionTypes: [knownSessionType(214, null), knownSessionType(4, 50)], defaultSessionTypes: [214], hostLimit }));
      site.createUser(inputFromPaths({ webExId: 'admin', email: 'admin@race.example.com', password: 'Race#2026pass', 'privilege/siteAdmin': 'true' }));
    },
  });
}

const readMeetingTypes = meetingTypesOf;
const isActivated = (u: UserRecord) => isActive(u.values);

async function race(server: RunningServer, bodies: string[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: bodies.length });
  try {
    return await Promise.all(bodies.map((b) => post(server.xmlUrl, b, { agent })));
  } finally {
    agent.destroy();
  }
}

describe('200 concurrent requests against 50 licences', () => {
  it('CreateUser with session type 4 (limit 50): exactly 50 created, 150 × 110055, counts consistent', async () => {
    const mock = raceSite(null);
    const server = await mock.listen({ port: 0 });
    try {
      const bodies = Array.from({ length: 200 }, (_, i) => request('CreateUser', `<webExId>racer${i}</webExId><email>racer${i}@race.example.com</email><password>Racer#${i}pw</password><meetingTypes><meetingType>4</meetingType></meetingTypes>`));
      const answers = await race(server, bodies);
      const results = answers.map(expectWebexAnswer);
      expect(results.filter((r) => r === 'SUCCESS')).toHaveLength(50);
      const failures = answers.filter((a) => a.body.includes('FAILURE'));
      expect(failures).toHaveLength(150);
      for (const f of failures) {
        expect(exceptionOf(f.body)).toBe('110055');
        expect(f.body).toContain('<serv:value>4</serv:value>');
      }
      const site = mock.registry.get('race')!;
      expect(site.userCount).toBe(51);
      const holders = site.users().filter((u) => readMeetingTypes(u.values).includes(4)).length;
      expect(holders).toBe(50);
      expect(site.usage().sessionTypes.find((t) => t.id === 4)!.used).toBe(50);
      expect(site.usage().hosts.used).toBe(site.users().filter(isActivated).length);
    } finally {
      await server.close();
    }
  });

  it('SetUser activating 200 deactivated users against a host limit with 50 free: exactly 50 activated, 150 × 030059', async () => {
    const mock = raceSite(51);
    const site = mock.registry.get('race')!;
    for (let i = 0; i < 200; i++) site.createUser(inputFromPaths({ webExId: `idle${i}`, email: `idle${i}@race.example.com`, active: 'DEACTIVATED' }));
    expect(site.usage().hosts.used).toBe(1);
    const server = await mock.listen({ port: 0 });
    try {
      const bodies = Array.from({ length: 200 }, (_, i) => request('SetUser', `<webExId>idle${i}</webExId><active>ACTIVATED</active>`));
      const answers = await race(server, bodies);
      const results = answers.map(expectWebexAnswer);
      expect(results.filter((r) => r === 'SUCCESS')).toHaveLength(50);
      const failures = answers.filter((a) => a.body.includes('FAILURE'));
      expect(failures).toHaveLength(150);
      for (const f of failures) expect(exceptionOf(f.body)).toBe('030059');
      expect(site.users().filter(isActivated)).toHaveLength(51);
      expect(site.usage().hosts).toEqual({ used: 51, limit: 51 });
    } finally {
      await server.close();
    }
  });
});
