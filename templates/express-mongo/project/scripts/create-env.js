'use strict';

// `make setup` on a fresh clone (.env is ignored by Git, so a clone has none): writes .env
// from .env.example with a JWT_SECRET of its own. Never overwrites an existing .env.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
const secret = randomBytes(32).toString('hex');
const settings = example.replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`);

try {
  fs.writeFileSync(path.join(root, '.env'), settings, { flag: 'wx' });
  console.log('wrote .env from .env.example, with a fresh JWT_SECRET');
} catch (error) {
  if (error.code !== 'EEXIST') throw error;
  console.log('.env exists: left as it is');
}
