'use strict';

const db = require('../../src/db');
const { useTestDatabase } = require('../support/db');
const { api } = require('../support/api');

const { reconnect } = useTestDatabase();

describe('GET /health', () => {
  test('200 while the database answers', async () => {
    const res = await api().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  test('503 when the database cannot be reached', async () => {
    await db.disconnect();
    try {
      const res = await api().get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'error', checks: { database: 'error' } });
    } finally {
      await reconnect();
    }
  });
});
