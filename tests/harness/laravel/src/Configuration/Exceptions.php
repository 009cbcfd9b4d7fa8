<?php

namespace Illuminate\Foundation\Configuration;

use LogicException;

/** Harness stand-in for Laravel 11+'s exception configurator: Harness\ExceptionHandler applies it. */
class Exceptions
{
    /** @var list<callable> */
    public array $renderers = [];

    public function render(callable $using): static
    {
        $this->renderers[] = $using;

        return $this;
    }

    public function __call(string $method, array $arguments): never
    {
        throw new LogicException("Laravel harness: Exceptions::{$method}() is not implemented");
    }
}
