<?php

return [

    'paths' => ['api/*', 'health', 'openapi.yaml'],

    'allowed_methods' => ['*'],

    // CORS_ORIGINS: a comma-separated list of the front ends allowed to call the API.
    'allowed_origins' => array_values(array_filter(array_map('trim', explode(
        ',',
        (string) env('CORS_ORIGINS', 'http://localhost:3000,http://localhost:5173'),
    )))),

    'allowed_origins_patterns' => [],

    'allowed_headers' => ['*'],

    'exposed_headers' => ['X-Request-Id', 'Location'],

    'max_age' => 600,

    'supports_credentials' => false,

];
