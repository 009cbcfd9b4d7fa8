'use strict';

const Task = require('../../src/models/task');
const { toProblem } = require('../../src/middleware/errors');
const { HttpProblem } = require('../../src/lib/problems');

describe('toProblem', () => {
  test('keeps HTTP problems as they are', () => {
    const problem = new HttpProblem(409, 'taken');
    expect(toProblem(problem)).toBe(problem);
    expect(problem.toJSON()).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'taken',
    });
  });

  test('hides the details of unexpected errors', () => {
    const problem = toProblem(new Error('connection string mongodb://user:secret@host'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  test("turns a schema's validation error into a 422 naming the fields", async () => {
    // validate() rejects with a ValidationError (validateSync is deprecated in Mongoose 9).
    const error = await new Task({ title: ' ', status: 'later' }).validate().catch((e) => e);
    const problem = toProblem(error);
    expect(problem.status).toBe(422);
    expect(
      problem
        .toJSON()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['owner', 'status', 'title']);
  });

  test('maps body-parser errors', () => {
    expect(
      toProblem(Object.assign(new Error(), { type: 'entity.parse.failed', status: 400 })).status,
    ).toBe(400);
    expect(
      toProblem(Object.assign(new Error(), { type: 'entity.too.large', status: 413 })).status,
    ).toBe(413);
  });
});
