'use strict';

// `make seed`: the demo account and five tasks. Running it again changes nothing.
const config = require('../src/config');
const logger = require('../src/logger');
const db = require('../src/db');
const User = require('../src/models/user');
const Task = require('../src/models/task');
const { hashPassword } = require('../src/lib/passwords');

const DEMO_EMAIL = 'demo@example.com';
const DEMO_PASSWORD = 'password123';

// dueInDays: due that many days after the first seeding (null: no due date).
const DEMO_TASKS = [
  { title: 'Read the project README', status: 'done', dueInDays: null },
  { title: 'Run the tests with make test', status: 'done', dueInDays: -1 },
  { title: 'Try the API in /docs', status: 'doing', dueInDays: 2 },
  { title: 'Add a priority field to tasks', status: 'todo', dueInDays: 7 },
  { title: 'Deploy the API', status: 'todo', dueInDays: null },
];

const DAY_MS = 24 * 60 * 60 * 1000;

function dueDate(dueInDays) {
  if (dueInDays === null) return null;
  const today = new Date(new Date().toISOString().slice(0, 10)); // midnight UTC
  return new Date(today.getTime() + dueInDays * DAY_MS);
}

async function seed() {
  let user = await User.findOne({ email: DEMO_EMAIL });
  user ??= await User.create({
    email: DEMO_EMAIL,
    name: 'Demo User',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  // Upsert by title: each demo task exists once, however often this runs.
  for (const { title, status, dueInDays } of DEMO_TASKS) {
    const now = new Date();
    await Task.updateOne(
      { owner: user._id, title },
      {
        $setOnInsert: {
          description: null,
          status,
          dueDate: dueDate(dueInDays),
          createdAt: now,
          updatedAt: now,
        },
      },
      // Mongoose would otherwise bump updatedAt of an existing task on every run.
      { upsert: true, timestamps: false },
    );
  }
  return { user, tasks: await Task.countDocuments({ owner: user._id }) };
}

async function main() {
  await db.connect(config.mongodbUri);
  try {
    await db.ensureIndexes();
    const { user, tasks } = await seed();
    logger.info(`seeded ${user.email} / ${DEMO_PASSWORD} with ${tasks} tasks`);
  } finally {
    await db.disconnect();
  }
}

if (require.main === module) {
  main().catch((error) => {
    logger.fatal({ err: error }, 'seeding failed');
    process.exit(1);
  });
}

module.exports = { seed, DEMO_EMAIL, DEMO_PASSWORD, DEMO_TASKS };
