<?php

namespace Illuminate\Foundation\Configuration;

use LogicException;

/**
 * Harness stand-in for Laravel 11+'s middleware configurator: it records the calls
 * the project makes; Harness\HttpKernel applies them.
 */
class Middleware
{
    public array $prepends = [];

    public array $appends = [];

    public array $groupPrepends = [];

    public array $groupAppends = [];

    public array $aliases = [];

    /** @var callable|string|null */
    public $redirectGuestsTo = null;

    public function prepend(array|string $middleware): static
    {
        $this->prepends = array_merge((array) $middleware, $this->prepends);

        return $this;
    }

    public function append(array|string $middleware): static
    {
        $this->appends = array_merge($this->appends, (array) $middleware);

        return $this;
    }

    public function api(array|string $append = [], array|string $prepend = [], array|string $remove = [], array $replace = []): static
    {
        if ($remove || $replace) {
            throw new LogicException('Laravel harness: api(remove:, replace:) is not implemented');
        }
        $this->groupPrepends['api'] = array_merge((array) $prepend, $this->groupPrepends['api'] ?? []);
        $this->groupAppends['api'] = array_merge($this->groupAppends['api'] ?? [], (array) $append);

        return $this;
    }

    public function alias(array $aliases): static
    {
        $this->aliases = array_merge($this->aliases, $aliases);

        return $this;
    }

    /** Laravel 8's Authenticate middleware never redirects (redirectTo() is null), which is what this asks for. */
    public function redirectGuestsTo(callable|string $redirect): static
    {
        $this->redirectGuestsTo = $redirect;

        return $this;
    }

    public function __call(string $method, array $arguments): never
    {
        throw new LogicException("Laravel harness: Middleware::{$method}() is not implemented");
    }
}
