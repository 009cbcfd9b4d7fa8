'use strict';

const { useTestDatabase } = require('../support/db');
const { api, signUp, expectProblem } = require('../support/api');

useTestDatabase();

const createTask = async (auth, body) => {
  const res = await api().post('/api/v1/tasks').set(auth).send(body);
  expect(res.status).toBe(201);
  return res.body;
};

describe('tasks CRUD', () => {
  let owner;
  beforeAll(async () => {
    owner = await signUp();
  });

  test('POST creates a task with defaults and a Location header', async () => {
    const body = { title: '  Write tests  ', id: 'x', createdAt: '2000-01-01T00:00:00Z', extra: 1 };
    const res = await api().post('/api/v1/tasks').set(owner.auth).send(body);

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      title: 'Write tests',
      description: null,
      status: 'todo',
      dueDate: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.body.createdAt).not.toBe('2000-01-01T00:00:00Z');
    expect(res.headers.location).toBe(`/api/v1/tasks/${res.body.id}`);
  });

  test('GET returns the task; PATCH changes only the given fields', async () => {
    const task = await createTask(owner.auth, { title: 'Plan', description: 'first draft' });

    const fetched = await api().get(`/api/v1/tasks/${task.id}`).set(owner.auth);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(task);

    const patched = await api()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(owner.auth)
      .send({ status: 'doing', dueDate: '2030-02-28', id: 'nope' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: task.id,
      title: 'Plan',
      description: 'first draft',
      status: 'doing',
      dueDate: '2030-02-28',
      createdAt: task.createdAt,
    });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(task.updatedAt));

    const cleared = await api()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(owner.auth)
      .send({ description: null, dueDate: null });
    expect(cleared.body).toMatchObject({ description: null, dueDate: null, status: 'doing' });
  });

  test('an empty or blank description is stored and returned as null', async () => {
    const created = await createTask(owner.auth, { title: 'Blank', description: '' });
    expect(created.description).toBeNull();
    const patched = await api()
      .patch(`/api/v1/tasks/${created.id}`)
      .set(owner.auth)
      .send({ description: '   ' });
    expect(patched.status).toBe(200);
    expect(patched.body.description).toBeNull();
    const kept = await createTask(owner.auth, { title: 'Spaced', description: ' a note ' });
    expect(kept.description).toBe(' a note ');
  });

  test('DELETE answers 204 and the task is gone', async () => {
    const task = await createTask(owner.auth, { title: 'Temporary' });
    const deleted = await api().delete(`/api/v1/tasks/${task.id}`).set(owner.auth);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectProblem(await api().get(`/api/v1/tasks/${task.id}`).set(owner.auth), 404);
  });

  test('answers 422 for invalid fields, one entry per field', async () => {
    const res = await api()
      .post('/api/v1/tasks')
      .set(owner.auth)
      .send({
        title: '   ',
        status: 'later',
        dueDate: '2030-02-30',
        description: 'x'.repeat(2001),
      });
    const problem = expectProblem(res, 422);
    expect(problem.errors.map((error) => error.field).sort()).toEqual([
      'description',
      'dueDate',
      'status',
      'title',
    ]);

    const task = await createTask(owner.auth, { title: 'Valid' });
    const patch = await api()
      .patch(`/api/v1/tasks/${task.id}`)
      .set(owner.auth)
      .send({ title: null });
    expect(expectProblem(patch, 422).errors).toEqual([
      { field: 'title', message: expect.any(String) },
    ]);
  });

  test('a title is 1-200 characters (code points, not UTF-16 units)', async () => {
    for (const title of ['x'.repeat(200), 'é'.repeat(200), '\u{1F600}'.repeat(200)]) {
      expect((await createTask(owner.auth, { title })).title).toBe(title);
    }
    for (const title of ['z'.repeat(201), '\u{1F600}'.repeat(201)]) {
      const res = await api().post('/api/v1/tasks').set(owner.auth).send({ title });
      expect(expectProblem(res, 422).errors).toEqual([
        { field: 'title', message: expect.any(String) },
      ]);
    }
  });
});

describe('each user sees only their own tasks', () => {
  test("another user's task, an unknown id and a malformed id are all 404", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const task = await createTask(alice.auth, { title: "Alice's" });

    // 'twelve-chars' would pass mongoose.isValidObjectId (any 12-byte string does).
    const malformed = ['not-an-id', '123', 'twelve-chars', 'z'.repeat(24)];
    for (const id of [task.id, '0123456789abcdef01234567', ...malformed]) {
      expectProblem(await api().get(`/api/v1/tasks/${id}`).set(bob.auth), 404);
      expectProblem(
        await api().patch(`/api/v1/tasks/${id}`).set(bob.auth).send({ title: 'mine now' }),
        404,
      );
      expectProblem(await api().delete(`/api/v1/tasks/${id}`).set(bob.auth), 404);
    }
    const list = await api().get('/api/v1/tasks').set(bob.auth);
    expect(list.body.totalItems).toBe(0);

    const stillThere = await api().get(`/api/v1/tasks/${task.id}`).set(alice.auth);
    expect(stillThere.body.title).toBe("Alice's");
  });

  test('every task route needs a token', async () => {
    const requests = [
      api().get('/api/v1/tasks'),
      api().post('/api/v1/tasks').send({ title: 'x' }),
      api().get('/api/v1/tasks/0123456789abcdef01234567'),
      api().patch('/api/v1/tasks/0123456789abcdef01234567').send({}),
      api().delete('/api/v1/tasks/0123456789abcdef01234567'),
    ];
    for (const res of await Promise.all(requests)) {
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  test('HEAD is authenticated like GET', async () => {
    const res = await api().head('/api/v1/tasks');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});

describe('GET /api/v1/tasks: pagination, filter and sort', () => {
  let owner;
  const titles = ['delta', 'alpha', 'echo', 'charlie', 'bravo'];
  const dueDates = ['2030-01-04', null, '2030-01-02', '2030-01-01', '2030-01-03'];
  const statuses = ['todo', 'done', 'todo', 'doing', 'todo'];

  beforeAll(async () => {
    owner = await signUp();
    // Created one after another, so createdAt follows this order.
    for (const [i, title] of titles.entries()) {
      await createTask(owner.auth, { title, dueDate: dueDates[i], status: statuses[i] });
    }
  });

  const list = (query) => api().get('/api/v1/tasks').query(query).set(owner.auth);

  test('defaults: page 1, 20 per page, newest first', async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, totalItems: 5, totalPages: 1 });
    expect(res.body.items.map((task) => task.title)).toEqual([...titles].reverse());
  });

  test('pages are read with skip and limit', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => list({ page, pageSize: 2, sort: 'title' })),
    );
    expect(pages.map((res) => res.body.items.map((task) => task.title))).toEqual([
      ['alpha', 'bravo'],
      ['charlie', 'delta'],
      ['echo'],
    ]);
    expect(pages[0].body).toMatchObject({ page: 1, pageSize: 2, totalItems: 5, totalPages: 3 });

    const beyond = await list({ page: 9, pageSize: 2 });
    expect(beyond.body).toMatchObject({ items: [], page: 9, totalItems: 5, totalPages: 3 });
  });

  test.each([
    ['createdAt', ['delta', 'alpha', 'echo', 'charlie', 'bravo']],
    ['-title', ['echo', 'delta', 'charlie', 'bravo', 'alpha']],
    // Tasks without a due date (alpha) come last in both directions.
    ['dueDate', ['charlie', 'echo', 'bravo', 'delta', 'alpha']],
    ['-dueDate', ['delta', 'bravo', 'echo', 'charlie', 'alpha']],
  ])('sort=%s', async (sort, expected) => {
    const res = await list({ sort });
    expect(res.body.items.map((task) => task.title)).toEqual(expected);
  });

  test('dueDate pages run from the dated tasks into the undated ones without a gap', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => list({ page, pageSize: 2, sort: 'dueDate' })),
    );
    expect(pages.map((res) => res.body.items.map((task) => task.title))).toEqual([
      ['charlie', 'echo'],
      ['bravo', 'delta'],
      ['alpha'],
      [],
    ]);
    const todo = await list({ status: 'todo', sort: '-dueDate' });
    expect(todo.body.items.map((task) => task.title)).toEqual(['delta', 'bravo', 'echo']);
  });

  test('title sorts by Unicode code point, case-sensitive', async () => {
    const other = await signUp();
    for (const title of ['banana', 'Äpfel', 'apple', 'Banana', 'zebra']) {
      await createTask(other.auth, { title });
    }
    const res = await api().get('/api/v1/tasks').query({ sort: 'title' }).set(other.auth);
    expect(res.body.items.map((task) => task.title)).toEqual([
      'Banana',
      'apple',
      'banana',
      'zebra',
      'Äpfel',
    ]);
  });

  test('status filters, and the counts follow the filter', async () => {
    const res = await list({ status: 'todo', pageSize: 2 });
    expect(res.body).toMatchObject({ totalItems: 3, totalPages: 2 });
    expect(res.body.items.every((task) => task.status === 'todo')).toBe(true);
  });

  test.each([
    { page: 0 },
    { page: 'abc' },
    { page: 1.5 },
    { page: '1e1' },
    { page: '0x10' },
    { page: '' },
    { pageSize: 0 },
    { pageSize: 101 },
    { status: 'later' },
    { sort: 'owner' },
    { sort: '-updatedAt' },
  ])('answers 422 for %o', async (query) => {
    const problem = expectProblem(await list(query), 422);
    expect(problem.errors).toEqual([{ field: Object.keys(query)[0], message: expect.any(String) }]);
  });
});
