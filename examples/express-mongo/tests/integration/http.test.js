'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { useTestDatabase } = require('../support/db');
const { api, signUp, expectProblem } = require('../support/api');

useTestDatabase();

describe('errors are problem details', () => {
  test('unknown route: 404', async () => {
    expectProblem(await api().get('/api/v1/nothing-here'), 404);
  });

  test.each([
    ['put', '/api/v1/tasks', 'GET, HEAD, POST, OPTIONS'],
    ['delete', '/health', 'GET, HEAD, OPTIONS'],
    ['get', '/api/v1/auth/login', 'POST, OPTIONS'],
    ['put', '/api/v1/tasks/0123456789abcdef01234567', 'GET, HEAD, PATCH, DELETE, OPTIONS'],
  ])('known route, wrong method (%s %s): 405 with Allow', async (method, url, allowed) => {
    const { auth } = await signUp();
    const res = await api()[method](url).set(auth);
    expectProblem(res, 405);
    expect(res.headers.allow).toBe(allowed);
  });

  test('malformed JSON: 400', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expectProblem(res, 400);
  });

  test('a body that is not JSON: 415', async () => {
    const { auth } = await signUp();
    const login = await api()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('email=demo@example.com&password=password123');
    expectProblem(login, 415);
    const task = await api()
      .post('/api/v1/tasks')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send('buy milk');
    expectProblem(task, 415);
  });

  test('no body at all: 422 for the missing fields', async () => {
    const res = await api().post('/api/v1/auth/register');
    const problem = expectProblem(res, 422);
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['email', 'password']);
  });

  test('a wrong method is a 405 whatever the body', async () => {
    const res = await api()
      .put('/api/v1/auth/register')
      .set('Content-Type', 'text/plain')
      .send('x');
    expectProblem(res, 405);
  });

  test('a JSON body that is not an object: 422', async () => {
    const res = await api().post('/api/v1/auth/login').send([1, 2]);
    expect(expectProblem(res, 422).errors).toEqual([
      { field: 'body', message: expect.any(String) },
    ]);
  });
});

describe('X-Request-Id', () => {
  test('is generated when absent', async () => {
    const res = await api().get('/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('is echoed when given, on errors too', async () => {
    const res = await api().get('/nowhere').set('X-Request-Id', 'trace-123');
    expect(res.status).toBe(404);
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  test('is replaced when it is not a plain token', async () => {
    const res = await api().get('/health').set('X-Request-Id', 'x'.repeat(500));
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  test('allows the configured origins, with a preflight', async () => {
    const res = await api()
      .options('/api/v1/tasks')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });

  test('does not allow other origins', async () => {
    const res = await api().get('/health').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('exposes X-Request-Id and Location to browsers', async () => {
    const res = await api().get('/health').set('Origin', 'http://localhost:3000');
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-expose-headers']).toBe('X-Request-Id,Location');
  });
});

describe('documentation', () => {
  test('GET /openapi.yaml serves docs/openapi.yaml byte for byte', async () => {
    const file = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.yaml'));
    const res = await api()
      .get('/openapi.yaml')
      .buffer(true)
      .parse((response, done) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/yaml/);
    expect(Buffer.compare(res.body, file)).toBe(0);
  });

  test('GET /docs serves Swagger UI pointed at it, without a redirect', async () => {
    const page = await api().get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // Every asset the page names is served.
    const assets = [...page.text.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toContain('/docs/swagger-ui-bundle.js');
    for (const asset of assets) expect((await api().get(asset)).status).toBe(200);
    const init = await api().get('/docs/init.js');
    expect(init.text).toContain("url: '/openapi.yaml'");
  });
});
