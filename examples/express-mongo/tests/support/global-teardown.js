'use strict';

module.exports = async function globalTeardown() {
  await globalThis.__MONGO_MEMORY_SERVER__?.stop();
};
