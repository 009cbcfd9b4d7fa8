<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>my-api — API documentation</title>
  <!-- Swagger UI from a CDN, pinned to one exact version: the integrity hashes make the
       browser refuse any other bytes. Updating means a new version and both new hashes. -->
  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/swagger-ui.css"
        integrity="sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I"
        crossorigin="anonymous">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.35.0/swagger-ui-bundle.js"
          integrity="sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9"
          crossorigin="anonymous"></script>
<script>
    // "Try it out" calls the server that serves this page, on whatever host and port it
    // runs: the contract's own `servers` entry names only one example port.
    const ThisServer = () => ({
      statePlugins: {
        spec: {
          wrapActions: {
            updateJsonSpec: (update) => (spec) =>
              update({ ...spec, servers: [{ url: window.location.origin, description: "This server" }] }),
          },
        },
      },
    });
    // The contract this server implements, served by the app itself at /openapi.yaml.
    window.ui = SwaggerUIBundle({
      url: "/openapi.yaml",
      dom_id: "#swagger-ui",
      persistAuthorization: true,
      plugins: [ThisServer],
    });
  </script>

</body>
</html>
