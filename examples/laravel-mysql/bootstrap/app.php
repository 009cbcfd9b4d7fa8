<?php

use App\Exceptions\ProblemDetails;
use App\Http\Middleware\AssignRequestId;
use App\Http\Middleware\EnsureJsonBody;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Configuration\Exceptions;
use Illuminate\Foundation\Configuration\Middleware;
use Illuminate\Http\Request;

return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        api: __DIR__.'/../routes/api.php',
        // The contract's paths start at the root (/health, /api/v1/...): routes/api.php spells them out.
        apiPrefix: '',
    )
    ->withMiddleware(function (Middleware $middleware): void {
        $middleware->prepend(AssignRequestId::class);
        $middleware->api(append: [EnsureJsonBody::class]);
        // An API has no login page: a guest gets a 401, never a redirect to route('login').
        $middleware->redirectGuestsTo(fn () => null);
    })
    ->withExceptions(function (Exceptions $exceptions): void {
        // Every error, including 404, 405 and 500, is application/problem+json.
        $exceptions->render(fn (Throwable $e, Request $request) => ProblemDetails::render($e, $request));
    })->create();
