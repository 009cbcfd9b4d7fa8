'use strict';

// Runs once before all tests. With MONGODB_URI set (CI, docker compose, your own server)
// the tests use that server; without it they start a throwaway mongod with
// mongodb-memory-server, which downloads the MongoDB binary on first use (~100 MB, cached).
// Each test file then works in its own database (see tests/support/db.js).
module.exports = async function globalSetup() {
  if (process.env.MONGODB_URI) return;
  const { MongoMemoryServer } = require('mongodb-memory-server');
  const server = await MongoMemoryServer.create();
  globalThis.__MONGO_MEMORY_SERVER__ = server;
  process.env.MONGODB_URI = server.getUri();
};
