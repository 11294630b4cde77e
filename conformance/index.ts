/** The conformance suite: public API (import from 'webex-mock/conformance'). */
export {
  ERROR_CLASSES, OPERATIONS, OPTIONAL_OPERATIONS, isErrorClass, schemaAttributes, schemaReport,
  type Adapter, type AdapterConfig, type AdapterFactory, type AttributeValue, type ClassifiedError, type ErrorClass,
  type ImportedUser, type OperationName, type Outcome, type Profile, type SchemaAttribute, type UserRef,
  type SchemaReport, type SchemaResult, type SiteFacts, type HostLicences, type PasswordCriteria, type ConnectionInfo, type ConnectionCheck,
} from './adapter';
export { runSuite, summarize, SUITE_VERSION, type AdapterProvider, type CaseResult, type RunOptions, type RunReport } from './runner';
export { factoryProvider, moduleProvider, referenceProvider, stdioProvider } from './adapters/load';
export { createAdapter as referenceAdapter } from './adapters/reference';
export { allCases, selectCases, parseGroups, GROUPS, type CaseDef, type CaseFilter, type Group } from './cases';
export { htmlReport } from './reports/html';
export { jsonReport } from './reports/json';
export { junitReport } from './reports/junit';
