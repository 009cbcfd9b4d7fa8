'use strict';

const pino = require('pino');
const config = require('./config');

// JSON lines on stdout: what log collectors expect. `npm run dev` pipes them through pino-pretty.
const logger = pino({ level: config.logLevel });

module.exports = logger;
