'use strict';

const mongoose = require('mongoose');
const { maxChars } = require('./validators');

const userSchema = new mongoose.Schema(
  {
    // Stored lower-cased, so the unique index makes e-mails unique case-insensitively.
    email: { type: String, required: true, trim: true, lowercase: true, validate: maxChars(254) },
    passwordHash: { type: String, required: true },
    name: { type: String, trim: true, validate: maxChars(100), default: null },
  },
  {
    timestamps: true,
    toJSON: {
      // The wire shape: string id, and never the password hash.
      transform: (doc, ret) => ({
        id: String(ret._id),
        email: ret.email,
        name: ret.name ?? null,
        createdAt: ret.createdAt,
      }),
    },
  },
);

userSchema.index({ email: 1 }, { unique: true });

module.exports = mongoose.model('User', userSchema);
