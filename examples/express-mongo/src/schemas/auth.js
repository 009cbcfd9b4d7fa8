'use strict';

const { z } = require('zod');
const { requiredString } = require('./common');

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
    .refine((value) => Buffer.byteLength(value) <= 72, 'must be at most 72 bytes'),
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
