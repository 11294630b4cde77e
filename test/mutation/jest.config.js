/** Jest for StrykerJS only: the conformance suite, one test per case (see conformance.mutation.ts). */
const base = require('../../jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/mutation'],
  testMatch: ['**/conformance.mutation.ts'],
  testTimeout: 60000,
};
