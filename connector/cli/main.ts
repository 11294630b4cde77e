import { parseArgs } from 'node:util';
import { WebexConnector, type ConnectorConfig } from '../connector';
import { ConnectorError } from '../errors/connector-error';
import { localError } from '../errors/classify';
import type { ImportProgress } from '../operations/import-users';
import { PromptCancelled, type CliIo } from './io';
import { formatConnection, formatError, formatImport, formatPush, formatSchema } from './format';

export const USAGE = `Usage: webex-connector <command> [options]

Commands:
  test                      check the site answers, the credentials work and the admin is a site admin
  push FILE                 create a user from a JSON profile of flat attribute names ("-" = stdin)
  update WEBEXID FILE       update a user with the attributes in a JSON profile
  password WEBEXID          set a user's password (read from stdin, a hidden prompt, or --new-password)
  deactivate WEBEXID        set active=DEACTIVATED
  reactivate WEBEXID        set active=ACTIVATED
  get WEBEXID               show a user's profile as flat attributes (JSON)
  import                    list every user (all pages), then read each profile
  schema                    every supported attribute, and which ones the site accepts now

Connection (or environment variables):
  --url URL                 Webex site or XML API URL          WEBEX_URL
  --site NAME               site name                          WEBEX_SITE
  --admin WEBEXID           site admin webExID                 WEBEX_ADMIN
  --password PASSWORD       site admin password                WEBEX_PASSWORD
  --token TOKEN             access token instead of a password WEBEX_ACCESS_TOKEN

Options:
  --json                    machine-readable output (JSON on stdout)
  --new-password PASSWORD   password command: the new password (prefer stdin)
  --send-welcome            push: let Webex send its welcome email
  --page-size N             import: users per LstsummaryUser page (default 100)
  --summary                 import: list only, no GetUser per user
  --offline                 schema: the attribute table only, without asking the site
  --lenient                 do not check lengths and formats locally; let Webex judge
  --timeout MS              per-request timeout (default 30000)
  --retries N               attempts for transient errors (default 4)
  --verbose                 log each request (secrets masked) to stderr
  -h, --help                this help
`;

const OPTIONS = {
  url: { type: 'string' }, site: { type: 'string' }, admin: { type: 'string' }, password: { type: 'string' },
  token: { type: 'string' }, json: { type: 'boolean' }, 'new-password': { type: 'string' },
  'send-welcome': { type: 'boolean' }, 'page-size': { type: 'string' }, summary: { type: 'boolean' },
  offline: { type: 'boolean' }, lenient: { type: 'boolean' }, timeout: { type: 'string' }, retries: { type: 'string' },
  verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} must be a positive integer`);
  return Number(raw);
}

function connectorConfig(values: Values, io: CliIo): ConnectorConfig {
  const url = values.url ?? io.env.WEBEX_URL;
  const siteName = values.site ?? io.env.WEBEX_SITE;
  const admin = values.admin ?? io.env.WEBEX_ADMIN;
  const password = values.password ?? io.env.WEBEX_PASSWORD;
  const accessToken = values.token ?? io.env.WEBEX_ACCESS_TOKEN;
  const missing = [!url && '--url / WEBEX_URL', !siteName && '--site / WEBEX_SITE', !admin && '--admin / WEBEX_ADMIN',
    !password && !accessToken && '--password / WEBEX_PASSWORD'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
  const retries = positiveInt(values.retries, 'retries');
  return {
    url: url!, siteName: siteName!, admin: admin!, password, accessToken,
    timeoutMs: positiveInt(values.timeout, 'timeout'),
    retry: retries !== undefined ? { maxAttempts: retries } : undefined,
    strict: !values.lenient,
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
  if (values['new-password'] !== undefined) return values['new-password'];
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

function need(arg: string | undefined, what: string): string {
  if (!arg) throw new UsageError(`${what} is required`);
  return arg;
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
      const result = await connector.pushNewUser(await readProfile(args[0], io), { sendWelcome: values['send-welcome'] });
      values.json ? json(result) : out(formatPush('created', result));
      return 0;
    }
    case 'update': {
      const webExId = need(args[0], 'WEBEXID');
      const result = await connector.pushProfileUpdate(webExId, await readProfile(args[1], io));
      values.json ? json(result) : out(formatPush('updated', result));
      return 0;
    }
    case 'password': {
      const webExId = need(args[0], 'WEBEXID');
      const result = await connector.pushPassword(webExId, await newPassword(values, io));
      values.json ? json(result) : out(formatPush('password set for', result));
      return 0;
    }
    case 'deactivate':
    case 'reactivate': {
      const webExId = need(args[0], 'WEBEXID');
      const result = command === 'deactivate' ? await connector.deactivate(webExId) : await connector.reactivate(webExId);
      values.json ? json(result) : out(formatPush(`${command}d`, result));
      return 0;
    }
    case 'get': {
      json(await connector.getUser(need(args[0], 'WEBEXID')));
      return 0;
    }
    case 'import': {
      const result = await connector.importUsers({
        pageSize: positiveInt(values['page-size'], 'page-size'),
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
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Run the CLI; resolves to the exit code (0 ok, 1 operation failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    return await run(command, args, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConnectorError) {
      if (values.json) io.stdout.write(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
      io.stderr.write(formatError(error));
      return 1;
    }
    io.stderr.write(`unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
