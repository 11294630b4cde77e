/**
 * Which Host and Origin values name this server — the check trusted local dev servers make (Vite's
 * `server.allowedHosts`, webpack-dev-server's `allowedHosts`) against DNS rebinding and cross-origin pages.
 *
 * A Host is this server when it is an IP literal (a rebinding page reaches us only under a DNS name it
 * controls, never under an address), `localhost` or a name under `.localhost` (RFC 6761: always loopback),
 * the name the server was bound to, or a name the user allowed (`--allowed-hosts a,.b` / WEBEX_MOCK_ALLOWED_HOSTS;
 * a leading dot allows the name and every name under it). An Origin is this server when it names the very
 * host:port the request was sent to, and that Host is allowed.
 */
import { isIP } from 'node:net';

export const ALLOWED_HOSTS_ENV = 'WEBEX_MOCK_ALLOWED_HOSTS';

/** `a, b ,.c` → ['a', 'b', '.c'] (lower case, empty entries dropped). */
export function parseAllowedHosts(list: string | undefined): string[] {
  return (list ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

/** The host name of a Host header value: `[::1]:8080` → `::1`, `Example.COM.:80` → `example.com`. */
export function hostName(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(1, end);
  }
  const colon = h.indexOf(':');
  if (colon >= 0 && h.indexOf(':', colon + 1) < 0) h = h.slice(0, colon); // one colon: name:port
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

export class HostPolicy {
  private readonly names = new Set<string>();
  private readonly suffixes: string[] = [];

  /** `allowed` defaults to $WEBEX_MOCK_ALLOWED_HOSTS. */
  constructor(allowed: readonly string[] = parseAllowedHosts(process.env[ALLOWED_HOSTS_ENV])) {
    for (const name of allowed) this.allow(name);
  }

  /** Allow one more name (listen() adds the address it was bound to); `.example.com` allows a domain. */
  allow(name: string): void {
    const n = name.trim().toLowerCase();
    if (n.startsWith('.')) this.suffixes.push(n);
    else if (n) this.names.add(hostName(n));
  }

  /** Names the user allowed, for messages. */
  get allowedNames(): string[] {
    return [...this.names, ...this.suffixes];
  }

  allowsHost(host: string | undefined): boolean {
    if (!host) return false;
    const name = hostName(host);
    if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || this.names.has(name)) return true;
    return this.suffixes.some((s) => name.endsWith(s) || name === s.slice(1));
  }

  /** `Origin` names the host:port this request was sent to (so the page was served by this server). */
  isSameOrigin(origin: string, host: string | undefined): boolean {
    if (!host || !this.allowsHost(host)) return false;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // "null" (sandboxed frames, file: pages) and anything unparsable
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    try {
      return url.host === new URL(`${url.protocol}//${host}`).host; // both normalised: case, default port
    } catch {
      return false;
    }
  }
}
