'use strict';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Starts a throwaway MongoDB unless MONGODB_URI names a server to use.
  globalSetup: './tests/support/global-setup.js',
  globalTeardown: './tests/support/global-teardown.js',
  setupFiles: ['./tests/support/env.js'],
  testMatch: ['**/tests/**/*.test.js'],
  testTimeout: 30000,
};
