'use strict';

const mongoose = require('mongoose');

// Whether the server explains queries with MongoDB's own planner (queryPlanner.winningPlan).
// Servers that only speak MongoDB's protocol (FerretDB, for one) plan differently, and the
// tests of index use (tests/integration/database.test.js) are skipped there.
async function plansLikeMongoDB(uri) {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const explained = await connection.db.command({
      explain: { find: 'plan_probe', filter: {} },
      verbosity: 'queryPlanner',
    });
    return Boolean(explained.queryPlanner?.winningPlan);
  } finally {
    await connection.close();
  }
}

// Runs once before all tests. With MONGODB_URI set (CI, docker compose, your own server)
// the tests use that server; without it they start a throwaway mongod with
// mongodb-memory-server, which downloads the MongoDB binary on first use (~100 MB, cached).
// Each test file then works in its own database (see tests/support/db.js).
module.exports = async function globalSetup() {
  if (!process.env.MONGODB_URI) {
    const { MongoMemoryServer } = require('mongodb-memory-server');
    const server = await MongoMemoryServer.create();
    globalThis.__MONGO_MEMORY_SERVER__ = server;
    process.env.MONGODB_URI = server.getUri();
  }
  // Test files run in workers started after this, which inherit the environment.
  process.env.MONGODB_PLANS_LIKE_MONGODB = String(await plansLikeMongoDB(process.env.MONGODB_URI));
};
