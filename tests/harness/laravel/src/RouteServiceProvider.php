<?php

namespace Harness;

use Illuminate\Foundation\Support\Providers\RouteServiceProvider as BaseRouteServiceProvider;
use Illuminate\Support\Facades\Route;

/** Loads the routes bootstrap/app.php named in withRouting(), as Laravel 11+ does. */
class RouteServiceProvider extends BaseRouteServiceProvider
{
    public function boot()
    {
        $routing = $this->app->make(ApplicationBuilder::class)->routing;

        $this->routes(function () use ($routing) {
            if ($routing['api']) {
                Route::middleware('api')->prefix($routing['apiPrefix'])->group($routing['api']);
            }
            if ($routing['health']) {
                // Laravel 11+'s liveness page: answers without touching the database.
                Route::get($routing['health'], fn () => response('Application up', 200));
            }
        });
    }
}
