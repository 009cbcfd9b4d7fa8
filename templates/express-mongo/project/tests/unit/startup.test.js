'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

// Starts src/server.js as `make serve` would, with these settings; it must stop before
// reaching MongoDB (the URI points nowhere, so getting further would hang for seconds).
function start(settings) {
  return spawnSync(process.execPath, ['src/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      MONGODB_URI: 'mongodb://127.0.0.1:9/unreachable',
      ...settings,
    },
    encoding: 'utf8',
    timeout: 20000,
  });
}

describe('start-up in production', () => {
  test.each([
    ['the placeholder secret of .env.example', 'change-me', /placeholder from \.env\.example/],
    ['a short secret', 'short-secret', /at least 32 characters/],
  ])('refuses %s with one log line and a non-zero exit', (_, secret, message) => {
    const result = start({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 60, msg: expect.stringMatching(message) });
  });
});
