'use strict';

const { z } = require('zod');

// A string field with messages a client can show next to the field.
const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });

module.exports = { requiredString };
