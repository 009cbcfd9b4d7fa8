'use strict';

const path = require('node:path');
const express = require('express');
const swaggerUi = require('swagger-ui-express');
const allow = require('../middleware/method-not-allowed');

const OPENAPI_FILE = path.join(__dirname, '..', '..', 'docs', 'openapi.yaml');

const router = express.Router();

// The contract, served byte for byte from docs/openapi.yaml.
router
  .route('/openapi.yaml')
  .get((req, res) => {
    res.type('application/yaml').sendFile(OPENAPI_FILE);
  })
  .all(allow('GET'));

// Swagger UI, reading the document above.
router.use(
  '/docs',
  swaggerUi.serve,
  swaggerUi.setup(null, {
    customSiteTitle: 'Tasks API v1',
    swaggerOptions: { url: '/openapi.yaml' },
  }),
);

module.exports = router;
