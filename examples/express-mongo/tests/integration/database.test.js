'use strict';

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
        { owner: 1, dueDate: 1, _id: 1 },
        { owner: 1, title: 1, _id: 1 },
      ]),
    );
  });

  test('syncIndexes (make migrate) drops an index no schema declares, keeps the rest', async () => {
    await Task.collection.createIndex({ title: 1 }, { name: 'stray_title' });
    const dropped = await db.syncIndexes();
    expect(dropped.Task).toEqual(['stray_title']);
    expect(await keysOf(Task)).toHaveLength(4); // _id plus the three declared ones
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
