/** Public API of the emulator (import from 'webex-mock'). */
export { createWebexMock, listen, type WebexMock, type WebexMockOptions, type RunningServer, type ListenOptions } from './mock';
export { Engine, type EngineRequest, type EngineResponse, type Exchange, type ExchangeMeta, type Interceptor, type Observer, failureResponse, responseText, xmlResponse } from './engine';
export { SiteRegistry } from './site/registry';
export { Site, type UsageReport, type SiteChange } from './site/site';
export { siteConfig, knownSessionType, allFeatures, type SiteConfig, type SessionTypeConfig, type PasswordPolicy } from './site/site-config';
export { DEMO, addDemoSite, demoSiteConfig, seedUsers, fakeProfile } from './site/demo-site';
export { inputFromPaths, type UserInput } from './site/user-input';
export { WebexError } from './site/webex-error';
export { readPath, SLOT, valueAt, draftValues, packValues, slotValues, type UserRecord, type UserValues } from './site/user-record';
export { XML_SERVICE_PATH, createApp } from './http/app';
export * as catalog from './catalog';
export * from './control';
