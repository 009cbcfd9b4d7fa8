'use strict';

const mongoose = require('mongoose');
const { STATUSES } = require('../schemas/tasks');
const { maxChars } = require('./validators');

const taskSchema = new mongoose.Schema(
  {
    owner: { type: mongoose.Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true, trim: true, validate: maxChars(200) },
    description: { type: String, validate: maxChars(2000), default: null },
    status: { type: String, enum: STATUSES, default: 'todo' },
    // A calendar date, stored as midnight UTC so that it sorts and compares as a date.
    dueDate: { type: Date, default: null },
  },
  {
    timestamps: true,
    toJSON: {
      transform: (doc, ret) => ({
        id: String(ret._id),
        title: ret.title,
        description: ret.description ?? null,
        status: ret.status,
        dueDate: ret.dueDate ? ret.dueDate.toISOString().slice(0, 10) : null,
        createdAt: ret.createdAt,
        updatedAt: ret.updatedAt,
      }),
    },
  },
);

// One index per sort order of the list endpoint, each led by the owner so that a page of
// one user's tasks is read straight from the index; _id breaks ties so pages never overlap.
// MongoDB walks an index in either direction, so each serves both `sort` and `-sort`.
taskSchema.index({ owner: 1, createdAt: -1, _id: -1 });
// The most common list, "my tasks in this status, newest first": the page and its count
// (countDocuments with the same filter) are both read from this index, however many
// tasks the user has in other statuses.
taskSchema.index({ owner: 1, status: 1, createdAt: -1, _id: -1 });
taskSchema.index({ owner: 1, dueDate: 1, _id: 1 });
taskSchema.index({ owner: 1, title: 1, _id: 1 });

module.exports = mongoose.model('Task', taskSchema);
