<?php

namespace Harness;

/**
 * Laravel 8's console kernel (migrate, db:seed...) with the harness's configuration step,
 * loading the project's routes/console.php (bootstrap/app.php's `commands:`) as Laravel 11+ does.
 */
class ConsoleKernel extends \Illuminate\Foundation\Console\Kernel
{
    protected $bootstrappers = [
        \Illuminate\Foundation\Bootstrap\LoadEnvironmentVariables::class,
        \Illuminate\Foundation\Bootstrap\LoadConfiguration::class,
        LoadLaravel12Defaults::class,
        \Illuminate\Foundation\Bootstrap\HandleExceptions::class,
        \Illuminate\Foundation\Bootstrap\RegisterFacades::class,
        \Illuminate\Foundation\Bootstrap\SetRequestForConsole::class,
        \Illuminate\Foundation\Bootstrap\RegisterProviders::class,
        \Illuminate\Foundation\Bootstrap\BootProviders::class,
    ];

    protected function commands()
    {
        $path = $this->app->make(ApplicationBuilder::class)->routing['commands'] ?? null;
        if ($path !== null) {
            require $path;
        }
    }
}
