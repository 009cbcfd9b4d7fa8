<?php

namespace Tests\Unit;

use App\Providers\AppServiceProvider;
use RuntimeException;
use Tests\TestCase;

class ProductionKeyTest extends TestCase
{
    public function test_production_refuses_to_boot_without_an_app_key(): void
    {
        $this->app['env'] = 'production';
        config(['app.key' => '']);

        $this->expectException(RuntimeException::class);
        $this->expectExceptionMessage('APP_KEY is not set');

        (new AppServiceProvider($this->app))->boot();
    }

    public function test_other_environments_boot_without_one(): void
    {
        config(['app.key' => '']);

        (new AppServiceProvider($this->app))->boot();

        $this->assertFalse($this->app->isProduction());
    }
}
