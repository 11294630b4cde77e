/** The connector under test could not be driven at all: one error for the whole run (exit code 2), not a failed case each. */
export interface AdapterFailureDetails {
  /** The adapter command or module. */
  command: string;
  /** What went wrong, as a clause: "it exited (exit code 127)". */
  reason: string;
  exitCode?: number;
  signal?: string;
  /** The process's stderr so far (secrets masked), read when the message is built. */
  stderr(): string;
}

const STDERR_LINES = 10;

export class AdapterFailure extends Error {
  constructor(readonly details: AdapterFailureDetails) {
    super(); // no own `message`: the getter below builds it
    this.name = 'AdapterFailure';
  }

  /** Built on first read, so the last stderr lines that arrived after the break are included. */
  override get message(): string {
    const d = this.details;
    const lines = d.stderr().split(/\r?\n/).filter((l) => l.trim() !== '');
    const tail = lines.slice(-STDERR_LINES);
    return [
      `the adapter cannot be used: ${d.reason}`,
      `  command:   ${d.command}`,
      `  exit code: ${d.exitCode ?? (d.signal ? `none (signal ${d.signal})` : 'none (still running)')}`,
      lines.length ? `  stderr (last ${tail.length} of ${lines.length} lines):\n${tail.map((l) => `    ${l}`).join('\n')}` : '  stderr:    (empty)',
    ].join('\n');
  }
}
