/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // msw@2's dependencies ship ES modules only (.mjs, or "type": "module"); Jest on Node 20 cannot require them.
    '^.+\\.mjs$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*\\.mjs$|until-async/))'],
  // Browser tests start Chromium; they get more time than unit tests.
  testTimeout: 30000,
};
