'use strict';

const { randomBytes } = require('node:crypto');
const mongoose = require('mongoose');
const db = require('../../src/db');

// Each test file gets a fresh database on the server named by MONGODB_URI,
// with the schemas' indexes built, and drops it when done.
function useTestDatabase() {
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const connect = async () => {
    await db.connect(process.env.MONGODB_URI, { dbName });
  };

  beforeAll(async () => {
    await connect();
    await db.ensureIndexes();
  });

  afterAll(async () => {
    if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
      await mongoose.connection.dropDatabase();
    }
    await db.disconnect();
  });

  return { dbName, reconnect: connect };
}

module.exports = { useTestDatabase };
