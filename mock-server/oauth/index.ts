/** OAuth 2.0 of Webex integrations: the token store the sites check, and the /v1 endpoints. docs/oauth.md. */
export { OAuthStore, CODE_TTL_MS, type Integration, type Grant, type TokenAnswer } from './token-store';
export { createOAuthRouter } from './router';
export { accessToken, authorizeGet, authorizePost, type OAuthAnswer } from './endpoints';
export { integrationSchema, integrationsSchema, KNOWN_SCOPES, type IntegrationSpec } from './integration-schema';

/** Where Webex serves them: https://webexapis.com/v1/authorize and /v1/access_token. */
export const OAUTH_PATH = '/v1';
