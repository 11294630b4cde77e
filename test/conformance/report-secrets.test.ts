/** Reports never show a password, even when an adapter echoes one in its messages. */
import type { AdapterFactory } from '../../conformance/adapter';
import { createAdapter as reference } from '../../conformance/adapters/reference';
import { runWith } from './run-suite';

/** Fails every write with a message that echoes what it was given, as JSON and as the XML it would have sent. */
const echoing: AdapterFactory = async (config) => {
  const inner = await reference(config);
  const echo = (what: unknown) => ({ ok: false as const, error: { class: 'unknown' as const, message: `refused ${JSON.stringify(what)} <password>${JSON.stringify(what).length}-${(what as { password?: string }).password}</password>` } });
  return { ...inner, create: async (p) => echo(p), update: async (_id, p) => echo(p), setPassword: async (_id, password) => echo({ password }) };
};

it('passwords the suite writes or an adapter echoes are masked in results', async () => {
  const report = await runWith(echoing, { groups: ['attributes', 'lifecycle'], ids: ['password.*', 'password'] });
  expect(report.results.filter((r) => r.status === 'fail').length).toBeGreaterThanOrEqual(3);
  const text = JSON.stringify(report);
  for (const secret of ['Conf0rmance!Pass', 'New!Passw0rd2']) expect(text).not.toContain(secret);
});
