'use strict';

const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const pinoHttp = require('pino-http');
const config = require('./config');
const logger = require('./logger');
const requestId = require('./middleware/request-id');
const { unknownRoute, problemHandler } = require('./middleware/errors');
const healthRoutes = require('./routes/health');
const docsRoutes = require('./routes/docs');
const authRoutes = require('./routes/auth');
const taskRoutes = require('./routes/tasks');

// Builds the Express application; src/server.js connects the database and listens.
function createApp() {
  const app = express();

  app.use(requestId);
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => req.id,
      // Method, URL and status are enough; headers (and so tokens) stay out of the logs.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        return res.statusCode >= 400 ? 'warn' : 'info';
      },
    }),
  );
  // Security headers. No upgrade-insecure-requests: the API is served over plain HTTP in
  // development and would break the Swagger UI assets there; TLS is the proxy's job.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(
    cors({
      origin: config.corsOrigins,
      exposedHeaders: ['X-Request-Id', 'Location'],
    }),
  );

  app.use(healthRoutes);
  app.use(docsRoutes);
  app.use('/api/v1/auth', authRoutes);
  app.use('/api/v1/tasks', taskRoutes);

  app.use(unknownRoute);
  app.use(problemHandler);
  return app;
}

module.exports = { createApp };
