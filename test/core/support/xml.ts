/**
 * Request builders for core tests: raw XML API envelopes as real clients write them (unprefixed children,
 * `serv:message` root, xmlns:xsi declared). Variations for the lenient-parsing tests are built by hand there.
 */
import { DEMO } from '../../../mock-server';

export interface Security {
  siteName?: string;
  siteID?: string;
  partnerID?: string;
  webExID?: string;
  email?: string;
  password?: string;
  sessionTicket?: string;
  webExAccessToken?: string;
}

/** The demo site's admin with its password. */
export const ADMIN: Security = { siteName: DEMO.siteName, webExID: DEMO.admin.webExId, password: DEMO.admin.password };
/** The demo site's non-admin host. */
export const HOST: Security = { siteName: DEMO.siteName, webExID: DEMO.host.webExId, password: DEMO.host.password };

const SERVICE_OF: Record<string, string> = { GetSite: 'site', GetAPIVersion: 'ep' };

/** Java-style xsi:type (`java:com.webex.service.binding.user.GetUser`). */
export function javaType(op: string): string {
  return `java:com.webex.service.binding.${SERVICE_OF[op] ?? 'user'}.${op}`;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function securityXml(sec: Security): string {
  return Object.entries(sec)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeText(String(v))}</${k}>`)
    .join('');
}

/** One request envelope; `op` may be an operation name or a full xsi:type value (contains ':'). */
export function xmlRequest(op: string, bodyXml = '', security: Security = ADMIN): string {
  const type = op.includes(':') ? op : javaType(op);
  return `<?xml version="1.0" encoding="UTF-8"?>
<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:serv="http://www.webex.com/schemas/2002/06/service">
<header><securityContext>${securityXml(security)}</securityContext></header>
<body><bodyContent xsi:type="${type}">${bodyXml}</bodyContent></body>
</serv:message>`;
}

/** Nested elements from a flat `{ 'privilege/host': 'true', 'meetingTypes/meetingType': ['214', '4'] }` map, in the given order. */
export function elements(values: Record<string, string | string[]>): string {
  type Tree = Map<string, Tree | string[]>;
  const root: Tree = new Map();
  for (const [path, v] of Object.entries(values)) {
    const parts = path.split('/');
    let node = root;
    for (const p of parts.slice(0, -1)) {
      let next = node.get(p);
      if (!(next instanceof Map)) { next = new Map(); node.set(p, next); }
      node = next;
    }
    node.set(parts[parts.length - 1], Array.isArray(v) ? v : [v]);
  }
  const render = (t: Tree): string => [...t].map(([name, v]) => (v instanceof Map
    ? `<${name}>${render(v)}</${name}>`
    : v.map((x) => `<${name}>${escapeText(x)}</${name}>`).join(''))).join('');
  return render(root);
}

let counter = 0;
/** A fresh, valid CreateUser body (unique webExId/email per call) merged with `extra` paths. */
export function newUserBody(extra: Record<string, string | string[]> = {}, id = `t${Date.now().toString(36)}${++counter}`): { webExId: string; email: string; xml: string } {
  const email = `${id}@example.com`;
  const base: Record<string, string | string[]> = { firstName: 'Test', lastName: `User${counter}`, webExId: id, email, password: 'Secr3t!pass' };
  return { webExId: id, email, xml: elements({ ...base, ...extra }) };
}
