'use strict';

// Settings for every test file, fixed so that results do not depend on your shell or .env.
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET = 'test-secret-only-for-the-test-suite';
process.env.JWT_EXPIRES_IN = '3600';
// The lowest bcrypt cost keeps tests fast; the app's default (BCRYPT_ROUNDS) is much higher.
process.env.BCRYPT_ROUNDS = '4';
process.env.CORS_ORIGINS = 'http://localhost:3000,http://localhost:5173';
process.env.LOG_LEVEL ??= 'silent';
