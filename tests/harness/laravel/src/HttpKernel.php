<?php

namespace Harness;

use Illuminate\Contracts\Foundation\Application;
use Illuminate\Routing\Router;

/** Laravel 8's HTTP kernel with Laravel 12's default middleware plus the project's own. */
class HttpKernel extends \Illuminate\Foundation\Http\Kernel
{
    protected $bootstrappers = [
        \Illuminate\Foundation\Bootstrap\LoadEnvironmentVariables::class,
        \Illuminate\Foundation\Bootstrap\LoadConfiguration::class,
        LoadLaravel12Defaults::class,
        \Illuminate\Foundation\Bootstrap\HandleExceptions::class,
        \Illuminate\Foundation\Bootstrap\RegisterFacades::class,
        \Illuminate\Foundation\Bootstrap\RegisterProviders::class,
        \Illuminate\Foundation\Bootstrap\BootProviders::class,
    ];

    // Laravel 12's default global stack, minus what Laravel 8 lacks or an API does not use
    // (InvokeDeferredCallbacks, TrustProxies, maintenance mode).
    protected $middleware = [
        HandleCors::class,
        \Illuminate\Foundation\Http\Middleware\ValidatePostSize::class,
        TrimStrings::class,
        \Illuminate\Foundation\Http\Middleware\ConvertEmptyStringsToNull::class,
    ];

    // Laravel 12's default `api` group.
    protected $middlewareGroups = [
        'api' => [
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
    ];

    protected $routeMiddleware = [
        'auth' => \Illuminate\Auth\Middleware\Authenticate::class,
        'throttle' => \Illuminate\Routing\Middleware\ThrottleRequests::class,
    ];

    public function __construct(Application $app, Router $router)
    {
        $configured = $app->make(ApplicationBuilder::class)->middleware;
        $this->middleware = array_merge($configured->prepends, $this->middleware, $configured->appends);
        foreach ($configured->groupPrepends as $group => $middleware) {
            $this->middlewareGroups[$group] = array_merge($middleware, $this->middlewareGroups[$group] ?? []);
        }
        foreach ($configured->groupAppends as $group => $middleware) {
            $this->middlewareGroups[$group] = array_merge($this->middlewareGroups[$group] ?? [], $middleware);
        }
        $this->routeMiddleware = array_merge($this->routeMiddleware, $configured->aliases);

        parent::__construct($app, $router);
    }
}
