/**
 * The adapter contract as JSON lines over stdin/stdout, for connectors in any language.
 *
 * The suite starts COMMAND (through the shell) and writes one JSON object per line:
 *   {"id": 7, "op": "create", "args": {"profile": {"webExId": "jdoe", "email": "jdoe@example.com"}}}
 * and the program answers each with one line carrying the same id:
 *   {"id": 7, "ok": true, "result": {"webExId": "jdoe"}}
 *   {"id": 7, "ok": false, "error": {"class": "duplicate", "attribute": "webExId", "message": "..."}}
 * ops and args: configure {url, siteName, admin, password, fastRetries} (sent before the first operation and
 * whenever the next case targets another site or credentials), create {profile}, update {webExId, profile},
 * setPassword {webExId, password}, deactivate {webExId}, reactivate {webExId}, get {webExId}, import {},
 * schema {} (the bare attribute list, or the report form {attributes, site}: adapter.ts SchemaReport), and the
 * optional testConnection {} — offered only when the configure answer lists it: {"operations": ["testConnection"]}
 * (an adapter answering `{}` has none of the optional operations). Answers may come in any order. stdout carries only the protocol: log to stderr.
 * The suite keeps a few processes (one per concurrent case) and closes stdin when it is done.
 *
 * Before the first case the suite starts one process and configures it: a command that cannot start, exits,
 * or writes a line that is not a JSON answer stops the run with one AdapterFailure (the command, its exit code,
 * its last stderr lines) instead of failing every case; so does a process that breaks the same way mid-run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Adapter, AdapterConfig, ClassifiedError, Outcome } from '../adapter';
import { redactText } from '../emulator/capture';
import type { AdapterProvider } from '../runner';
import { AdapterFailure } from './failure';

interface Pending { resolve(value: unknown): void; timer: NodeJS.Timeout }

const REQUEST_TIMEOUT_MS = 30_000;

class AdapterProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private stderrTail = '';
  private stopping = false;
  exited = false;
  /** A request went unanswered in time: the process may still be working on it, so it is never lent out again. */
  abandoned = false;
  configured?: string;
  /** Optional operations the configure answer listed. */
  operations: readonly string[] = [];
  /** Set when the process broke the protocol: exited on its own, failed to start, or wrote a non-answer line. */
  failure?: AdapterFailure;

  constructor(private readonly command: string, cwd?: string) {
    this.child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.child.stderr.on('data', (chunk: Buffer) => { this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000); });
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error) => this.broke(`it could not be started (${error.message})`));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.onLine(line));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      if (!this.stopping) this.broke(`it exited (${signal ? `signal ${signal}` : `exit code ${code}`})`, code, signal);
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.resolve(protocolError(`the adapter process exited (${signal ?? `code ${code}`}) before answering request ${id}${this.stderrTail ? `; stderr: ${redactText(this.stderrTail.trim()).slice(-500)}` : ''}`));
      }
      this.pending.clear();
    });
  }

  private broke(reason: string, exitCode?: number | null, signal?: NodeJS.Signals | null): void {
    this.failure ??= new AdapterFailure({
      command: this.command, reason,
      ...(exitCode !== undefined && exitCode !== null ? { exitCode } : {}),
      ...(signal ? { signal } : {}),
      stderr: () => redactText(this.stderrTail),
    });
    // Nothing more will come that can be trusted: answer what is waiting now instead of at the timeout.
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(protocolError(`${reason} before answering request ${id}`));
    }
    this.pending.clear();
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let message: { id?: unknown; ok?: unknown };
    try { message = JSON.parse(line) as { id?: unknown; ok?: unknown }; } catch {
      this.broke(`it wrote a line that is not JSON on stdout: ${JSON.stringify(redactText(line).slice(0, 200))} (stdout is the protocol; log to stderr)`);
      return;
    }
    if (!message || typeof message !== 'object' || typeof message.id !== 'number' || typeof message.ok !== 'boolean') {
      this.broke(`it wrote a line that is not an answer: ${redactText(line).slice(0, 200)} (an answer is {"id": N, "ok": true|false, ...})`);
      return;
    }
    const p = this.pending.get(message.id);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(message.id as number);
    p.resolve(message);
  }

  request(op: string, args: Record<string, unknown>): Promise<unknown> {
    if (this.exited) return Promise.resolve(protocolError(`the adapter process has exited${this.stderrTail ? `; stderr: ${redactText(this.stderrTail.trim()).slice(-500)}` : ''}`));
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.pending.delete(id); this.abandoned = true; resolve(protocolError(`no answer to ${op} within ${REQUEST_TIMEOUT_MS / 1000} s`)); }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, timer });
      this.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  async configure(config: AdapterConfig): Promise<void> {
    const key = JSON.stringify(config);
    if (this.configured === key) return;
    const answer = await this.request('configure', { ...config });
    const outcome = toOutcome(answer);
    if (!outcome.ok) throw new Error(`configure failed: ${outcome.error.message}`);
    const listed = (outcome.result as { operations?: unknown } | null)?.operations;
    this.operations = Array.isArray(listed) ? listed.filter((o): o is string => typeof o === 'string') : [];
    this.configured = key;
  }

  /** Still working on a request, or left one unanswered: its late answers and effects belong to an earlier case. */
  get busy(): boolean {
    return this.abandoned || this.pending.size > 0;
  }

  stop(): Promise<void> {
    this.stopping = true;
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      this.child.once('exit', () => { clearTimeout(kill); resolve(); });
      this.child.stdin.end();
    });
  }
}

function protocolError(message: string): { ok: false; error: ClassifiedError } {
  return { ok: false, error: { class: 'unknown', message: `stdio adapter: ${message}` } };
}

/** A line as the runner's Outcome; the runner normalises classes and fields. */
function toOutcome<T>(answer: unknown): Outcome<T> {
  const a = answer as { ok?: unknown; result?: unknown; error?: unknown };
  if (a && a.ok === true) return { ok: true, result: a.result as T };
  if (a && a.ok === false) return { ok: false, error: (a.error ?? { class: 'unknown', message: 'error without details' }) as ClassifiedError };
  return protocolError(`malformed answer ${JSON.stringify(answer).slice(0, 200)}`) as Outcome<T>;
}

export class StdioAdapterProvider implements AdapterProvider {
  private readonly idle: AdapterProcess[] = [];
  private readonly all: AdapterProcess[] = [];

  constructor(readonly command: string, private readonly cwd?: string) {}

  get name(): string {
    return `stdio: ${this.command}`;
  }

  /** Start one process and configure it before any case runs: a broken command is one error up front. */
  async check(config: AdapterConfig): Promise<void> {
    const adapter = await this.open(config);
    const proc = this.all[this.all.length - 1];
    try {
      await proc.configure(config);
    } catch (error) {
      // Give a process that is dying the moment to report its exit code and last stderr lines.
      await new Promise((r) => setTimeout(r, 200));
      throw proc.failure ?? new AdapterFailure({ command: this.command, reason: error instanceof Error ? error.message : String(error), stderr: () => '' });
    }
    await adapter.close?.();
    const failure = this.failure();
    if (failure) throw failure;
  }

  /** The first protocol break of any of the run's processes. */
  failure(): AdapterFailure | undefined {
    return this.all.find((p) => p.failure)?.failure;
  }

  async open(config: AdapterConfig): Promise<Adapter> {
    let proc = this.idle.pop();
    while (proc?.exited) proc = this.idle.pop();
    if (!proc) {
      proc = new AdapterProcess(this.command, this.cwd);
      this.all.push(proc);
    }
    const p = proc;
    let released = false;
    const call = async <T>(op: string, args: Record<string, unknown>): Promise<Outcome<T>> => {
      await p.configure(config);
      return toOutcome<T>(await p.request(op, args));
    };
    // Configure now to learn the optional operations; a failure here is reported by the case's first call.
    await p.configure(config).catch(() => undefined);
    return {
      create: (profile) => call('create', { profile }),
      update: (webExId, profile) => call('update', { webExId, profile }),
      setPassword: (webExId, password) => call('setPassword', { webExId, password }),
      deactivate: (webExId) => call('deactivate', { webExId }),
      reactivate: (webExId) => call('reactivate', { webExId }),
      get: (webExId) => call('get', { webExId }),
      import: () => call('import', {}),
      schema: () => call('schema', {}),
      ...(p.operations.includes('testConnection') ? { testConnection: () => call('testConnection', {}) } : {}),
      close: async () => {
        if (released) return;
        released = true;
        // A case that timed out leaves its process mid-request: stop it rather than hand it to the next case.
        if (p.busy) await p.stop();
        else if (!p.exited) this.idle.push(p);
      },
    };
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.all.map((p) => p.stop()));
  }
}
