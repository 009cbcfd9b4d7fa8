'use strict';

const mongoose = require('mongoose');
const logger = require('../logger');
const {
  HttpProblem,
  badRequest,
  notFound,
  unsupportedMediaType,
  validationFailed,
} = require('../lib/problems');

// Maps what can be thrown while handling a request to a problem; unknown errors are 500s.
function toProblem(error) {
  if (error instanceof HttpProblem) return error;
  // The schemas' own checks, should a value pass the request validation but not them.
  if (error instanceof mongoose.Error.ValidationError) {
    return validationFailed(
      Object.values(error.errors).map(({ path, message }) => ({ field: path, message })),
    );
  }
  // Errors raised by express.json() (body-parser) carry a `type`.
  switch (error.type) {
    case 'entity.parse.failed':
      return badRequest('The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpProblem(413, 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return unsupportedMediaType('The request body encoding is not supported.');
    default:
      break;
  }
  if (Number.isInteger(error.status) && error.status >= 400 && error.status < 500) {
    return new HttpProblem(
      error.status,
      error.expose ? error.message : 'The request was rejected.',
    );
  }
  return new HttpProblem(500, 'An unexpected error occurred.');
}

function unknownRoute(req, res, next) {
  next(notFound(`No route matches ${req.method} ${req.path}.`));
}

// The last middleware (Express knows it by its 4 arguments): every error leaves as
// application/problem+json, without internals.
function problemHandler(error, req, res, next) {
  // Too late for a problem body: let Express close the connection.
  if (res.headersSent) return next(error);
  const problem = toProblem(error);
  if (problem.status >= 500) (req.log ?? logger).error({ err: error }, 'request failed');
  res
    .status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .json({ ...problem.toJSON(), instance: req.originalUrl });
}

module.exports = { unknownRoute, problemHandler, toProblem };
