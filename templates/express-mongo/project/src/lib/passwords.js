'use strict';

const bcrypt = require('bcryptjs');
const config = require('../config');

// bcrypt reads only the first 72 bytes of a password. Registration refuses longer ones
// (src/schemas/auth.js); a login with one must fail too, or a password that differs from
// the real one only after byte 72 would be accepted.
const MAX_PASSWORD_BYTES = 72;

function hashPassword(password) {
  return bcrypt.hash(password, config.bcryptRounds);
}

// Checked when there is no hash to compare with (unknown e-mail, over-long password), so
// that a login costs one bcrypt comparison either way: timing reveals no account.
let dummyHash;

async function verifyPassword(password, hash) {
  if (!hash || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    dummyHash ??= bcrypt.hash('not-a-real-password', config.bcryptRounds);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}

module.exports = { hashPassword, verifyPassword, MAX_PASSWORD_BYTES };
