'use strict';

const mongoose = require('mongoose');
const User = require('../models/user');
const { unauthorized } = require('../lib/problems');
const { verifyAccessToken } = require('../lib/tokens');

// Protects a route: needs `Authorization: Bearer <token>` for an existing user; sets req.user.
async function requireAuth(req, res, next) {
  const [scheme, token, ...rest] = (req.get('Authorization') || '').split(' ');
  if (scheme.toLowerCase() !== 'bearer' || !token || rest.length) {
    throw unauthorized('A bearer token is required.');
  }
  let userId;
  try {
    userId = verifyAccessToken(token);
  } catch {
    throw unauthorized('The token is invalid or has expired.', 'invalid_token');
  }
  const user = mongoose.isObjectIdOrHexString(userId) ? await User.findById(userId) : null;
  if (!user) throw unauthorized('The token does not belong to an account.', 'invalid_token');
  req.user = user;
  next();
}

module.exports = requireAuth;
