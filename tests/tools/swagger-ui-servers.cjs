// Loads a /docs page in jsdom, as a browser would at http://127.0.0.1:PORT/docs, with Swagger
// UI's bundle (inlined: no CDN here) and the contract served at /openapi.yaml; prints the
// `servers` that "Try it out" calls, as JSON. Used by tests/test_static_checks.py.
//   NODE_PATH=<node_modules with jsdom> node swagger-ui-servers.cjs PAGE BUNDLE OPENAPI
"use strict";
const fs = require("node:fs");
const http = require("node:http");
const { JSDOM, VirtualConsole } = require("jsdom");

const [page, bundle, spec] = process.argv.slice(2).map((path) => fs.readFileSync(path, "utf8"));
const server = http.createServer((request, response) => {
  if (request.url !== "/openapi.yaml") {
    response.statusCode = 404;
    return response.end();
  }
  response.setHeader("Content-Type", "application/yaml");
  response.end(spec);
});

server.listen(0, "127.0.0.1", async () => {
  const origin = `http://127.0.0.1:${server.address().port}`;
  const html = page.replace(
    /<script src="[^"]*swagger-ui-bundle\.js"[^>]*><\/script>/,
    () => `<script>${bundle}</script>`,
  );
  const console_ = new VirtualConsole();
  console_.on("jsdomError", (error) => {
    if (!/Not implemented/.test(error.message)) console.error(`jsdom: ${error.message}`);
  });
  const dom = new JSDOM(html, {
    url: `${origin}/docs`,
    runScripts: "dangerously",
    virtualConsole: console_,
    beforeParse(window) {
      window.fetch = (url, options) => fetch(new URL(url, origin), options);
    },
  });
  let servers = null;
  for (let attempt = 0; attempt < 100 && servers === null; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const found = dom.window.ui && dom.window.ui.specSelectors.specJson().get("servers");
    if (found) servers = found.toJS();
  }
  dom.window.close();
  server.close();
  if (servers === null) {
    console.error("the page never loaded the contract");
    process.exit(1);
  }
  console.log(JSON.stringify({ origin, servers }));
  process.exit(0);
});
