'use strict';
// Test harness only (never shipped in a generated project): writes COUNT tasks for the
// registered user OWNER_EMAIL straight into MongoDB with insertMany, in batches, through
// the generated project's own Mongoose (and so its MongoDB driver).
//
//   node mongo_insert_tasks.js PROJECT_DIR MONGODB_URI OWNER_EMAIL COUNT
//
// Tasks look like the API's own: statuses cycle todo/doing/done, createdAt values are
// distinct (one second apart, ending now), every other task has a dueDate (midnight UTC).
const path = require('node:path');
const { createRequire } = require('node:module');

const [projectDir, uri, ownerEmail, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!projectDir || !uri || !ownerEmail || !Number.isInteger(count) || count < 0) {
  console.error('usage: node mongo_insert_tasks.js PROJECT_DIR MONGODB_URI OWNER_EMAIL COUNT');
  process.exit(2);
}

const mongoose = createRequire(path.join(path.resolve(projectDir), 'package.json'))('mongoose');

const STATUSES = ['todo', 'doing', 'done'];
const BATCH = 10000;
const DAY_MS = 24 * 60 * 60 * 1000;

async function main() {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const db = mongoose.connection.db;
    const owner = await db.collection('users').findOne({ email: ownerEmail.toLowerCase() });
    if (!owner) throw new Error(`no registered user ${ownerEmail}`);
    const tasks = db.collection('tasks');
    const start = Date.now() - count * 1000;
    const today = Date.UTC(2027, 0, 1);
    for (let first = 0; first < count; first += BATCH) {
      const docs = [];
      for (let i = first; i < Math.min(count, first + BATCH); i += 1) {
        const createdAt = new Date(start + i * 1000);
        docs.push({
          owner: owner._id,
          title: `Task ${String(i + 1).padStart(7, '0')}`,
          description: null,
          status: STATUSES[i % 3],
          dueDate: i % 2 === 0 ? new Date(today + (i % 365) * DAY_MS) : null,
          createdAt,
          updatedAt: createdAt,
          __v: 0,
        });
      }
      await tasks.insertMany(docs, { ordered: false });
    }
  } finally {
    await mongoose.disconnect();
  }
}

main().catch((error) => {
  console.error(`insert_tasks: ${error.message}`);
  process.exit(1);
});
