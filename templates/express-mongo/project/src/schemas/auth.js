'use strict';

const { z } = require('zod');
const { requiredString } = require('./common');
const { MAX_PASSWORD_BYTES } = require('../lib/passwords');

// Unknown fields are dropped (zod's default), so clients may send more than we read.
const registerSchema = z.object({
  email: requiredString()
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ error: 'must be a valid e-mail address' })),
  password: requiredString()
    .min(8, 'must be at least 8 characters')
    // bcrypt ignores everything after 72 bytes: refuse instead of silently truncating.
    .refine(
      (value) => Buffer.byteLength(value) <= MAX_PASSWORD_BYTES,
      `must be at most ${MAX_PASSWORD_BYTES} bytes (UTF-8)`,
    ),
  name: z
    .string({ error: 'must be a string' })
    .trim()
    .max(100, 'must be at most 100 characters')
    .nullish(),
});

const loginSchema = z.object({
  email: requiredString().trim().toLowerCase(),
  password: requiredString(),
});

module.exports = { registerSchema, loginSchema };
