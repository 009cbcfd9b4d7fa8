'use strict';

const jwt = require('jsonwebtoken');
const config = require('../config');

const ALGORITHM = 'HS256';

function secret() {
  if (!config.jwtSecret) throw new Error('JWT_SECRET is not set (see .env.example)');
  return config.jwtSecret;
}

// A signed access token whose subject is the user's id; it expires after JWT_EXPIRES_IN seconds.
function signAccessToken(userId) {
  const accessToken = jwt.sign({}, secret(), {
    algorithm: ALGORITHM,
    subject: String(userId),
    expiresIn: config.jwtExpiresIn,
  });
  return { accessToken, tokenType: 'Bearer', expiresIn: config.jwtExpiresIn };
}

// Returns the user id, or throws (jwt.JsonWebTokenError / TokenExpiredError) when invalid.
function verifyAccessToken(token) {
  // Pinning the algorithm stops "alg: none" and key-confusion attacks.
  const payload = jwt.verify(token, secret(), { algorithms: [ALGORITHM] });
  return payload.sub;
}

module.exports = { signAccessToken, verifyAccessToken };
