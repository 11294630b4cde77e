/**
 * The `serve` flags, each also read from `WEBEX_MOCK_<FLAG_IN_CAPS>` (container and CI users configure servers
 * through the environment). To add a flag: one `serveFlag(...)` line in SERVE_FLAGS and one field in
 * ServeSettings; `serve.ts` reads it from `settings`.
 */
import { InvalidArgumentError, Option, envBoolean } from '../../cli-kit/program';

export { envBoolean };
import { LOG_LEVELS, type LogLevel } from './exchange-log';
import { parseAllowedHosts } from '../http/host-policy';
import { DEFAULT_JOURNAL_BYTES } from '../control/journal/journal';

/** `--journal-size` → `WEBEX_MOCK_JOURNAL_SIZE`. */
export const envName = (flag: string) => `WEBEX_MOCK_${flag.replace(/^--/, '').replace(/-/g, '_').toUpperCase()}`;

/** An option whose value may also come from its environment variable (shown in --help). */
export function serveFlag(flags: string, description: string, parse?: (raw: string) => unknown): Option {
  const long = /--[a-z0-9-]+/.exec(flags)![0];
  const option = new Option(flags, description).env(envName(long));
  return parse ? option.argParser(parse) : option;
}

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`must be an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`}`);
    }
    return n;
  };
}

/** A size in bytes: a number, or with kb/mb/gb (binary units, as the HTTP body limit), at least `min` bytes. */
export function byteSize(min: number): (raw: string) => number {
  return (raw) => {
    const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw.trim());
    const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m?.[2] ?? 'b').toLowerCase() as 'b'];
    const n = m ? Math.floor(Number(m[1]) * unit) : NaN;
    if (!(n >= min && n <= 2 ** 32 - 1)) throw new InvalidArgumentError(`must be a size from ${min / 1024} kb to 4 gb (e.g. 64mb)`);
    return n;
  };
}

/** What `serve` runs with, after flags, environment and defaults. */
export interface ServeSettings {
  host: string;
  port: number;
  scenario?: string;
  dataDir?: string;
  adminToken?: string;
  adminRemote: boolean;
  /** Host names the admin API and the Inspector answer besides loopback names and IP literals. */
  allowedHosts: string[];
  journalSize: number;
  /** Bytes the journal keeps, bodies together (JournalOptions.maxBytes). */
  journalBytes: number;
  faultSeed: number;
  /** https with a generated certificate, or with cert/key when given. */
  logLevel: LogLevel;
  tls: boolean;
  cert?: string;
  key?: string;
}

export const SERVE_FLAGS: Option[] = [
  serveFlag('--host <host>', 'address to listen on').default('127.0.0.1'),
  serveFlag('--port <port>', 'port to listen on; 0 = any free port (default: 8080, or $PORT)', integer(0, 65535)),
  serveFlag('--scenario <name|file>', 'a bundled scenario (see `webex-mock scenarios`) or a .yaml/.json file (default: the demo site)'),
  serveFlag('--data-dir <dir>', 'keep all site state in DIR/webex-mock.sqlite across restarts'),
  serveFlag('--admin-token <token>', 'require Authorization: Bearer TOKEN on /_mock'),
  serveFlag('--admin-remote', 'let non-loopback clients use /_mock'),
  serveFlag('--allowed-hosts <hosts>', 'comma-separated Host names /_mock and the Inspector answer besides loopback names and IP addresses; .example.com allows a domain', parseAllowedHosts),
  serveFlag('--journal-size <n>', 'requests kept in the journal', integer(1)).default(1000),
  serveFlag('--journal-bytes <size>', 'bytes the journal keeps, bodies together (e.g. 64mb); each body is cut at 256 KiB', byteSize(256 * 1024))
    .default(DEFAULT_JOURNAL_BYTES, '32mb'),
  serveFlag('--fault-seed <n>', 'seed of the fault RNG', integer(0)).default(1),
  serveFlag('--log-level <level>', 'one line per exchange on stderr: off, failures, info (every exchange) or debug (plus fault, ignored elements, HTTP status)')
    .choices(LOG_LEVELS).default('off'),
  serveFlag('--verbose', 'the same as --log-level info'),
  serveFlag('--tls', 'serve https with a self-signed certificate made at start for {site}.webex.com and loopback'),
  serveFlag('--cert <file>', 'serve https with this certificate (PEM; implies --tls, needs --key)'),
  serveFlag('--key <file>', 'the private key (PEM) of --cert'),
];
