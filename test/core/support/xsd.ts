/**
 * Schema validation with Debian's xmllint (libxml2-utils) against the 2011 XSDs copied to test/fixtures/xsd and
 * extended with the newer elements SPEC lists. The entry schema imports service.xsd and user.xsd.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const XSD_DIR = resolve(__dirname, '../../fixtures/xsd');
export const ENTRY_SCHEMA = join(XSD_DIR, 'user-service.xsd');

export function xmllintAvailable(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Validation {
  valid: boolean;
  errors: string;
}

/** Validate XML documents (text) against the entry schema in one xmllint run; one result per document. */
export function validateAll(docs: string[]): Validation[] {
  const dir = mkdtempSync(join(tmpdir(), 'webex-xsd-'));
  try {
    const files = docs.map((d, i) => {
      const f = join(dir, `doc${i}.xml`);
      writeFileSync(f, d);
      return f;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', ENTRY_SCHEMA, ...files], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const stderr = run.stderr ?? '';
    return files.map((f) => {
      const lines = stderr.split('\n').filter((l) => l.startsWith(f));
      return { valid: lines.some((l) => l === `${f} validates`), errors: lines.filter((l) => !l.endsWith(' validates')).join('\n') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function validateFile(path: string): Validation {
  const run = spawnSync('xmllint', ['--noout', '--schema', ENTRY_SCHEMA, path], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { valid: run.status === 0, errors: run.stderr };
}
