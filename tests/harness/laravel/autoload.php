<?php

/*
 * The generated project's vendor/autoload.php, on Debian's packages instead of Composer's:
 * Laravel 8.83 (php-laravel-framework), Faker and Mockery from /usr/share/php, the
 * harness's own classes, and the project's PSR-4 roots exactly as its composer.json maps them.
 */

require_once 'Illuminate/autoload.php';
require_once 'Faker/autoload.php';
if (stream_resolve_include_path('Mockery/autoload.php')) {
    require_once 'Mockery/autoload.php';
}

define('LARAVEL_HARNESS_DIR', __DIR__);

// Newer framework features the project uses, backported (each documented there).
require_once __DIR__.'/backports.php';

function laravel_harness_psr4(array $roots): void
{
    spl_autoload_register(function (string $class) use ($roots): void {
        foreach ($roots as $prefix => $dir) {
            if (strncmp($class, $prefix, strlen($prefix)) === 0) {
                $file = $dir.'/'.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
                if (is_file($file)) {
                    require $file;

                    return;
                }
            }
        }
    });
}

// Laravel 11+ classes the project's bootstrap/app.php uses, re-created for Laravel 8 (see src/).
laravel_harness_psr4([
    'Harness\\' => __DIR__.'/src/',
    'Illuminate\\Foundation\\Configuration\\' => __DIR__.'/src/Configuration/',
    // Newer framework classes the project uses, each backported in a file of its own.
    'Illuminate\\Database\\' => __DIR__.'/src/Backports/Database/',
]);

function laravel_harness_autoload_project(string $basePath): void
{
    $composer = json_decode(file_get_contents($basePath.'/composer.json'), true, flags: JSON_THROW_ON_ERROR);
    $roots = [];
    foreach (['autoload', 'autoload-dev'] as $section) {
        foreach ($composer[$section]['psr-4'] ?? [] as $prefix => $dir) {
            $roots[$prefix] = $basePath.'/'.rtrim($dir, '/');
        }
    }
    laravel_harness_psr4($roots);
}
