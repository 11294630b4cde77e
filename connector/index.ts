/** The reference Webex Meetings provisioning connector: public API (import from 'webex-mock/connector'). */
export { WebexConnector, endpointUrl, type ConnectorConfig } from './connector';
export { ConnectorError, ERROR_CLASS_LABELS, isConnectorError, type ErrorClass, type ConnectorErrorDetails } from './errors/connector-error';
export { classifyFailure, type WebexFailure } from './errors/classify';
export { REMEDIES } from './errors/remedies';
export { ATTRIBUTES, attributeByName, attributeForField, type AttributeDef, type AttributeType } from './mapping/attributes';
export { FEATURES, type FeatureKey } from './mapping/features';
export { validateProfile, profileToElements, profileFromUser, type Profile, type AttributeValue } from './mapping/profile';
export type { ConnectionReport, ConnectionCheck } from './operations/test-connection';
export type { PushNewUserOptions } from './operations/push-new-user';
export type { PushResult } from './operations/write-support';
export type { ImportOptions, ImportProgress, ImportResult, ImportedUser, UserSummary } from './operations/import-users';
export type { WebexUser } from './operations/get-user';
export { staticSchema, type SchemaReport, type SchemaAttribute, type SiteStatus } from './operations/discover-schema';
export { XmlClient, type ClientEvent, type XmlClientOptions } from './transport/client';
export { OAuthTokens, WEBEX_TOKEN_URL, type OAuthSettings, type RefreshedTokens } from './transport/oauth-tokens';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep } from './transport/retry';
export { buildRequest, redactRequest, type NamespaceStyle } from './xml/request';
export { parseResponse, type WebexResponse } from './xml/response';
