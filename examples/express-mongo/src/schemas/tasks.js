'use strict';

const { z } = require('zod');
const { requiredString } = require('./common');

const STATUSES = ['todo', 'doing', 'done'];
const SORTS = ['createdAt', '-createdAt', 'dueDate', '-dueDate', 'title', '-title'];

const status = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });

const taskFields = {
  title: requiredString()
    .trim()
    .min(1, 'must not be blank')
    .max(200, 'must be at most 200 characters'),
  // "" and blank descriptions are stored as null, as in every stack of the Tasks API
  // (Oracle cannot tell an empty string from NULL).
  description: z
    .string({ error: 'must be a string or null' })
    .max(2000, 'must be at most 2000 characters')
    .nullable()
    .transform((value) => (value?.trim() === '' ? null : value)),
  status,
  dueDate: z.iso.date({ error: 'must be a date in YYYY-MM-DD format or null' }).nullable(),
};

// id, createdAt and updatedAt are not listed, so a client cannot write them.
const createTaskSchema = z.object({
  title: taskFields.title,
  description: taskFields.description.optional(),
  status: taskFields.status.optional(),
  dueDate: taskFields.dueDate.optional(),
});

// PATCH: any subset of the writable fields; a field that is present must be valid.
const updateTaskSchema = createTaskSchema.partial();

// A query-string integer in [1, max]: digits only, so '1e1', '0x10', ' 5' and '' are refused.
const integerParam = (max, message) =>
  z
    .string({ error: message })
    .regex(/^[0-9]+$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(1, message).max(max, message));

const listTasksQuerySchema = z.object({
  page: integerParam(Number.MAX_SAFE_INTEGER, 'must be an integer of at least 1').default(1),
  pageSize: integerParam(100, 'must be an integer from 1 to 100').default(20),
  status: status.optional(),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` }).default('-createdAt'),
});

module.exports = { createTaskSchema, updateTaskSchema, listTasksQuerySchema, STATUSES, SORTS };
