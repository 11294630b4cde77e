/**
 * The parts of the emulator core the suite uses, imported module by module: the suite needs the core only, not
 * the control plane's optional pieces (msw, persistence) that the package index also exports.
 */
export { createWebexMock, type WebexMock, type RunningServer } from '../../mock-server/mock';
export { responseText, type EngineResponse, type Exchange } from '../../mock-server/engine';
export type { Site } from '../../mock-server/site/site';
export { allFeatures, knownSessionType, siteConfig } from '../../mock-server/site/site-config';
export { seedUsers } from '../../mock-server/site/demo-site';
export { inputFromPaths, type UserInput } from '../../mock-server/site/user-input';
export { readPath, SLOT, valueAt, draftValues, packValues, slotValues, type UserRecord, type UserValues } from '../../mock-server/site/user-record';
export * as catalog from '../../mock-server/catalog';
