'use strict';

const { registerSchema } = require('../../src/schemas/auth');
const { createTaskSchema, listTasksQuerySchema } = require('../../src/schemas/tasks');
const { parse } = require('../../src/lib/validation');

describe('validation', () => {
  test('normalises e-mails to trimmed lower case', () => {
    const data = parse(registerSchema, { email: ' Bob@Example.ORG ', password: '12345678' });
    expect(data.email).toBe('bob@example.org');
  });

  test('refuses passwords bcrypt would truncate', () => {
    expect(() => parse(registerSchema, { email: 'a@b.co', password: 'é'.repeat(37) })).toThrow(
      expect.objectContaining({ status: 422 }),
    );
  });

  test('reports each failing field once, with its wire name', () => {
    let problem;
    try {
      parse(createTaskSchema, { title: '', dueDate: 'tomorrow', status: 42 });
    } catch (error) {
      problem = error;
    }
    expect(problem.status).toBe(422);
    expect(problem.toJSON().errors.map((error) => error.field)).toEqual([
      'title',
      'status',
      'dueDate',
    ]);
  });

  test('accepts real calendar dates only', () => {
    expect(createTaskSchema.safeParse({ title: 't', dueDate: '2028-02-29' }).success).toBe(true);
    expect(createTaskSchema.safeParse({ title: 't', dueDate: '2027-02-29' }).success).toBe(false);
  });

  test('list query: defaults and coercion of query strings', () => {
    expect(listTasksQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, sort: '-createdAt' });
    expect(listTasksQuerySchema.parse({ page: '3', pageSize: '100' })).toMatchObject({
      page: 3,
      pageSize: 100,
    });
  });
});
