/** Command-line options of webex-conformance run. */
export interface RunArgs {
  adapter?: string;
  adapterCmd?: string;
  only?: string;
  cases: string[];
  junit?: string;
  html?: string;
  json?: string;
  url?: string;
  site?: string;
  admin?: string;
  password?: string;
  emailDomain?: string;
  concurrency?: number;
  verbose: boolean;
  quiet: boolean;
}

const VALUE_FLAGS: Record<string, keyof RunArgs> = {
  '--adapter': 'adapter', '--adapter-cmd': 'adapterCmd', '--only': 'only', '--junit': 'junit', '--html': 'html', '--json': 'json',
  '--url': 'url', '--site': 'site', '--admin': 'admin', '--password': 'password', '--email-domain': 'emailDomain',
};

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunArgs {
  const args: RunArgs = { cases: [], verbose: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--case') args.cases.push(value());
    else if (flag === '--concurrency') args.concurrency = positive(value(), flag);
    else if (flag === '--verbose' || flag === '-v') args.verbose = true;
    else if (flag === '--quiet' || flag === '-q') args.quiet = true;
    else if (flag in VALUE_FLAGS) (args as unknown as Record<string, string>)[VALUE_FLAGS[flag]] = value();
    else throw new Error(`unknown option ${raw}`);
  }
  if (args.adapter && args.adapterCmd) throw new Error('give --adapter or --adapter-cmd, not both');
  args.url ??= env.WEBEX_URL;
  args.site ??= env.WEBEX_SITE;
  args.admin ??= env.WEBEX_ADMIN;
  args.password ??= env.WEBEX_PASSWORD;
  return args;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
  return n;
}

/** The adapter part of a command line, repeated in every rerun hint. */
export function adapterArgs(args: RunArgs): string {
  const q = (s: string) => (/^[\w./:@=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [args.adapter ? `--adapter ${q(args.adapter)}` : '', args.adapterCmd ? `--adapter-cmd ${q(args.adapterCmd)}` : '', args.url ? `--url ${q(args.url)}` : ''].filter(Boolean).join(' ');
}
