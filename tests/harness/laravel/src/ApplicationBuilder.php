<?php

namespace Harness;

use Closure;
use Illuminate\Contracts\Console\Kernel as ConsoleKernelContract;
use Illuminate\Contracts\Debug\ExceptionHandler as ExceptionHandlerContract;
use Illuminate\Contracts\Http\Kernel as HttpKernelContract;
use Illuminate\Foundation\Configuration\Exceptions;
use Illuminate\Foundation\Configuration\Middleware;
use LogicException;

/**
 * Records what the project's bootstrap/app.php configures (routing, middleware,
 * exception rendering); the harness kernels apply it on Laravel 8. Anything the
 * harness does not implement fails loudly instead of being ignored.
 */
class ApplicationBuilder
{
    public array $routing = ['api' => null, 'apiPrefix' => 'api', 'health' => null];

    public Middleware $middleware;

    public Exceptions $exceptions;

    public function __construct(private Application $app)
    {
        $this->middleware = new Middleware;
        $this->exceptions = new Exceptions;
    }

    public function withRouting(
        ?Closure $using = null,
        array|string|null $web = null,
        array|string|null $api = null,
        ?string $commands = null,
        ?string $channels = null,
        ?string $pages = null,
        ?string $health = null,
        string $apiPrefix = 'api',
        ?callable $then = null,
    ): static {
        if ($using !== null || $web !== null || is_array($api) || $channels !== null || $pages !== null || $then !== null) {
            throw new LogicException('Laravel harness: only api:, apiPrefix:, health: and commands: routing is implemented');
        }
        $this->routing = ['api' => $api, 'apiPrefix' => $apiPrefix, 'health' => $health, 'commands' => $commands];

        return $this;
    }

    public function withMiddleware(?callable $callback = null): static
    {
        if ($callback) {
            $callback($this->middleware);
        }

        return $this;
    }

    public function withExceptions(?callable $using = null): static
    {
        if ($using) {
            $using($this->exceptions);
        }

        return $this;
    }

    public function create(): Application
    {
        $this->app->instance(self::class, $this);
        $this->app->singleton(HttpKernelContract::class, HttpKernel::class);
        $this->app->singleton(ConsoleKernelContract::class, ConsoleKernel::class);
        $this->app->singleton(ExceptionHandlerContract::class, ExceptionHandler::class);

        return $this->app;
    }
}
