import { EXCEPTIONS, formatReason, type ExceptionKey } from '../catalog';

/** A Webex FAILURE as the site decides it; wire turns it into the envelope. */
export class WebexError extends Error {
  readonly id: string;
  readonly reason: string;
  constructor(readonly key: ExceptionKey, readonly params: Record<string, string | number> = {}, readonly value?: string) {
    const def = EXCEPTIONS[key];
    const reason = formatReason(def.reason, params);
    super(reason);
    this.id = def.id;
    this.reason = reason;
  }
}

export const cantSetField = (field: string, detail: string) => new WebexError('cantSetField', { field, detail });
