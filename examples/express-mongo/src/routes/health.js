'use strict';

const express = require('express');
const db = require('../db');
const allow = require('../middleware/method-not-allowed');

const router = express.Router();

// Liveness and readiness in one: 200 when MongoDB answers a ping, 503 when it does not.
router
  .route('/health')
  .get(async (req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ok', checks: { database: 'ok' } });
    } catch (error) {
      req.log.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'error', checks: { database: 'error' } });
    }
  })
  .all(allow('GET'));

module.exports = router;
