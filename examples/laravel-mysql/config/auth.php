<?php

return [

    // The API is stateless: requests authenticate with a bearer token, never a session.
    'defaults' => [
        'guard' => env('AUTH_GUARD', 'api'),
        'passwords' => env('AUTH_PASSWORD_BROKER', 'users'),
    ],

    'guards' => [
        // The `access-token` driver is registered in App\Providers\AppServiceProvider.
        'api' => [
            'driver' => 'access-token',
            'provider' => 'users',
        ],
    ],

    'providers' => [
        'users' => [
            'driver' => 'eloquent',
            'model' => env('AUTH_MODEL', App\Models\User::class),
        ],
    ],

    'passwords' => [
        'users' => [
            'provider' => 'users',
            'table' => env('AUTH_PASSWORD_RESET_TOKEN_TABLE', 'password_reset_tokens'),
            'expire' => 60,
            'throttle' => 60,
        ],
    ],

    'password_timeout' => env('AUTH_PASSWORD_TIMEOUT', 10800),

    // Lifetime of a bearer token issued by POST /api/v1/auth/login, in seconds.
    'token_ttl' => (int) env('AUTH_TOKEN_TTL', 3600),

    // Logins allowed per minute for one e-mail from one address (the `login` rate limiter).
    'login_attempts_per_minute' => (int) env('AUTH_LOGIN_ATTEMPTS_PER_MINUTE', 5),

];
