'use strict';

const config = require('./config');
const logger = require('./logger');
const db = require('./db');
const { createApp } = require('./app');

async function main() {
  if (!config.jwtSecret) throw new Error('JWT_SECRET is not set (copy .env.example to .env)');

  await db.connect(config.mongodbUri);
  // Build the indexes the schemas declare before the first request needs them.
  await db.ensureIndexes();

  const server = createApp().listen(config.port, config.host, (error) => {
    if (error) {
      logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
      process.exit(1);
    }
    logger.info(`listening on http://${config.host}:${config.port}`);
  });

  // Finish in-flight requests, then close the database connection (docker stop, Ctrl-C).
  const shutdown = (signal) => {
    logger.info(`${signal} received, shutting down`);
    server.close(async () => {
      await db.disconnect();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  if (error.name === 'MongooseServerSelectionError') {
    logger.fatal(
      `cannot reach MongoDB: ${error.message} (start it with \`make db-up\` or set MONGODB_URI)`,
    );
  } else {
    logger.fatal({ err: error }, 'failed to start');
  }
  process.exit(1);
});
