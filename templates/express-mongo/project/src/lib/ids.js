'use strict';

// The 24 hex digits of a MongoDB ObjectId. Anything else cannot name a document,
// so routes answer 404 for it instead of letting Mongoose throw a CastError (a 500).
const OBJECT_ID = /^[0-9a-f]{24}$/i;

const isObjectId = (value) => typeof value === 'string' && OBJECT_ID.test(value);

module.exports = { isObjectId };
