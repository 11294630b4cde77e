/** AuthenticateUser session tickets: opaque, per site, expiring after the site's timeToLive. */
import { randomBytes } from 'node:crypto';

export interface Ticket {
  webExId: string;
  createTime: number;
  expiresAt: number;
  /** A ticket got with an OAuth token keeps that token's scopes; undefined: every scope. */
  scopes?: ReadonlySet<string>;
}

export class TicketStore {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number) {}

  issue(webExId: string, ttlSeconds: number, scopes?: ReadonlySet<string>): { ticket: string; createTime: number; timeToLive: number } {
    const createTime = this.now();
    // Real tickets are long opaque strings; never derived from the password.
    const ticket = `AAAB${randomBytes(48).toString('base64url')}`;
    this.tickets.set(ticket, { webExId: webExId.toLowerCase(), createTime, expiresAt: createTime + ttlSeconds * 1000, scopes });
    if (this.tickets.size > 10_000) this.sweep();
    return { ticket, createTime, timeToLive: ttlSeconds };
  }

  /** The ticket's owner, if the ticket is known and not expired. */
  check(ticket: string): Ticket | undefined {
    const t = this.tickets.get(ticket);
    if (!t) return undefined;
    if (t.expiresAt <= this.now()) {
      this.tickets.delete(ticket);
      return undefined;
    }
    return t;
  }

  clear(): void {
    this.tickets.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(k);
  }
}
