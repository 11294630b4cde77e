/**
 * Command-line options of `webex-conformance run` / `list`, declared once for commander. To add a runner option:
 * one `.option(...)`/`.addOption(...)` line in `addRunOptions`, one field in RunArgs, and its copy in `toRunArgs`.
 */
import { Command, InvalidArgumentError } from '../../cli-kit/program';

export interface RunArgs {
  adapter?: string;
  adapterCmd?: string;
  only?: string;
  cases: string[];
  junit?: string;
  html?: string;
  json?: string;
  url?: string;
  /** The admin API token of a remote webex-mock started with one. */
  adminToken?: string;
  site?: string;
  admin?: string;
  password?: string;
  emailDomain?: string;
  concurrency?: number;
  /** Seed of the generated values (property-based cases). */
  seed?: number;
  verbose: boolean;
  quiet: boolean;
}

function positive(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

function seedValue(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) throw new InvalidArgumentError('must be a 32-bit integer');
  return n;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The options `list` takes (case selection). */
export function addSelectOptions(command: Command): Command {
  return command
    .option('--only <groups>', 'comma-separated groups (see `webex-conformance list`)')
    .option('--case <id>', 'a case id, * as wildcard (repeatable)', collect);
}

/** The options `run` takes. */
export function addRunOptions(command: Command): Command {
  return addSelectOptions(command)
    .option('--adapter <path>', 'a CommonJS module exporting createAdapter(config) (default: the reference connector)')
    .option('--adapter-cmd <command>', 'a program speaking the JSON-lines adapter protocol on stdin/stdout')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--json <file>', 'write a JSON report')
    .option('--concurrency <n>', 'cases run at once', positive)
    .option('--seed <n>', 'seed of the generated values (default: a new one each run; printed at the end)', seedValue)
    .option('-v, --verbose', 'print each failure with its exchanges')
    .option('-q, --quiet', 'print only the summary')
    .option('--url <url>', 'a running webex-mock (controlled through its /_mock admin API: a fresh site per case, deleted after it) or a real Webex site (safe mode) instead of the in-process emulator (env: WEBEX_URL)')
    .option('--admin-token <token>', 'admin API token of a webex-mock started with --admin-token, with --url (env: WEBEX_MOCK_ADMIN_TOKEN)')
    .option('--site <name>', 'site name, with --url on a real site (env: WEBEX_SITE)')
    .option('--admin <webexid>', 'site admin, with --url on a real site (env: WEBEX_ADMIN)')
    .option('--password <password>', 'site admin password, with --url on a real site (env: WEBEX_PASSWORD)')
    .option('--email-domain <domain>', 'domain of the test users\' emails, with --url (default example.com)');
}

/** Parsed options → RunArgs; the environment fills the connection. Throws on contradictory options. */
export function toRunArgs(o: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): RunArgs {
  const s = (k: string) => o[k] as string | undefined;
  const args: RunArgs = {
    adapter: s('adapter'), adapterCmd: s('adapterCmd'), only: s('only'), cases: (o.case as string[] | undefined) ?? [],
    junit: s('junit'), html: s('html'), json: s('json'), url: s('url') ?? env.WEBEX_URL, adminToken: s('adminToken') ?? (env.WEBEX_MOCK_ADMIN_TOKEN || undefined), site: s('site') ?? env.WEBEX_SITE,
    admin: s('admin') ?? env.WEBEX_ADMIN, password: s('password') ?? env.WEBEX_PASSWORD, emailDomain: s('emailDomain'),
    concurrency: o.concurrency as number | undefined, seed: o.seed as number | undefined, verbose: o.verbose === true, quiet: o.quiet === true,
  };
  if (args.adapter && args.adapterCmd) throw new Error('give --adapter or --adapter-cmd, not both');
  return args;
}

/** Parse `run` options outside the CLI (tests, embedders). */
export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunArgs {
  const command = addRunOptions(new Command('run')).exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  command.parse(argv, { from: 'user' });
  return toRunArgs(command.opts(), env);
}

/** The adapter part of a command line, repeated in every rerun hint. */
export function adapterArgs(args: RunArgs): string {
  const q = (s: string) => (/^[\w./:@=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [args.adapter ? `--adapter ${q(args.adapter)}` : '', args.adapterCmd ? `--adapter-cmd ${q(args.adapterCmd)}` : '', args.url ? `--url ${q(args.url)}` : ''].filter(Boolean).join(' ');
}
