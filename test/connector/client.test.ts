import { WebexConnector } from '../../connector';
import { XmlClient } from '../../connector/transport/client';
import { ConnectorError } from '../../connector/errors/connector-error';
import { fakeFetch, fakeSleep, type Reply } from './helpers/fake-fetch';
import { failure, getUserBody, success } from './helpers/webex-xml';

const security = { siteName: 'acme', credentials: { webExId: 'admin', password: 'Adm1n-Secret!' } };
const GET = { javaType: 'com.webex.service.binding.user.GetUser', body: [{ name: 'webExId', text: 'jdoe' }] };
const OK = success('getUserResponse', getUserBody({ webExId: 'jdoe', email: 'j@x.com' }));

function client(replies: Reply[], extra: Partial<ConstructorParameters<typeof XmlClient>[0]> = {}) {
  const fake = fakeFetch((_req, i) => replies[Math.min(i, replies.length - 1)]);
  const sleep = fakeSleep();
  const c = new XmlClient({ url: 'http://127.0.0.1:1/WBXService/XMLService', security, fetch: fake.fetch, sleep: sleep.sleep, random: () => 1, ...extra });
  return { c, fake, sleep };
}

async function rejection(p: Promise<unknown>): Promise<ConnectorError> {
  try { await p; } catch (e) { return e as ConnectorError; }
  throw new Error('expected a rejection');
}

describe('XML client retries', () => {
  it('retries HTTP 5xx and dropped connections with exponential backoff, then succeeds', async () => {
    const { c, fake, sleep } = client([{ status: 502, body: 'Bad gateway' }, new TypeError('fetch failed'), OK]);
    const res = await c.call(GET);
    expect(res.result).toBe('SUCCESS');
    expect(fake.seen).toHaveLength(3);
    expect(sleep.delays).toEqual([500, 1000]);
  });

  it('gives up after maxAttempts with a transient error', async () => {
    const { c, fake, sleep } = client([{ status: 503 }], { retry: { maxAttempts: 3, maxDelayMs: 600 } });
    const error = await rejection(c.call(GET));
    expect(error).toMatchObject({ errorClass: 'transient', origin: 'transport', httpStatus: 503 });
    expect(fake.seen).toHaveLength(3);
    expect(sleep.delays).toEqual([500, 600]);
  });

  it('honours Retry-After on 000045, bounded by maxRetryAfterMs', async () => {
    const limited = { body: failure('000045', 'API Rate Limit Reached'), headers: { 'Retry-After': '7' } };
    const { c, sleep } = client([limited, OK]);
    await c.call(GET);
    expect(sleep.delays).toEqual([7000]);
    const huge = client([{ ...limited, headers: { 'Retry-After': '3600' } }, OK], { retry: { maxRetryAfterMs: 90_000 } });
    await huge.c.call(GET);
    expect(huge.sleep.delays).toEqual([90_000]);
    const noHeader = client([failure('000045', 'API Rate Limit Reached'), OK]);
    await noHeader.c.call(GET);
    expect(noHeader.sleep.delays).toEqual([60_000]);
  });

  it('retries 000035 and a FAILURE answered by backup servers; not a definitive error', async () => {
    const { c, fake } = client([failure('000035', 'ASService not responding'), failure('777777', 'maintenance', { gsbStatus: 'BACKUP' }), OK]);
    await c.call(GET);
    expect(fake.seen).toHaveLength(3);
    const definitive = client([failure('030001', 'Corresponding User not found'), OK]);
    expect((await rejection(definitive.c.call(GET))).errorClass).toBe('userNotFound');
    expect(definitive.fake.seen).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    const hanging = ((_u: unknown, init?: RequestInit) => new Promise((_r, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
    const c = new XmlClient({ url: 'http://127.0.0.1:1/x', security, fetch: hanging, timeoutMs: 5, retry: { maxAttempts: 1 } });
    const error = await rejection(c.call(GET));
    expect(error.errorClass).toBe('transient');
    expect(error.message).toMatch(/no answer .* within 5 ms/);
  });

  it('a non-Webex answer (HTML 404) is reported as a wrong URL, not retried', async () => {
    const { c, fake } = client([{ status: 404, body: '<html>Not found</html>' }]);
    const error = await rejection(c.call(GET));
    expect(error.errorClass).toBe('authentication');
    expect(error.remedy).toMatch(/WBXService\/XMLService/);
    expect(fake.seen).toHaveLength(1);
  });

  it('reads ISO-8859-1 responses (declared in the XML or in Content-Type) as well as UTF-8', async () => {
    const latin1 = (xml: string) => new Uint8Array([...xml].map((ch) => ch.charCodeAt(0)));
    const body = success('getUserResponse', getUserBody({ webExId: 'jdoe', email: 'j@x.com', lastName: 'Müller' }));
    const declared = body.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const replies = [
      new Response(latin1(declared), { headers: { 'content-type': 'text/xml' } }),
      new Response(latin1(body), { headers: { 'content-type': 'text/xml;charset=ISO-8859-1' } }),
      new Response(body, { headers: { 'content-type': 'text/xml;charset=UTF-8' } }),
    ];
    const fetchImpl = (async () => replies.shift()!) as unknown as typeof fetch;
    const c = new XmlClient({ url: 'http://127.0.0.1:1/x', security, fetch: fetchImpl });
    for (let i = 0; i < 3; i++) expect((await c.call(GET)).body.lastName).toBe('Müller');
  });

  it('refuses a response with a DTD (entity expansion) as not a Webex answer', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><serv:message><serv:header><serv:response><serv:result>SUCCESS</serv:result></serv:response></serv:header><serv:body><serv:bodyContent><use:firstName>&b;</use:firstName></serv:bodyContent></serv:body></serv:message>';
    const { c } = client([bomb], { retry: { maxAttempts: 1 } });
    const error = await rejection(c.call(GET));
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('never shows the password or token in debug events', async () => {
    const events: string[] = [];
    const { c } = client([{ status: 500 }, OK], { onEvent: (e) => events.push(JSON.stringify(e)) });
    await c.call(GET);
    expect(events.join('\n')).not.toContain('Adm1n-Secret!');
    expect(events.join('\n')).toContain('<password>******</password>');
  });
});

describe('writes that cannot be repeated are checked before a retry when their outcome is unknown', () => {
  function connectorWith(handler: Parameters<typeof fakeFetch>[0]) {
    const fake = fakeFetch(handler);
    const connector = new WebexConnector({
      url: 'http://127.0.0.1:1', siteName: 'acme', admin: 'admin', password: 'pw', fetch: fake.fetch, sleep: async () => {},
    });
    return { connector, fake };
  }

  it('connection dropped after Webex created the user: GetUser finds it, no second CreateUser', async () => {
    let created = false;
    const { connector, fake } = connectorWith((req) => {
      if (req.operation === 'CreateUser') { created = true; return new TypeError('fetch failed: socket hang up'); }
      if (req.operation === 'GetUser') return created ? success('getUserResponse', getUserBody({ webExId: 'jdoe', email: 'j@x.com', userId: '77' })) : failure('030001', 'Corresponding User not found');
      throw new Error(`unexpected ${req.operation}`);
    });
    const result = await connector.pushNewUser({ webExId: 'jdoe', email: 'j@x.com', firstName: 'Jane', lastName: 'Doe' });
    expect(fake.operations()).toEqual(['CreateUser', 'GetUser']);
    expect(result).toMatchObject({ webExId: 'jdoe', userId: '77', recoveredAfterUnknownOutcome: true });
  });

  it('HTTP 503 before anything was created: GetUser says not found, CreateUser is retried once', async () => {
    let calls = 0;
    const { connector, fake } = connectorWith((req) => {
      if (req.operation === 'CreateUser') return ++calls === 1 ? { status: 503 } : success('createUserResponse', '<use:userId>88</use:userId>');
      return failure('030001', 'Corresponding User not found');
    });
    const result = await connector.pushNewUser({ webExId: 'jdoe', email: 'j@x.com' });
    expect(fake.operations()).toEqual(['CreateUser', 'GetUser', 'CreateUser']);
    expect(result.userId).toBe('88');
    expect(result.recoveredAfterUnknownOutcome).toBeUndefined();
  });

  it('a rename whose answer was lost is not repeated: GetUser of the new id settles it', async () => {
    let renamed = false;
    const { connector, fake } = connectorWith((req) => {
      if (req.operation === 'SetUser') { renamed = true; return new TypeError('fetch failed: other side closed'); }
      return renamed && req.body.webExId === 'jane' ? success('getUserResponse', getUserBody({ webExId: 'jane', email: 'j@x.com' })) : failure('030001', 'Corresponding User not found');
    });
    expect((await connector.pushProfileUpdate('jdoe', { webExId: 'jane' })).webExId).toBe('jane');
    expect(fake.operations()).toEqual(['SetUser', 'GetUser']);
  });
});
