<?php

namespace Tests;

use Illuminate\Contracts\Console\Kernel;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;

/**
 * Replaces the project's tests/TestCase.php under the harness: Laravel 11+'s base TestCase
 * creates the application itself, Laravel 8's asks the subclass to (CreatesApplication).
 */
abstract class TestCase extends BaseTestCase
{
    public function createApplication()
    {
        $app = require __DIR__.'/../bootstrap/app.php';
        $app->make(Kernel::class)->bootstrap();

        return $app;
    }
}
