'use strict';

const { methodNotAllowed } = require('../lib/problems');

// Ends a route's chain: `router.route(path).get(...).all(allow('GET'))`.
// Methods the route lacks get 405 with an Allow header; a plain OPTIONS gets 204 with it.
function allow(...methods) {
  const allowed = [...methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])), 'OPTIONS'];
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      res.set('Allow', allowed.join(', '));
      return res.sendStatus(204);
    }
    next(
      methodNotAllowed(
        `${req.method} is not allowed on ${req.originalUrl.split('?')[0]}.`,
        allowed,
      ),
    );
  };
}

module.exports = allow;
