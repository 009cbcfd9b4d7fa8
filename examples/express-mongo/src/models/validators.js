'use strict';

// Mongoose's `maxlength` counts UTF-16 code units, so one emoji counts twice; the API
// counts characters (code points), as zod does. Use this instead of `maxlength`.
const maxChars = (limit) => ({
  validator: (value) => value == null || [...value].length <= limit,
  message: `{PATH} must be at most ${limit} characters`,
});

module.exports = { maxChars };
