<?php

namespace Harness;

use Illuminate\Contracts\Console\Kernel as ConsoleKernelContract;
use Illuminate\Contracts\Http\Kernel as HttpKernelContract;
use Illuminate\Foundation\Application as Laravel8Application;
use Illuminate\Http\Request;
use Symfony\Component\Console\Input\InputInterface;
use Symfony\Component\Console\Output\ConsoleOutput;

/**
 * Laravel 8's Application plus the Laravel 11+ entry points the generated project calls:
 * Application::configure() (bootstrap/app.php), handleRequest() (public/index.php) and
 * handleCommand() (artisan).
 */
class Application extends Laravel8Application
{
    public static function configure(?string $basePath = null): ApplicationBuilder
    {
        return new ApplicationBuilder(new static($basePath));
    }

    public function handleRequest(Request $request): void
    {
        $kernel = $this->make(HttpKernelContract::class);
        $response = $kernel->handle($request)->send();
        $kernel->terminate($request, $response);
    }

    public function handleCommand(InputInterface $input): int
    {
        $kernel = $this->make(ConsoleKernelContract::class);
        $status = $kernel->handle($input, new ConsoleOutput);
        $kernel->terminate($input, $status);

        return $status;
    }
}
