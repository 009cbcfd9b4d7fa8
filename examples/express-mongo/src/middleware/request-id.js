'use strict';

const { randomUUID } = require('node:crypto');

// Echo a caller's id only when it is short and plain, so it cannot forge log lines or headers.
const SAFE_ID = /^[\w.:@/+=-]{1,200}$/;

// Every response carries X-Request-Id: the caller's, or a new UUID. Logs carry it too.
function requestId(req, res, next) {
  const incoming = req.get('X-Request-Id');
  req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.set('X-Request-Id', req.id);
  next();
}

module.exports = requestId;
