/**
 * The in-process target sees every exchange of a case site over HTTP and applies its faults — before the
 * operation and after it committed — whichever engine entry point the HTTP door uses (12ebd69 moved it from
 * `handle` to `respond`, and the suite silently lost both).
 */
import { InProcessTarget } from '../../conformance/emulator/in-process-target';
import { fault } from '../../conformance/emulator/faults';
import { envelope } from '../control/support/xml';
import type { CaseDef } from '../../conformance/cases/types';

const DEF: CaseDef = { id: 'capture-probe', group: 'errors', title: 'probe', required: true, run: async () => undefined };

let target: InProcessTarget;
beforeAll(async () => { target = await InProcessTarget.start(); });
afterAll(() => target.close());

it('captures each exchange of the case site and applies an after-commit drop and a before 503', async () => {
  const env = await target.open(DEF);
  try {
    const who = { site: env.adapterConfig.siteName, webExId: env.adapterConfig.admin, password: env.adapterConfig.password };
    const create = envelope('user.CreateUser', '<firstName>A</firstName><lastName>B</lastName><webExId>wmconf-probe</webExId><email>wmconf-probe@example.com</email><password>Secret!Pass99</password>', who);
    const post = (body: string) => fetch(env.adapterConfig.url, { method: 'POST', body });

    env.control!.faults.push(fault.dropAfter('CreateUser'), fault.http('GetUser', 503));
    await expect(post(create)).rejects.toThrow(); // the answer was dropped...
    expect(await env.users.find('wmconf-probe')).toBeDefined(); // ...after the user was created
    expect((await post(envelope('user.GetUser', '<webExId>wmconf-probe</webExId>', who))).status).toBe(503);
    const ok = await post(envelope('user.GetUser', '<webExId>wmconf-probe</webExId>', who));
    expect(await ok.text()).toContain('<serv:result>SUCCESS</serv:result>');

    expect(env.exchanges().map((e) => [e.operation, e.result, e.fault])).toEqual([
      ['CreateUser', 'DROPPED', 'connection dropped after the operation committed'],
      ['GetUser', 'HTTP_ERROR', 'HTTP 503'],
      ['GetUser', 'SUCCESS', undefined],
    ]);
  } finally {
    await env.release();
  }
});

it('a latin1 rewrite sends the answer as ISO-8859-1 bytes with its Content-Type and declaration, and captures the text', async () => {
  const env = await target.open(DEF);
  try {
    const who = { site: env.adapterConfig.siteName, webExId: env.adapterConfig.admin, password: env.adapterConfig.password };
    await env.users.create({ webExId: 'wmconf-latin1', email: 'wmconf-latin1@example.com', firstName: 'Zoë', lastName: 'Müller' });
    env.control!.faults.push(fault.latin1('GetUser', 'text/xml;charset=ISO-8859-1', '<?xml version="1.0" encoding="ISO-8859-1"?>'));
    const res = await fetch(env.adapterConfig.url, { method: 'POST', body: envelope('user.GetUser', '<webExId>wmconf-latin1</webExId>', who) });
    expect(res.headers.get('content-type')).toBe('text/xml;charset=ISO-8859-1');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('latin1')).toMatch(/^<\?xml version="1.0" encoding="ISO-8859-1"\?><serv:message/);
    expect(bytes.includes(Buffer.from('Zoë', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(false);
    expect(env.exchanges().at(-1)!.response).toContain('Zoë');
  } finally {
    await env.release();
  }
});
