'use strict';

const path = require('node:path');
const express = require('express');
// Only the folder of Swagger UI's assets: require('swagger-ui-dist') would also load its
// whole browser bundle into the server, for nothing.
const swaggerUiPath = require('swagger-ui-dist/absolute-path.js');
const allow = require('../middleware/method-not-allowed');

const ROOT = path.join(__dirname, '..', '..');
const OPENAPI_FILE = path.join(ROOT, 'docs', 'openapi.yaml');
const DOCS_DIR = path.join(ROOT, 'public', 'docs');

const router = express.Router();

// The contract, served byte for byte from docs/openapi.yaml.
router
  .route('/openapi.yaml')
  .get((req, res) => {
    res.type('application/yaml').sendFile(OPENAPI_FILE);
  })
  .all(allow('GET'));

// Swagger UI: our page at /docs itself (no redirect to /docs/), its assets from swagger-ui-dist.
router
  .route('/docs')
  .get((req, res) => {
    res.sendFile(path.join(DOCS_DIR, 'index.html'));
  })
  .all(allow('GET'));
router.use('/docs', express.static(DOCS_DIR, { index: false, redirect: false }));
router.use('/docs', express.static(swaggerUiPath(), { index: false, redirect: false }));

module.exports = router;
