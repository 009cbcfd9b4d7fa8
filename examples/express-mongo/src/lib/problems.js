'use strict';

const http = require('node:http');

// An error that becomes an RFC 9457 problem details answer (application/problem+json).
class HttpProblem extends Error {
  constructor(status, detail, { headers = {}, extra = {} } = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.title = http.STATUS_CODES[status] || 'Error';
    this.detail = detail;
    this.headers = headers;
    this.extra = extra;
  }

  toJSON() {
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...this.extra,
    };
  }
}

const badRequest = (detail) => new HttpProblem(400, detail);

const unauthorized = (detail, error) =>
  new HttpProblem(401, detail, {
    headers: { 'WWW-Authenticate': error ? `Bearer error="${error}"` : 'Bearer' },
  });

const notFound = (detail = 'The resource was not found.') => new HttpProblem(404, detail);

const methodNotAllowed = (detail, allowed) =>
  new HttpProblem(405, detail, { headers: { Allow: allowed.join(', ') } });

const conflict = (detail) => new HttpProblem(409, detail);

const unsupportedMediaType = (detail) => new HttpProblem(415, detail);

// errors: [{ field, message }], one per failing field, with camelCase wire names.
const validationFailed = (errors) =>
  new HttpProblem(422, 'The request has invalid fields.', { extra: { errors } });

module.exports = {
  HttpProblem,
  badRequest,
  unauthorized,
  notFound,
  methodNotAllowed,
  conflict,
  unsupportedMediaType,
  validationFailed,
};
