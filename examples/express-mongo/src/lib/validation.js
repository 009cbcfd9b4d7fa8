'use strict';

const { validationFailed } = require('./problems');

// Turns zod issues into the API's `errors` list: one entry per field, first message wins.
function toFieldErrors(issues) {
  const byField = new Map();
  for (const issue of issues) {
    const field = issue.path.length ? issue.path.join('.') : 'body';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

// Parses input with a zod schema; throws a 422 problem listing every failing field.
function parse(schema, input) {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toFieldErrors(result.error.issues));
  return result.data;
}

// Without a body Express leaves req.body undefined: validate it as {} so that the
// answer names the missing fields.
const parseBody = (schema, req) => parse(schema, req.body ?? {});

module.exports = { parse, parseBody, toFieldErrors };
