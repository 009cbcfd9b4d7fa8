'use strict';

const mongoose = require('mongoose');
const User = require('../../src/models/user');
const Task = require('../../src/models/task');
const db = require('../../src/db');
const { seed, DEMO_EMAIL, DEMO_PASSWORD, DEMO_TASKS } = require('../../scripts/seed');
const { useTestDatabase } = require('../support/db');
const { api } = require('../support/api');

useTestDatabase();

const keysOf = async (model) => (await model.listIndexes()).map((index) => index.key);

describe('indexes declared in the schemas', () => {
  test('exist in the database, e-mail unique', async () => {
    const userIndexes = await User.listIndexes();
    expect(userIndexes).toContainEqual(
      expect.objectContaining({ key: { email: 1 }, unique: true }),
    );
    expect(await keysOf(Task)).toEqual(
      expect.arrayContaining([
        { owner: 1, createdAt: -1, _id: -1 },
        { owner: 1, status: 1, createdAt: -1, _id: -1 },
        { owner: 1, dueDate: 1, _id: 1 },
        { owner: 1, title: 1, _id: 1 },
      ]),
    );
  });

  test('syncIndexes (make migrate) drops an index no schema declares, keeps the rest', async () => {
    await Task.collection.createIndex({ title: 1 }, { name: 'stray_title' });
    const dropped = await db.syncIndexes();
    expect(dropped.Task).toEqual(['stray_title']);
    expect(await keysOf(Task)).toHaveLength(5); // _id plus the four declared ones
  });
});

// The stages and index names of the chosen plan, wherever an explain() answer nests them
// (its shape varies with the MongoDB version and with find or aggregate).
function planOf(explained) {
  const stages = [];
  const indexes = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof node.stage === 'string') stages.push(node.stage);
    if (typeof node.indexName === 'string') indexes.push(node.indexName);
    return Object.entries(node).forEach(([key, value]) => key !== 'rejectedPlans' && walk(value));
  };
  walk(explained);
  return { stages, indexes };
}

// MongoDB's planner only: see tests/support/global-setup.js.
const planTest = process.env.MONGODB_PLANS_LIKE_MONGODB === 'true' ? test : test.skip;

describe('query plans of the task list', () => {
  const owner = new mongoose.Types.ObjectId();
  const filter = { owner, status: 'todo' };

  beforeAll(async () => {
    // Enough tasks, for this owner and another, that a collection scan would be a real choice.
    const start = Date.now();
    const tasks = Array.from({ length: 3000 }, (_, i) => ({
      owner: i % 2 ? owner : new mongoose.Types.ObjectId(),
      title: `task ${i}`,
      status: ['todo', 'doing', 'done'][i % 3],
      createdAt: new Date(start - i * 1000),
    }));
    await Task.insertMany(tasks, { lean: true });
  });

  planTest('a page of one status, newest first, is read in index order (no sort)', async () => {
    const explained = await Task.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(20)
      .explain('queryPlanner');
    const { stages, indexes } = planOf(explained);
    expect(indexes).toContain('owner_1_status_1_createdAt_-1__id_-1');
    expect(stages).not.toContain('COLLSCAN');
    expect(stages).not.toContain('SORT');
  });

  planTest('its count (countDocuments) is read from the same index', async () => {
    // countDocuments runs this aggregation.
    const explained = await Task.aggregate([
      { $match: filter },
      { $group: { _id: 1, n: { $sum: 1 } } },
    ]).explain('queryPlanner');
    const { stages, indexes } = planOf(explained);
    expect(indexes).toContain('owner_1_status_1_createdAt_-1__id_-1');
    expect(stages).not.toContain('COLLSCAN');
  });
});

describe('seed', () => {
  test('creates the demo user and five tasks, and is safe to run twice', async () => {
    await seed();
    await seed();

    const users = await User.find({ email: DEMO_EMAIL });
    expect(users).toHaveLength(1);
    const tasks = await Task.find({ owner: users[0]._id });
    expect(tasks).toHaveLength(DEMO_TASKS.length);
    expect(new Set(tasks.map((task) => task.status))).toEqual(new Set(['todo', 'doing', 'done']));

    const login = await api()
      .post('/api/v1/auth/login')
      .send({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });
});
