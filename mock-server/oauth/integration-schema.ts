/** Integrations as scenarios declare them (top-level `integrations:`), checked with zod like the rest. */
import { z } from 'zod';
import { OAUTH_SCOPES, SPARK_ALL_SCOPE } from '../catalog';

export const KNOWN_SCOPES: readonly string[] = [...OAUTH_SCOPES, SPARK_ALL_SCOPE];

const redirectUri = z.string().refine((u) => {
  try {
    const url = new URL(u);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
  } catch {
    return false;
  }
}, 'a redirect URI is an absolute http(s) URL without a fragment (RFC 6749 §3.1.2)');

export const integrationSchema = z.object({
  clientId: z.string().min(8).max(128).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  clientSecret: z.string().min(8).max(256),
  redirectUris: z.array(redirectUri).min(1),
  scopes: z.array(z.enum(KNOWN_SCOPES as [string, ...string[]])).min(1),
  /** Approve /v1/authorize at once (CI): as this user, unless the query names another with site + login_hint. */
  autoApprove: z.object({ site: z.string().min(1), webExId: z.string().min(1) }).strict().optional(),
}).strict();

export const integrationsSchema = z.array(integrationSchema).default([]).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((i, n) => {
    if (seen.has(i.clientId)) ctx.addIssue({ code: 'custom', path: [n, 'clientId'], message: `client id ${i.clientId} is declared twice` });
    seen.add(i.clientId);
  });
});

export type IntegrationSpec = z.infer<typeof integrationSchema>;
