/** A fault that changes a real DelUser answer: the engine runs the operation (ctx.run), the fault edits the rows. */
import { responseText, type EngineResponse, type InterceptContext } from '../../engine';
import { escapeXml, type GsbStatus, type XmlNode } from '../../wire';
import { element } from '../../wire/escape';

/**
 * DelUser with some ids failing: the listed ids are taken out of the batch (so they are not deactivated), the
 * rest run for real, and the answer lists every id in request order with its status.
 */
export function runPartialDelUser(ctx: InterceptContext, failing: readonly string[], gsbStatus: GsbStatus): EngineResponse {
  const fail = new Set(failing.map((s) => s.toLowerCase()));
  const ids = ctx.envelope.body.children.filter((c) => c.name === 'webExId').map((c) => c.text.trim());
  const failedRow = (id: string) => `<use:user>${element('use', 'webExId', id)}<use:status>FAILURE</use:status></use:user>`;
  // With every id taken out, the real run still authenticates, then answers 030001 (no id could be deactivated).
  const body: XmlNode = { ...ctx.envelope.body, children: ctx.envelope.body.children.filter((c) => c.name !== 'webExId' || !fail.has(c.text.trim().toLowerCase())) };
  const real = ctx.run({ gsbStatus, body });
  const text = responseText(real);
  if (!text.includes('<serv:result>SUCCESS</serv:result>')) return real;
  const rows = new Map<string, string>();
  for (const m of text.matchAll(/<use:user><use:webExId>([^<]*)<\/use:webExId>[\s\S]*?<\/use:user>/g)) rows.set(m[1], m[0]);
  const merged = ids.map((id) => (fail.has(id.toLowerCase()) ? failedRow(id) : rows.get(escapeXml(id)) ?? failedRow(id))).join('');
  const start = text.indexOf('<use:user>');
  const end = text.lastIndexOf('</use:user>') + '</use:user>'.length;
  return { ...real, body: text.slice(0, start) + merged + text.slice(end) };
}

