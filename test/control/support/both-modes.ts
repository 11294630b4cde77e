/**
 * One table of XML API exchanges, run in both doors — over HTTP (supertest against the Express app) and in-process
 * through msw (fetch to https://demo.webex.com) — each on a fresh mock with the same clock, then compared:
 * the two modes must answer identically (status, Content-Type, body), as moto runs its tests in server and
 * decorator mode from one definition.
 */
import request from 'supertest';
import { setupServer } from 'msw/node';
import { createWebexMock, type FaultSpec, type WebexMock } from '../../../mock-server';
import { webexHandlers } from '../../../mock-server/testing/msw';

export interface ModeCase {
  name: string;
  request: string;
  /** A fault active for this case only. */
  fault?: FaultSpec;
  expect: { result: 'SUCCESS' | 'FAILURE' | 'DROPPED'; exceptionID?: string; contains?: string[] };
}

export interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

type Mode = 'http' | 'msw';
const DROPPED: Answer = { status: 0, contentType: null, body: '(connection dropped)' };
export const FIXED_NOW = Date.UTC(2025, 0, 6, 12, 0, 0);

/** Session and URL login tickets are random bytes by design; everything else must match. */
const normalize = (a: Answer): Answer => ({
  ...a,
  body: a.body.replace(/<use:sessionTicket>[^<]*</g, '<use:sessionTicket>(ticket)<').replace(/([?&](?:amp;)?TK=)[0-9a-f]+/g, '$1(ticket)').replace(/<use:ticket>[^<]*</g, '<use:ticket>(ticket)<'),
});

async function send(mode: Mode, mock: WebexMock, xml: string): Promise<Answer> {
  try {
    if (mode === 'http') {
      const res = await request(mock.app).post('/WBXService/XMLService').send(xml);
      return { status: res.status, contentType: res.headers['content-type'] ?? null, body: res.text };
    }
    const res = await fetch('https://demo.webex.com/WBXService/XMLService', { method: 'POST', body: xml });
    return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
  } catch {
    return DROPPED;
  }
}

export function describeBothModes(title: string, cases: ModeCase[]): void {
  describe(title, () => {
    const answers: Record<Mode, Answer[]> = { http: [], msw: [] };
    for (const mode of ['http', 'msw'] as const) {
      describe(`over ${mode}`, () => {
        let mock: WebexMock;
        let intercept: ReturnType<typeof setupServer> | undefined;
        beforeAll(() => {
          mock = createWebexMock({ now: () => FIXED_NOW });
          if (mode === 'msw') {
            intercept = setupServer(...webexHandlers(mock));
            intercept.listen({ onUnhandledRequest: 'error' });
          }
        });
        afterAll(() => intercept?.close());

        it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
          if (c.fault) mock.control.faults.add(c.fault);
          const answer = await send(mode, mock, c.request);
          mock.control.faults.clear();
          answers[mode].push(normalize(answer));
          if (c.expect.result === 'DROPPED') {
            expect(answer).toEqual(DROPPED);
            return;
          }
          expect(answer.status).toBe(200);
          expect(answer.body).toContain(`<serv:result>${c.expect.result}</serv:result>`);
          if (c.expect.exceptionID) expect(answer.body).toContain(`<serv:exceptionID>${c.expect.exceptionID}</serv:exceptionID>`);
          for (const s of c.expect.contains ?? []) expect(answer.body).toContain(s);
        });
      });
    }
    it('answers identically over HTTP and through msw', () => {
      expect(answers.http).toHaveLength(cases.length);
      expect(answers.msw).toEqual(answers.http);
    });
  });
}
