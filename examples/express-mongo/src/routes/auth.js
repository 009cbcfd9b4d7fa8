'use strict';

const express = require('express');
const User = require('../models/user');
const requireAuth = require('../middleware/auth');
const jsonBody = require('../middleware/json-body');
const allow = require('../middleware/method-not-allowed');
const { conflict, unauthorized } = require('../lib/problems');
const { hashPassword, verifyPassword } = require('../lib/passwords');
const { signAccessToken } = require('../lib/tokens');
const { parseBody } = require('../lib/validation');
const { registerSchema, loginSchema } = require('../schemas/auth');

const DUPLICATE_KEY = 11000;

const router = express.Router();

router
  .route('/register')
  .post(jsonBody, async (req, res) => {
    const { email, password, name } = parseBody(registerSchema, req);
    let user;
    try {
      // The unique index on email decides, so two concurrent sign-ups cannot both win.
      user = await User.create({
        email,
        name: name ?? null,
        passwordHash: await hashPassword(password),
      });
    } catch (error) {
      if (error.code === DUPLICATE_KEY) {
        throw conflict('An account with this e-mail already exists.');
      }
      throw error;
    }
    res.status(201).json(user);
  })
  .all(allow('POST'));

router
  .route('/login')
  .post(jsonBody, async (req, res) => {
    const { email, password } = parseBody(loginSchema, req);
    const user = await User.findOne({ email });
    // Same answer for an unknown e-mail and a wrong password: no account enumeration.
    if (!(await verifyPassword(password, user?.passwordHash))) {
      throw unauthorized('The e-mail or password is wrong.');
    }
    res.json(signAccessToken(user.id));
  })
  .all(allow('POST'));

router
  .route('/me')
  .get(requireAuth, (req, res) => {
    res.json(req.user);
  })
  .all(allow('GET'));

module.exports = router;
