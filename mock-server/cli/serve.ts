/** `webex-mock serve`: the XML API and the admin API on one port, with an optional scenario and data dir. */
import { existsSync } from 'node:fs';
import { examples, subcommand, usageError, type CliOutput, type Command } from '../../cli-kit/program';
import { createWebexMock } from '../mock';
import { DEMO } from '../site/demo-site';
import { StartupError } from '../control/startup-error';
import { DEFAULT_SHUTDOWN_GRACE_MS } from '../http/graceful-shutdown';
import { SERVE_FLAGS, envBoolean, integer, type ServeSettings } from './serve-options';
import { generatedCertificate, ownCertificate } from './tls';
import { tuneServerProcess } from './server-process';
import { exchangeLogger, type LogLevel } from './exchange-log';
import { scenarioProblem } from './scenario-ref';
import { announceBuild } from './scenarios';

export function serveCommand(program: Command, output: CliOutput): Command {
  const command = subcommand(program, 'serve', 'serve the XML API (POST /WBXService/XMLService), the admin API (/_mock) and the Inspector');
  for (const flag of SERVE_FLAGS) command.addOption(flag);
  examples(command, [
    'webex-mock serve --port 8080',
    'webex-mock serve --port 0 --scenario user-limit-exceeded',
    'webex-mock serve --data-dir .webex-mock --admin-token s3cret',
    'WEBEX_MOCK_PORT=9000 WEBEX_MOCK_SCENARIO=rate-limited webex-mock serve',
    'webex-mock serve --tls --port 8443 --scenario host-limit-reached',
    'webex-mock serve --log-level failures',
  ]);
  return command.action(async () => {
    try {
      await serve(settingsOf(command), output);
    } catch (e) {
      if (e instanceof StartupError) usageError(command, e.message); // one line naming the flag, the path and the fix; exit 2
      throw e;
    }
  });
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
  const adminRemote = flag(command, 'adminRemote', 'WEBEX_MOCK_ADMIN_REMOTE');
  const cert = (o.cert as string | undefined) || undefined;
  const key = (o.key as string | undefined) || undefined;
  if ((cert === undefined) !== (key === undefined)) usageError(command, '--cert and --key go together');
  for (const [name, file] of [['--cert', cert], ['--key', key]] as const) {
    if (file !== undefined && !existsSync(file)) usageError(command, `${name} ${file}: no such file`);
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
    logLevel: command.getOptionValueSource('logLevel') === 'default' && flag(command, 'verbose', 'WEBEX_MOCK_VERBOSE') ? 'info' : o.logLevel as LogLevel,
    tls: flag(command, 'tls', 'WEBEX_MOCK_TLS') || cert !== undefined,
    cert,
    key,
  };
}

/** A boolean flag; from the environment only 1/true/yes/on or 0/false/no/off (commander alone takes any value as on). */
function flag(command: Command, name: string, env: string): boolean {
  if (command.getOptionValueSource(name) !== 'env') return command.getOptionValue(name) === true;
  try {
    return envBoolean(process.env[env]);
  } catch (e) {
    usageError(command, `${env} ${(e as Error).message}`);
  }
}

/** The data dir to use: the one asked for, unless the SQLite driver cannot load (then in memory, saying why). */
export function usableDataDir(dataDir: string | undefined, warn: (line: string) => void): string | undefined {
  if (dataDir === undefined) return undefined;
  // The store's module only when a data dir is asked for (most starts have none).
  const { sqliteUnavailable } = require('../control/persistence/sqlite-store') as typeof import('../control/persistence/sqlite-store');
  const why = sqliteUnavailable();
  if (why === undefined) return dataDir;
  warn(`webex-mock: --data-dir ${dataDir} not used — better-sqlite3 (an optional dependency) cannot be loaded: ${why}. `
    + 'Serving without persistence: state is lost when the server stops. Reinstall with a C++ toolchain to build it.');
  return undefined;
}

export async function serve(settings: ServeSettings, output: CliOutput): Promise<number> {
  tuneServerProcess(); // this process is the server and nothing else
  const dataDir = usableDataDir(settings.dataDir, (line) => output.err(`${line}\n`));
  // Parsed here (YAML and zod load only when a scenario is given) so a large site can say it is being built.
  const parsed = settings.scenario === undefined ? undefined
    : (require('../control/scenarios/bundled') as typeof import('../control/scenarios/bundled')).loadScenarioRef(settings.scenario);
  const built = parsed ? announceBuild(parsed.scenario, output.err) : () => {};
  const mock = createWebexMock({
    scenario: parsed,
    dataDir,
    control: { token: settings.adminToken, allowRemote: settings.adminRemote, allowedHosts: settings.allowedHosts, journal: { size: settings.journalSize, maxBytes: settings.journalBytes }, faultSeed: settings.faultSeed },
  });
  built();
  const logger = exchangeLogger(settings.logLevel, output.err);
  if (logger) mock.engine.observers.push(logger);
  const tls = !settings.tls ? undefined : settings.cert && settings.key ? ownCertificate(settings.cert, settings.key)
    : await generatedCertificate(mock.registry.all().map((site) => `${site.name}.webex.com`), dataDir);
  const running = await mock.listen({ host: settings.host, port: settings.port, tls });
  const out = (s: string) => output.out(`${s}\n`);
  out(`webex-mock listening on ${running.url}`);
  out(`XML API: ${running.xmlUrl}`);
  out(`Admin API: ${running.url}/_mock (health, sites, journal, faults)`);
  out(`Inspector: ${running.url}/_mock/ui/`);
  if (tls) {
    out(`TLS certificate: ${tls.certPath}${tls.names.length ? ` (self-signed for ${tls.names.join(', ')}, 127.0.0.1, ::1)` : ''}`);
    out(`  trust it: NODE_EXTRA_CA_CERTS=${tls.certPath} · curl --cacert ${tls.certPath} · or import it into your connector's trust store`);
  }
  const scenario = mock.control.scenarioInfo;
  if (scenario) out(`Scenario: ${scenario.name ?? scenario.source}${scenario.description ? ` — ${scenario.description}` : ''}`);
  if (dataDir) out(`Data: ${dataDir} (state kept across restarts)`);
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
  // SIGTERM / SIGINT: finish the requests in flight (up to the grace period), release the data dir, exit 0.
  // A second signal stops at once.
  let stopping = false;
  const stop = () => {
    if (stopping) {
      void running.close();
      return;
    }
    stopping = true;
    void running.shutdown(DEFAULT_SHUTDOWN_GRACE_MS).then(() => { mock.close(); process.exit(0); });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}
