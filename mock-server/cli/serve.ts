/** `webex-mock serve`: the XML API and the admin API on one port, with an optional scenario and data dir. */
import { parseArgs } from 'node:util';
import { createWebexMock } from '../mock';
import { DEMO } from '../site/demo-site';

export const SERVE_USAGE = `  serve     Serve the XML API (POST /WBXService/XMLService) and the admin API (/_mock)
            --host HOST          (default 127.0.0.1)
            --port PORT          (default 8080, or $PORT; 0 = any free port)
            --scenario NAME|FILE a bundled scenario name or a .yaml/.json file (default: the demo site)
            --data-dir DIR       keep all site state in DIR/webex-mock.sqlite across restarts
            --admin-token TOKEN  require Authorization: Bearer TOKEN on /_mock (or $WEBEX_MOCK_ADMIN_TOKEN)
            --admin-remote       let non-loopback clients use /_mock
            --journal-size N     requests kept in the journal (default 1000)
            --fault-seed N       seed of the fault RNG (default 1)`;

export async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      host: { type: 'string' }, port: { type: 'string' }, scenario: { type: 'string' }, 'data-dir': { type: 'string' },
      'admin-token': { type: 'string' }, 'admin-remote': { type: 'boolean' }, 'journal-size': { type: 'string' }, 'fault-seed': { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${values.port ?? process.env.PORT}`);
  const journalSize = intOption('journal-size', values['journal-size'], 1000, 1);
  const faultSeed = intOption('fault-seed', values['fault-seed'], 1, 0);
  const mock = createWebexMock({
    scenario: values.scenario,
    dataDir: values['data-dir'],
    control: { token: values['admin-token'], allowRemote: values['admin-remote'] ?? false, journal: { size: journalSize }, faultSeed },
  });
  const running = await mock.listen({ host: values.host ?? '127.0.0.1', port });
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`webex-mock listening on ${running.url}`);
  out(`XML API: ${running.xmlUrl}`);
  out(`Admin API: ${running.url}/_mock (health, sites, journal, faults)`);
  out(`Inspector: ${running.url}/_mock/ui/`);
  const scenario = mock.control.scenarioInfo;
  if (scenario) out(`Scenario: ${scenario.name ?? scenario.source}${scenario.description ? ` — ${scenario.description}` : ''}`);
  if (values['data-dir']) out(`Data: ${values['data-dir']} (state kept across restarts)`);
  for (const site of mock.registry.all()) {
    out(`Site: siteName=${site.name} siteID=${site.config.id} users=${site.userCount}`);
  }
  if (!scenario && mock.registry.get(DEMO.siteName)) {
    out(`Demo site: siteName=${DEMO.siteName} siteID=${DEMO.siteId} admin=${DEMO.admin.webExId} password=${DEMO.admin.password} accessToken=${DEMO.accessToken}`);
  }
  const stop = () => {
    void running.close().then(() => { mock.close(); process.exit(0); });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function intOption(name: string, raw: string | undefined, dflt: number, min: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return n;
}
