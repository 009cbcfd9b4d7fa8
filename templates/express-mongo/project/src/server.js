'use strict';

const config = require('./config');
const logger = require('./logger');
const db = require('./db');
const { createApp } = require('./app');

// JWT_SECRET in .env.example: anyone who has read that file could sign tokens.
const PLACEHOLDER_SECRET = 'change-me';

// Why this configuration must not serve, or null. Development accepts any secret;
// production refuses the placeholder and secrets too short to resist guessing.
function secretProblem() {
  if (!config.jwtSecret) return 'JWT_SECRET is not set (`make setup` writes .env with a fresh one)';
  if (config.env !== 'production') return null;
  if (config.jwtSecret === PLACEHOLDER_SECRET) {
    return 'JWT_SECRET is the placeholder from .env.example: set a secret of your own in production';
  }
  if (config.jwtSecret.length < 32) {
    return 'JWT_SECRET must be at least 32 characters in production';
  }
  return null;
}

async function main() {
  const problem = secretProblem();
  if (problem) {
    logger.fatal(`refusing to start: ${problem}`);
    process.exit(1);
  }

  await db.connect(config.mongodbUri, { maxPoolSize: config.mongodbMaxPoolSize });
  // Build the indexes the schemas declare before the first request needs them.
  await db.ensureIndexes();

  const server = createApp().listen(config.port, config.host, (error) => {
    if (error) {
      logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
      process.exit(1);
    }
    logger.info(`listening on http://${config.host}:${config.port} (${config.env})`);
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
