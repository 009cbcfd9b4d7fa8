'use strict';

const mongoose = require('mongoose');
const User = require('./models/user');
const Task = require('./models/task');

const models = [User, Task];

// Fail fast instead of queueing queries while the server is unreachable, and build
// indexes when we say so (start-up, `make migrate`), not as a side effect of compiling a model.
mongoose.set('bufferCommands', false);
mongoose.set('autoIndex', false);

async function connect(uri, options = {}) {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, ...options });
  return mongoose.connection;
}

// Builds the indexes declared in the schemas (createIndexes only adds what is missing).
async function ensureIndexes() {
  await Promise.all(models.map((model) => model.createIndexes()));
}

// The "migration" of a Mongoose project: make the database's indexes match the
// schemas exactly, dropping indexes that the schemas no longer declare.
async function syncIndexes() {
  const dropped = {};
  for (const model of models) {
    dropped[model.modelName] = await model.syncIndexes();
  }
  return dropped;
}

// A round trip to the server, bounded so that /health answers quickly when it is down.
async function ping(timeoutMs = 2000) {
  if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected) {
    throw new Error('not connected to MongoDB');
  }
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`MongoDB ping timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([mongoose.connection.db.admin().ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function disconnect() {
  await mongoose.disconnect();
}

module.exports = { connect, ensureIndexes, syncIndexes, ping, disconnect, models };
