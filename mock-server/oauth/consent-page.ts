/** The small consent page of GET /v1/authorize: who signs in, which scopes, Accept / Decline. */
import type { Integration } from './token-store';

const SCOPE_TEXT: Record<string, string> = {
  all_read: 'Read-only privilege to access all Webex resources available to the authenticated user',
  user_modify: 'Write-only privilege to update user details',
  meeting_modify: 'Write-only privilege to create and update scheduled meetings',
  recording_modify: 'Write-only privilege to update recorded meeting details',
  setting_modify: 'Write-only privilege to update site settings. Admin only',
  'spark:all': 'Full access to your Webex account',
};

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

export interface ConsentParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string;
  response_type: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export function consentPage(integration: Integration, params: ConsentParams, error?: string): string {
  const hidden = Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(String(v))}">`).join('');
  const scopes = params.scope.split(' ').filter(Boolean).map((s) => `<li><code>${esc(s)}</code> — ${esc(SCOPE_TEXT[s] ?? s)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Webex — authorize ${esc(integration.clientId)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:sans-serif;max-width:36em;margin:2em auto">
<h1>Authorize an integration</h1>
<p>The integration <code>${esc(integration.clientId)}</code> asks for:</p><ul>${scopes}</ul>
${error ? `<p role="alert" style="color:#b00">${esc(error)}</p>` : ''}
<form method="post" action="authorize">${hidden}
<p><label>Site <input name="site" required autocomplete="organization"></label></p>
<p><label>Webex ID or email <input name="login" required autocomplete="username"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password"></label>
<br><small>Not asked on SAML SSO sites: the emulator stands in for the identity provider.</small></p>
<p><button name="decision" value="accept">Accept</button> <button name="decision" value="decline" formnovalidate>Decline</button></p>
</form></body></html>`;
}
