/**
 * `serve --tls`: a certificate for the sites' host names ({site}.webex.com) and loopback, made at start with
 * selfsigned, or the user's own (`--cert`/`--key`). The certificate is written to a file a client can trust.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsFiles {
  cert: string;
  key: string;
  /** Where the certificate is (the one to trust). */
  certPath: string;
  /** The names it was made for (empty for the user's own). */
  names: string[];
}

export function ownCertificate(certPath: string, keyPath: string): TlsFiles {
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, names: [] };
}

/** A fresh self-signed certificate, valid for a year, for `hosts` plus localhost, 127.0.0.1 and ::1. */
export async function generatedCertificate(hosts: string[], dataDir?: string): Promise<TlsFiles> {
  const { generate } = await import('selfsigned'); // only a --tls start pays for the X.509 library
  const names = [...new Set([...hosts.map((h) => h.toLowerCase()), 'localhost'])];
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: names[0] }, { name: 'organizationName', value: 'webex-mock (self-signed)' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate, notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }] },
    ],
  });
  const dir = dataDir ? join(dataDir, 'tls') : mkdtempSync(join(tmpdir(), 'webex-mock-tls-'));
  mkdirSync(dir, { recursive: true });
  const certPath = join(dir, 'webex-mock-cert.pem');
  writeFileSync(certPath, pems.cert);
  // The key stays in memory: nothing but this process needs it.
  return { cert: pems.cert, key: pems.private, certPath, names };
}
