<?php

namespace Harness;

use Illuminate\Contracts\Foundation\Application;
use Illuminate\Database\Connection;

/**
 * Laravel 11+ falls back to the framework's own config files and default providers, so a
 * slim project ships only the config it changes. Laravel 8 does neither: this step merges
 * the harness's defaults under the project's config, registers the framework providers
 * plus the project's bootstrap/providers.php, and points translations at the harness's
 * English messages (Laravel 11+ ships them inside the framework).
 */
class LoadLaravel12Defaults
{
    private const FRAMEWORK_PROVIDERS = [
        \Illuminate\Auth\AuthServiceProvider::class,
        \Illuminate\Bus\BusServiceProvider::class,
        \Illuminate\Cache\CacheServiceProvider::class,
        \Illuminate\Foundation\Providers\ConsoleSupportServiceProvider::class,
        \Illuminate\Cookie\CookieServiceProvider::class,
        \Illuminate\Database\DatabaseServiceProvider::class,
        \Illuminate\Encryption\EncryptionServiceProvider::class,
        \Illuminate\Filesystem\FilesystemServiceProvider::class,
        \Illuminate\Foundation\Providers\FoundationServiceProvider::class,
        \Illuminate\Hashing\HashServiceProvider::class,
        \Illuminate\Pagination\PaginationServiceProvider::class,
        \Illuminate\Pipeline\PipelineServiceProvider::class,
        \Illuminate\Queue\QueueServiceProvider::class,
        \Illuminate\Session\SessionServiceProvider::class,
        \Illuminate\Translation\TranslationServiceProvider::class,
        \Illuminate\Validation\ValidationServiceProvider::class,
        \Illuminate\View\ViewServiceProvider::class,
    ];

    public function bootstrap(Application $app): void
    {
        $config = $app->make('config');

        foreach (glob(LARAVEL_HARNESS_DIR.'/config/*.php') as $file) {
            $name = basename($file, '.php');
            $config->set($name, array_merge(require $file, $config->get($name, [])));
        }

        $config->set('app.providers', array_merge(
            self::FRAMEWORK_PROVIDERS,
            require $app->bootstrapPath('providers.php'),
            [RouteServiceProvider::class],
        ));

        // Laravel 11+ writes ['table' => 'migrations', ...]; Laravel 8 wants the table name.
        $migrations = $config->get('database.migrations');
        if (is_array($migrations)) {
            $config->set('database.migrations', $migrations['table']);
        }

        $app->useLangPath(LARAVEL_HARNESS_DIR.'/lang');

        // Duplicate keys raise UniqueConstraintViolationException (Laravel 10.20+): see MySqlConnection.
        Connection::resolverFor('mysql', fn ($pdo, $database, $prefix, $config) => new MySqlConnection($pdo, $database, $prefix, $config));
    }
}
