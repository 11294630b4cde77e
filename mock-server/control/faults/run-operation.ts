/**
 * Run an operation the way the engine does after its interceptors (authenticate, authorise, handler, envelope),
 * for the two faults that must change a real answer rather than replace it: gsbStatus BACKUP and a partial
 * DelUser failure. Kept next to the faults so the engine stays free of fault knowledge.
 */
import { EXCEPTIONS } from '../../catalog';
import type { EngineResponse, InterceptContext } from '../../engine';
import { xmlResponse } from '../../engine';
import { HANDLERS } from '../../operations';
import { authenticate, authorize, type Caller } from '../../site/auth';
import { WebexError } from '../../site/webex-error';
import { escapeXml, failureEnvelope, successEnvelope, type GsbStatus, type XmlNode } from '../../wire';
import { element } from '../../wire/escape';

export function runOperation(ctx: InterceptContext, gsbStatus: GsbStatus, body: XmlNode = ctx.envelope.body, now: () => number = Date.now): EngineResponse {
  const { op, site, envelope, meta } = ctx;
  try {
    let caller: Caller | undefined;
    if (op.name !== 'AuthenticateUser') {
      caller = authenticate(site, envelope.security, op);
      meta.caller = caller.webExId;
      if (op.admin === 'always') authorize(caller, op);
    }
    const result = HANDLERS[op.name]({ op, site, caller, security: envelope.security, body, now });
    meta.target = result.target;
    return xmlResponse(successEnvelope(op.responseType, result.body, { bodyNamespaces: result.bodyNamespaces, gsbStatus }));
  } catch (e) {
    if (!(e instanceof WebexError)) throw e;
    return xmlResponse(failureEnvelope(e.id, e.reason, { value: e.value, subErrors: EXCEPTIONS[e.key].subErrors, gsbStatus }));
  }
}

/**
 * DelUser with some ids failing: the listed ids are taken out of the batch (so they are not deactivated), the
 * rest run for real, and the answer lists every id in request order with its status.
 */
export function runPartialDelUser(ctx: InterceptContext, failing: readonly string[], gsbStatus: GsbStatus, now?: () => number): EngineResponse {
  const fail = new Set(failing.map((s) => s.toLowerCase()));
  const ids = ctx.envelope.body.children.filter((c) => c.name === 'webExId').map((c) => c.text.trim());
  const keep = ids.filter((id) => !fail.has(id.toLowerCase()));
  const failedRow = (id: string) => `<use:user>${element('use', 'webExId', id)}<use:status>FAILURE</use:status></use:user>`;
  if (keep.length === 0) {
    // Nothing left to delete: the real service answers FAILURE when no id could be deactivated.
    return xmlResponse(failureEnvelope(EXCEPTIONS.userNotFound.id, EXCEPTIONS.userNotFound.reason, { gsbStatus }));
  }
  const body: XmlNode = { ...ctx.envelope.body, children: ctx.envelope.body.children.filter((c) => c.name !== 'webExId' || !fail.has(c.text.trim().toLowerCase())) };
  const real = runOperation(ctx, gsbStatus, body, now);
  if (!real.body.includes('<serv:result>SUCCESS</serv:result>')) return real;
  const rows = new Map<string, string>();
  for (const m of real.body.matchAll(/<use:user><use:webExId>([^<]*)<\/use:webExId>[\s\S]*?<\/use:user>/g)) rows.set(m[1], m[0]);
  const merged = ids.map((id) => (fail.has(id.toLowerCase()) ? failedRow(id) : rows.get(escapeXml(id)) ?? failedRow(id))).join('');
  const start = real.body.indexOf('<use:user>');
  const end = real.body.lastIndexOf('</use:user>') + '</use:user>'.length;
  return { ...real, body: real.body.slice(0, start) + merged + real.body.slice(end) };
}

