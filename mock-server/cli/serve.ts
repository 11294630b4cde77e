/** `webex-mock serve`: the XML API and the admin API on one port, with an optional scenario and data dir. */
import type { Command } from 'commander';
import { examples, subcommand, usageError, type CliOutput } from '../../cli-kit/program';
import { createWebexMock } from '../mock';
import { DEMO } from '../site/demo-site';
import { SERVE_FLAGS, envBoolean, integer, type ServeSettings } from './serve-options';
import { scenarioProblem } from './scenario-ref';

export function serveCommand(program: Command, output: CliOutput): Command {
  const command = subcommand(program, 'serve', 'serve the XML API (POST /WBXService/XMLService), the admin API (/_mock) and the Inspector');
  for (const flag of SERVE_FLAGS) command.addOption(flag);
  examples(command, [
    'webex-mock serve --port 8080',
    'webex-mock serve --port 0 --scenario user-limit-exceeded',
    'webex-mock serve --data-dir .webex-mock --admin-token s3cret',
    'WEBEX_MOCK_PORT=9000 WEBEX_MOCK_SCENARIO=rate-limited webex-mock serve',
  ]);
  return command.action(async () => { await serve(settingsOf(command), output); });
}

/** Flags, then WEBEX_MOCK_* (commander applies both), then $PORT, then defaults. */
export function settingsOf(command: Command): ServeSettings {
  const o = command.opts<Record<string, unknown>>();
  let port = o.port as number | undefined;
  if (port === undefined && process.env.PORT !== undefined) {
    try {
      port = integer(0, 65535)(process.env.PORT);
    } catch (e) {
      usageError(command, `$PORT ${(e as Error).message}, not "${process.env.PORT}"`);
    }
  }
  let adminRemote = o.adminRemote === true;
  if (command.getOptionValueSource('adminRemote') === 'env') {
    try {
      adminRemote = envBoolean(process.env.WEBEX_MOCK_ADMIN_REMOTE);
    } catch (e) {
      usageError(command, `WEBEX_MOCK_ADMIN_REMOTE ${(e as Error).message}`);
    }
  }
  const scenario = (o.scenario as string | undefined) || undefined;
  if (scenario) {
    const problem = scenarioProblem(scenario);
    if (problem) usageError(command, problem);
  }
  return {
    host: o.host as string,
    port: port ?? 8080,
    scenario,
    // An empty variable (WEBEX_MOCK_ADMIN_TOKEN=) means "not set", as a shell user expects.
    dataDir: (o.dataDir as string | undefined) || undefined,
    adminToken: (o.adminToken as string | undefined) || undefined,
    adminRemote,
    allowedHosts: (o.allowedHosts as string[] | undefined) ?? [],
    journalSize: o.journalSize as number,
    journalBytes: o.journalBytes as number,
    faultSeed: o.faultSeed as number,
  };
}

export async function serve(settings: ServeSettings, output: CliOutput): Promise<number> {
  const mock = createWebexMock({
    scenario: settings.scenario,
    dataDir: settings.dataDir,
    control: { token: settings.adminToken, allowRemote: settings.adminRemote, allowedHosts: settings.allowedHosts, journal: { size: settings.journalSize, maxBytes: settings.journalBytes }, faultSeed: settings.faultSeed },
  });
  const running = await mock.listen({ host: settings.host, port: settings.port });
  const out = (s: string) => output.out(`${s}\n`);
  out(`webex-mock listening on ${running.url}`);
  out(`XML API: ${running.xmlUrl}`);
  out(`Admin API: ${running.url}/_mock (health, sites, journal, faults)`);
  out(`Inspector: ${running.url}/_mock/ui/`);
  const scenario = mock.control.scenarioInfo;
  if (scenario) out(`Scenario: ${scenario.name ?? scenario.source}${scenario.description ? ` — ${scenario.description}` : ''}`);
  if (settings.dataDir) out(`Data: ${settings.dataDir} (state kept across restarts)`);
  for (const site of mock.registry.all()) {
    out(`Site: siteName=${site.name} siteID=${site.config.id} users=${site.userCount}${site.config.samlSSO ? ' samlSSO (OAuth only)' : ''}`);
  }
  // Integrations by client id only: the secret is in the scenario file, never printed.
  for (const i of mock.registry.oauth.list().integrations) {
    out(`OAuth: client ${i.clientId}${i.autoApprove ? ' (auto-approved)' : ''} — ${running.url}/v1/authorize, ${running.url}/v1/access_token`);
  }
  if (!scenario && mock.registry.get(DEMO.siteName)) {
    out(`Demo site: siteName=${DEMO.siteName} siteID=${DEMO.siteId} admin=${DEMO.admin.webExId} password=${DEMO.admin.password} accessToken=${DEMO.accessToken}`);
  }
  const stop = () => {
    void running.close().then(() => { mock.close(); process.exit(0); });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
