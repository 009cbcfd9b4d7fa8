'use strict';

const bcrypt = require('bcryptjs');
const config = require('../config');

function hashPassword(password) {
  return bcrypt.hash(password, config.bcryptRounds);
}

// Compared against when the e-mail is unknown, so that a login takes as long
// whether or not the account exists (no user enumeration by timing).
let dummyHash;

async function verifyPassword(password, hash) {
  if (!hash) {
    dummyHash ??= await bcrypt.hash('not-a-real-password', config.bcryptRounds);
    await bcrypt.compare(password, dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}

module.exports = { hashPassword, verifyPassword };
