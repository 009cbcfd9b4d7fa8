'use strict';

const { randomUUID } = require('node:crypto');
const request = require('supertest');
const { createApp } = require('../../src/app');

const app = createApp();
const api = () => request(app);

// Registers a fresh user and logs in; returns what tests need to act as that user.
async function signUp({ password = 'correct-horse-battery', name = 'Test User' } = {}) {
  const email = `user-${randomUUID()}@example.com`;
  const registered = await api().post('/api/v1/auth/register').send({ email, password, name });
  expect(registered.status).toBe(201);
  const login = await api().post('/api/v1/auth/login').send({ email, password });
  expect(login.status).toBe(200);
  const auth = { Authorization: `Bearer ${login.body.accessToken}` };
  return { email, password, user: registered.body, token: login.body.accessToken, auth };
}

// Asserts the RFC 9457 shape every error of the API has, and returns the body.
function expectProblem(response, status) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
  return response.body;
}

module.exports = { app, api, signUp, expectProblem };
