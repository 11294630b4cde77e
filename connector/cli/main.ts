import { Option, cliProgram, type Command, envBoolean, examples, runProgram, subcommand, usageError } from '../../cli-kit/program';
import { WebexConnector, type ConnectorConfig } from '../connector';
import { ConnectorError } from '../errors/connector-error';
import { localError } from '../errors/classify';
import type { ImportProgress } from '../operations/import-users';
import { PromptCancelled, type CliIo } from './io';
import { formatConnection, formatError, formatImport, formatPush, formatSchema } from './format';

/** Options of every command (commander reads them before or after the command name). */
interface Values {
  url?: string; site?: string; admin?: string; password?: string; token?: string;
  clientId?: string; clientSecret?: string; refreshToken?: string; tokenUrl?: string;
  json?: boolean; newPassword?: string; sendWelcome?: boolean; pageSize?: string; summary?: boolean;
  offline?: boolean; lenient?: boolean; controlHub?: boolean; timeout?: string; retries?: string; verbose?: boolean;
}

class UsageError extends Error {}

function controlHubFromEnv(raw: string | undefined): boolean {
  try {
    return envBoolean(raw);
  } catch (e) {
    throw new UsageError(`WEBEX_CONTROL_HUB ${(e as Error).message}`);
  }
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} must be a positive integer`);
  return Number(raw);
}

function connectorConfig(values: Values, io: CliIo): ConnectorConfig {
  // The environment comes from io (not process.env) so tests and embedders can give their own.
  const url = values.url ?? io.env.WEBEX_URL;
  const siteName = values.site ?? io.env.WEBEX_SITE;
  const admin = values.admin ?? io.env.WEBEX_ADMIN;
  const password = values.password ?? io.env.WEBEX_PASSWORD;
  const accessToken = values.token ?? io.env.WEBEX_ACCESS_TOKEN;
  const clientId = values.clientId ?? io.env.WEBEX_CLIENT_ID;
  const clientSecret = values.clientSecret ?? io.env.WEBEX_CLIENT_SECRET;
  const refreshToken = values.refreshToken ?? io.env.WEBEX_REFRESH_TOKEN;
  const tokenUrl = values.tokenUrl ?? io.env.WEBEX_TOKEN_URL;
  const oauthGiven = [clientId, clientSecret, refreshToken].filter(Boolean).length;
  if (oauthGiven > 0 && oauthGiven < 3) {
    throw new UsageError('OAuth needs all of --client-id / WEBEX_CLIENT_ID, --client-secret / WEBEX_CLIENT_SECRET and --refresh-token / WEBEX_REFRESH_TOKEN');
  }
  const oauth = oauthGiven === 3 ? { clientId: clientId!, clientSecret: clientSecret!, refreshToken: refreshToken!, tokenUrl } : undefined;
  if (oauth && password) throw new UsageError('give a password or OAuth (--client-id, --client-secret, --refresh-token), not both');
  const missing = [!url && '--url / WEBEX_URL', !siteName && '--site / WEBEX_SITE', !admin && '--admin / WEBEX_ADMIN',
    !password && !accessToken && !oauth && '--password / WEBEX_PASSWORD (or --token, or OAuth: --client-id, --client-secret, --refresh-token)'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
  const retries = positiveInt(values.retries, 'retries');
  return {
    url: url!, siteName: siteName!, admin: admin!, password, accessToken, oauth,
    timeoutMs: positiveInt(values.timeout, 'timeout'),
    retry: retries !== undefined ? { maxAttempts: retries } : undefined,
    strict: !values.lenient,
    controlHub: values.controlHub ?? controlHubFromEnv(io.env.WEBEX_CONTROL_HUB),
    fetch: io.fetch,
    onEvent: values.verbose
      ? (event) => {
        if (event.type === 'request') io.stderr.write(`> ${event.operation} #${event.attempt}\n${event.body}\n`);
        else if (event.type === 'response') io.stderr.write(`< ${event.operation} HTTP ${event.status} ${event.result ?? ''} ${event.exceptionId ?? ''}\n`);
        else io.stderr.write(`~ retrying ${event.operation} in ${event.delayMs} ms: ${event.error}\n`);
      }
      : undefined,
  };
}

async function readProfile(file: string | undefined, io: CliIo): Promise<unknown> {
  if (!file) throw new UsageError('a profile FILE is required ("-" reads stdin)');
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the error, which may be a password: keep only the position.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw localError('invalidValue', `${file} is not valid JSON${position ? ` (error at character ${position})` : ''}`);
  }
}

async function newPassword(values: Values, io: CliIo): Promise<string> {
  if (values.newPassword !== undefined) return values.newPassword;
  let prompted: string | undefined;
  try {
    prompted = await io.promptSecret?.('New password: ');
  } catch (error) {
    if (error instanceof PromptCancelled) throw new UsageError('password entry cancelled');
    throw error;
  }
  if (prompted !== undefined) return prompted;
  // Piped stdin: the first line is the password.
  return (await io.readStdin()).replace(/\r?\n[\s\S]*$/, '');
}

/** Progress on stderr: a rewritten line on a terminal, a few lines otherwise. */
function progressReporter(io: CliIo): (p: ImportProgress) => void {
  let lastStep = -1;
  return (p) => {
    const label = p.phase === 'list' ? 'listed' : 'read';
    if (io.stderr.isTTY) {
      io.stderr.write(`\rimport: ${label} ${p.done}/${p.total} users${p.done === p.total ? '\n' : ''}`);
      return;
    }
    const step = p.phase === 'list' ? p.done : Math.floor((p.done / Math.max(1, p.total)) * 10);
    if (p.phase === 'list' || step !== lastStep || p.done === p.total) {
      io.stderr.write(`import: ${label} ${p.done}/${p.total} users\n`);
    }
    lastStep = p.phase === 'list' ? -1 : step;
  };
}

async function run(command: string, args: string[], values: Values, io: CliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(text);
  const json = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);
  if (command === 'schema' && values.offline) {
    const { staticSchema } = await import('../operations/discover-schema');
    const report = { attributes: staticSchema(), features: {}, sessionTypes: [], warnings: ['offline: site features not checked'] };
    values.json ? json(report) : out(formatSchema(report));
    return 0;
  }
  let connector: WebexConnector;
  try {
    connector = new WebexConnector(connectorConfig(values, io));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message); // a URL fetch cannot use, and the like
  }
  switch (command) {
    case 'test': {
      const report = await connector.testConnection();
      if (values.json) json({ ...report, error: report.error?.toJSON(), checks: report.checks.map(({ error, ...c }) => c) });
      else out(formatConnection(report));
      if (report.error && !values.json) io.stderr.write(formatError(report.error));
      return report.ok ? 0 : 1;
    }
    case 'push': {
      const result = await connector.pushNewUser(await readProfile(args[0], io), { sendWelcome: values.sendWelcome });
      values.json ? json(result) : out(formatPush('created', result));
      return 0;
    }
    case 'update': {
      const webExId = args[0];
      const result = await connector.pushProfileUpdate(webExId, await readProfile(args[1], io));
      values.json ? json(result) : out(formatPush('updated', result));
      return 0;
    }
    case 'password': {
      const webExId = args[0];
      const result = await connector.pushPassword(webExId, await newPassword(values, io));
      values.json ? json(result) : out(formatPush('password set for', result));
      return 0;
    }
    case 'deactivate':
    case 'reactivate': {
      const webExId = args[0];
      const result = command === 'deactivate' ? await connector.deactivate(webExId) : await connector.reactivate(webExId);
      values.json ? json(result) : out(formatPush(`${command}d`, result));
      return 0;
    }
    case 'get': {
      json(await connector.getUser(args[0]));
      return 0;
    }
    case 'import': {
      const result = await connector.importUsers({
        pageSize: positiveInt(values.pageSize, 'page-size'),
        detail: !values.summary,
        onProgress: progressReporter(io),
      });
      values.json ? json(result) : out(formatImport(result));
      return 0;
    }
    case 'schema': {
      const report = await connector.discoverSchema();
      values.json ? json({ ...report, siteError: report.siteError?.toJSON() }) : out(formatSchema(report));
      return 0;
    }
    default:
      throw new Error(`no handler for ${command}`);
  }
}

const COMMANDS: { name: string; args: string; description: string; options?: Option[]; examples: string[] }[] = [
  { name: 'test', args: '', description: 'check the site answers, the credentials work and the admin is a site admin',
    examples: ['webex-connector test --url http://127.0.0.1:8080 --site demo --admin admin --password P@ssword123'] },
  { name: 'push', args: '<file>', description: 'create a user from a JSON profile of flat attribute names ("-" = stdin)',
    options: [new Option('--send-welcome', 'let Webex send its welcome email')],
    examples: ['webex-connector push jane.json', 'echo \'{"webExId":"jane","email":"jane@example.com"}\' | webex-connector push -'] },
  { name: 'update', args: '<webexid> <file>', description: 'update a user with the attributes in a JSON profile',
    examples: ['webex-connector update jane changes.json'] },
  { name: 'password', args: '<webexid>', description: "set a user's password (read from stdin, a hidden prompt, or --new-password)",
    options: [new Option('--new-password <password>', 'the new password (prefer stdin or the prompt)')],
    examples: ['webex-connector password jane', 'printf "%s\\n" "$NEW_PASSWORD" | webex-connector password jane'] },
  { name: 'deactivate', args: '<webexid>', description: 'set active=DEACTIVATED', examples: ['webex-connector deactivate jane'] },
  { name: 'reactivate', args: '<webexid>', description: 'set active=ACTIVATED', examples: ['webex-connector reactivate jane'] },
  { name: 'get', args: '<webexid>', description: "show a user's profile as flat attributes (JSON)", examples: ['webex-connector get jane'] },
  { name: 'import', args: '', description: 'list every user (all pages), then read each profile',
    options: [new Option('--page-size <n>', 'users per LstsummaryUser page (default 100)'), new Option('--summary', 'list only, no GetUser per user')],
    examples: ['webex-connector import --json > users.json', 'webex-connector import --summary --page-size 500'] },
  { name: 'schema', args: '', description: 'every supported attribute, and which ones the site accepts now',
    options: [new Option('--offline', 'the attribute table only, without asking the site')],
    examples: ['webex-connector schema', 'webex-connector schema --offline --json'] },
];

/** Run the CLI; resolves to the exit code (0 ok, 1 operation failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const result = { code: 0 };
  return runProgram(buildProgram(io, result), argv, result);
}

/** The command tree (the docs test checks every documented command line against it). */
export function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = cliProgram('webex-connector', 'The reference Webex Meetings provisioning connector', {
    out: (t) => { io.stdout.write(t); }, err: (t) => { io.stderr.write(t); },
  });
  program
    .option('--url <url>', 'Webex site or XML API URL (env: WEBEX_URL)')
    .option('--site <name>', 'site name (env: WEBEX_SITE)')
    .option('--admin <webexid>', 'site admin webExID (env: WEBEX_ADMIN)')
    .option('--password <password>', 'site admin password (env: WEBEX_PASSWORD)')
    .option('--token <token>', 'access token instead of a password (env: WEBEX_ACCESS_TOKEN)')
    .option('--client-id <id>', 'OAuth: the integration\'s client id (env: WEBEX_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth: the integration\'s client secret (env: WEBEX_CLIENT_SECRET)')
    .option('--refresh-token <token>', 'OAuth: a refresh token; the access token is refreshed as needed (env: WEBEX_REFRESH_TOKEN)')
    .option('--token-url <url>', 'OAuth token endpoint (default https://webexapis.com/v1/access_token; env: WEBEX_TOKEN_URL)')
    .option('--json', 'machine-readable output (JSON on stdout)')
    .option('--lenient', 'do not check lengths and formats locally; let Webex judge')
    .option('--control-hub', 'the site is Control Hub managed (API 41.11): webExId = email, no passwords, users addressed by email (env: WEBEX_CONTROL_HUB=1)')
    .option('--timeout <ms>', 'per-request timeout (default 30000)')
    .option('--retries <n>', 'attempts for transient errors (default 4)')
    .option('--verbose', 'log each request (secrets masked) to stderr');
  examples(program, [
    'export WEBEX_URL=http://127.0.0.1:8080 WEBEX_SITE=demo WEBEX_ADMIN=admin WEBEX_PASSWORD=P@ssword123',
    'webex-connector test',
    'webex-connector push jane.json',
    'webex-connector get jane --json',
    'webex-connector test --url https://acme.webex.com --site acme --admin admin --client-id "$CID" --client-secret "$CSECRET" --refresh-token "$RTOKEN"',
  ]);
  for (const spec of COMMANDS) {
    const command = subcommand(program, `${spec.name}${spec.args ? ` ${spec.args}` : ''}`, spec.description);
    for (const option of spec.options ?? []) command.addOption(option);
    examples(command, spec.examples);
    command.action(async (...received: unknown[]) => {
      const args = received.slice(0, -2) as string[];
      const values = (received.at(-1) as Command).optsWithGlobals<Values>();
      result.code = await runCommand(command, spec.name, args, values, io);
    });
  }
  return program;
}

async function runCommand(command: Command, name: string, args: string[], values: Values, io: CliIo): Promise<number> {
  try {
    return await run(name, args, values, io);
  } catch (error) {
    if (error instanceof UsageError) usageError(command, error.message);
    if (error instanceof ConnectorError) {
      if (values.json) io.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
      io.stderr.write(formatError(error));
      return 1;
    }
    io.stderr.write(`unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
