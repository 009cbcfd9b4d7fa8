'use strict';

const express = require('express');
const mongoose = require('mongoose');
const Task = require('../models/task');
const requireAuth = require('../middleware/auth');
const jsonBody = require('../middleware/json-body');
const allow = require('../middleware/method-not-allowed');
const { notFound } = require('../lib/problems');
const { parse, parseBody } = require('../lib/validation');
const { createTaskSchema, updateTaskSchema, listTasksQuerySchema } = require('../schemas/tasks');

// `-title` -> ['title', -1]. MongoDB compares strings by their UTF-8 bytes when no
// collation is given, which is Unicode code point order, as the contract asks.
function parseSort(sort) {
  return [sort.replace(/^-/, ''), sort.startsWith('-') ? -1 : 1];
}

// One page in `field` order; _id breaks ties, so every page is well defined.
function findPage(filter, field, direction, skip, limit) {
  const order = field === '_id' ? { _id: direction } : { [field]: direction, _id: direction };
  return Task.find(filter).sort(order).skip(skip).limit(limit);
}

// MongoDB orders null before every date, but tasks without a due date come last in both
// directions. So a dueDate page is read from two ranges of the { owner, dueDate, _id }
// index: the dated tasks in order, then, when the page reaches past them, the undated ones.
async function findPageByDueDate(filter, direction, skip, limit) {
  const dated = { ...filter, dueDate: { $ne: null } };
  const datedCount = await Task.countDocuments(dated);
  const items = skip < datedCount ? await findPage(dated, 'dueDate', direction, skip, limit) : [];
  if (items.length === limit) return items;
  const undated = { ...filter, dueDate: null };
  const skipUndated = Math.max(0, skip - datedCount);
  return items.concat(await findPage(undated, '_id', direction, skipUndated, limit - items.length));
}

// API fields -> document fields: a due date is stored as midnight UTC of that day.
function toDocument({ dueDate, ...fields }) {
  if (dueDate === undefined) return fields;
  return { ...fields, dueDate: dueDate && new Date(`${dueDate}T00:00:00Z`) };
}

// Selects the caller's task by id. Another user's task, an unknown id and a malformed id
// (not 24 hex digits: it cannot name a document, and Mongoose would throw a CastError,
// a 500) are all the same 404.
function ownTask(req) {
  if (!mongoose.isObjectIdOrHexString(req.params.id)) throw notFound('The task was not found.');
  return { _id: req.params.id, owner: req.user._id };
}

const router = express.Router();

router
  .route('/')
  .get(requireAuth, async (req, res) => {
    const { page, pageSize, status, sort } = parse(listTasksQuerySchema, req.query);
    const filter = { owner: req.user._id, ...(status && { status }) };
    const [field, direction] = parseSort(sort);
    const skip = (page - 1) * pageSize;
    // One page and the count come from the database (each served by an index of
    // src/models/task.js); nothing is sliced in memory.
    const [items, totalItems] = await Promise.all([
      field === 'dueDate'
        ? findPageByDueDate(filter, direction, skip, pageSize)
        : findPage(filter, field, direction, skip, pageSize),
      Task.countDocuments(filter),
    ]);
    res.json({ items, page, pageSize, totalItems, totalPages: Math.ceil(totalItems / pageSize) });
  })
  .post(requireAuth, jsonBody, async (req, res) => {
    const fields = parseBody(createTaskSchema, req);
    const task = await Task.create({ ...toDocument(fields), owner: req.user._id });
    res.status(201).location(`${req.baseUrl}/${task.id}`).json(task);
  })
  .all(allow('GET', 'POST'));

router
  .route('/:id')
  .get(requireAuth, async (req, res) => {
    const task = await Task.findOne(ownTask(req));
    if (!task) throw notFound('The task was not found.');
    res.json(task);
  })
  .patch(requireAuth, jsonBody, async (req, res) => {
    const filter = ownTask(req);
    const changes = parseBody(updateTaskSchema, req);
    const task = await Task.findOneAndUpdate(
      filter,
      { $set: toDocument(changes) },
      { returnDocument: 'after', runValidators: true },
    );
    if (!task) throw notFound('The task was not found.');
    res.json(task);
  })
  .delete(requireAuth, async (req, res) => {
    const { deletedCount } = await Task.deleteOne(ownTask(req));
    if (!deletedCount) throw notFound('The task was not found.');
    res.status(204).end();
  })
  .all(allow('GET', 'PATCH', 'DELETE'));

module.exports = router;
