'use strict';

// Settings come from the environment; a local .env fills in what the environment
// does not set (the environment always wins, as with dotenv). Tests (NODE_ENV=test,
// set by Jest) never read .env, so a test run cannot touch your development data.
if (process.env.NODE_ENV !== 'test') {
  try {
    process.loadEnvFile();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}

const env = process.env;

function integer(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

const config = {
  env: env.NODE_ENV || 'development',
  host: env.HOST || '0.0.0.0',
  port: integer('PORT', 3000),
  mongodbUri: env.MONGODB_URI || 'mongodb://127.0.0.1:27017/my_api',
  // Connections one Node process may open to MongoDB. One process serves every request,
  // so a small pool is enough for a small container; the driver's own default is 100.
  mongodbMaxPoolSize: integer('MONGODB_MAX_POOL_SIZE', 10),
  jwtSecret: env.JWT_SECRET || '',
  jwtExpiresIn: integer('JWT_EXPIRES_IN', 3600),
  bcryptRounds: integer('BCRYPT_ROUNDS', 10),
  corsOrigins: (env.CORS_ORIGINS || 'http://localhost:3000,http://localhost:5173')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  logLevel: env.LOG_LEVEL || 'info',
};

module.exports = config;
