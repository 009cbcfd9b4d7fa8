'use strict';

// `make migrate`: MongoDB has no schema to migrate, but indexes are schema too.
// Makes the database's indexes match those declared in src/models (creates missing
// ones, drops ones no schema declares any more). Safe to run any number of times.
const config = require('../src/config');
const logger = require('../src/logger');
const db = require('../src/db');

async function main() {
  await db.connect(config.mongodbUri);
  try {
    const dropped = await db.syncIndexes();
    for (const model of db.models) {
      const indexes = await model.listIndexes();
      logger.info(
        { collection: model.collection.collectionName, dropped: dropped[model.modelName] },
        `indexes: ${indexes.map((index) => index.name).join(', ')}`,
      );
    }
  } finally {
    await db.disconnect();
  }
}

main().catch((error) => {
  logger.fatal({ err: error }, 'migration failed');
  process.exit(1);
});
