// Swagger UI reading the API's own contract. A separate file, not an inline
// script, so that the Content-Security-Policy set by helmet can forbid inline scripts.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    validatorUrl: null, // no badge fetched from swagger.io (blocked by the CSP anyway)
    // The shared document names an example server; "Try it out" should call this one.
    requestInterceptor: (request) => {
      const url = new URL(request.url, window.location.href);
      request.url = window.location.origin + url.pathname + url.search;
      return request;
    },
  });
});
