'use strict';

const express = require('express');
const { unsupportedMediaType } = require('../lib/problems');

const JSON_TYPES = ['application/json', 'application/*+json'];

// An empty body (no Content-Length or Content-Length: 0) is left to validation.
const hasBody = (req) =>
  req.get('Transfer-Encoding') !== undefined || Number(req.get('Content-Length')) > 0;

// The API only reads JSON: a body of any other type is a 415, not a confusing 422.
function requireJsonType(req, res, next) {
  if (hasBody(req) && !req.is(JSON_TYPES)) {
    return next(unsupportedMediaType('The request body must be application/json.'));
  }
  next();
}

// For the routes that take a body; used per route, so that a wrong method on a
// known route is still a 405 whatever the body. Malformed JSON becomes a 400.
const jsonBody = [requireJsonType, express.json({ type: JSON_TYPES })];

module.exports = jsonBody;
