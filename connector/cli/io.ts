/** The CLI's view of the process, injectable so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Whole stdin as text (profile files given as "-", passwords). */
  readStdin(): Promise<string>;
  /** Ask for a secret without echoing it; undefined when there is no terminal; rejects with PromptCancelled on Ctrl-C. */
  promptSecret?(prompt: string): Promise<string | undefined>;
  readFile(path: string): Promise<string>;
  fetch?: typeof fetch;
}

/** The user pressed Ctrl-C at a hidden prompt (raw mode turns it into a character, not a signal). */
export class PromptCancelled extends Error {
  constructor() { super('cancelled'); }
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer | string) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** Read a line from the terminal in raw mode, echoing nothing. */
function promptHidden(prompt: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish(() => resolve(value));
          return;
        }
        if (ch === '\u0003') { finish(() => reject(new PromptCancelled())); return; }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = (settle: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      settle();
    };
    stdin.on('data', onData);
  });
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    readStdin: () => readAll(process.stdin),
    promptSecret: promptHidden,
    readFile: async (path) => (await import('node:fs/promises')).readFile(path, 'utf8'),
  };
}
