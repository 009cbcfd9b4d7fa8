<?php

/*
 * Backports: what the generated project uses from Laravel 9-11 that Debian's Laravel 8.83
 * lacks. Each names the feature and the version that introduced it, and has its own test
 * (tests/test_stack_laravel_mysql.py::test_harness_backport_*). Nothing here ships.
 *
 * Two kinds:
 * - a class or function Laravel 8 does not have at all: defined here or in src/Backports/;
 * - a framework file that needs a changed line: the Debian file, with exact textual
 *   replacements (each must match once, or loading fails loudly), compiled once into a
 *   cache file (so OPcache keeps it) and loaded before Debian's autoloader could.
 */

const LARAVEL_HARNESS_PATCHES = [
    // Laravel 11: a model declares its casts in a casts() method, merged into $casts when
    // the model is constructed (HasAttributes::initializeHasAttributes()).
    'Illuminate\\Database\\Eloquent\\Concerns\\HasAttributes' => [
        'file' => 'Illuminate/Database/Eloquent/Concerns/HasAttributes.php',
        'replace' => [
            '    protected $casts = [];' => '    protected $casts = [];

    /** Backport (Laravel 11): the casts of casts(), merged into $casts. */
    public function initializeHasAttributes()
    {
        $this->casts = array_merge($this->casts, $this->casts());
    }

    /** Backport (Laravel 11): a model overrides this to declare its casts. */
    protected function casts(): array
    {
        return [];
    }',
        ],
    ],
    // Laravel 10: JsonResource::toArray(Request $request), so a resource types its parameter.
    'Illuminate\\Http\\Resources\\Json\\JsonResource' => [
        'file' => 'Illuminate/Http/Resources/Json/JsonResource.php',
        'replace' => [
            '    public function toArray($request)' => '    public function toArray(\\Illuminate\\Http\\Request $request)',
        ],
    ],
];

spl_autoload_register(function (string $class): void {
    $patch = LARAVEL_HARNESS_PATCHES[$class] ?? null;
    if ($patch === null) {
        return;
    }
    $original = stream_resolve_include_path($patch['file']);
    if ($original === false) {
        throw new RuntimeException("Laravel harness: {$patch['file']} is not on the include path");
    }
    $source = file_get_contents($original);
    foreach ($patch['replace'] as $search => $replacement) {
        if (substr_count($source, $search) !== 1) {
            throw new RuntimeException("Laravel harness: the backport for {$class} no longer applies to {$original}");
        }
        $source = str_replace($search, $replacement, $source);
    }
    $cache = sys_get_temp_dir().'/laravel-harness-'.md5($original.$source).'.php';
    if (! is_file($cache)) {
        $partial = $cache.'.'.getmypid();
        file_put_contents($partial, $source);
        rename($partial, $cache);  // atomic: a concurrent worker never reads half a file
    }
    require $cache;
}, true, true);

if (! function_exists('fake')) {
    /** Backport (Laravel 9.29): fake() returns the container's Faker generator for a locale. */
    function fake(?string $locale = null): Faker\Generator
    {
        $app = Illuminate\Container\Container::getInstance();
        if ($app->bound('config')) {
            $locale ??= $app->make('config')->get('app.faker_locale');
        }
        $locale ??= 'en_US';
        $abstract = Faker\Generator::class.':'.$locale;
        if (! $app->bound($abstract)) {
            $app->singleton($abstract, fn () => Faker\Factory::create($locale));
        }

        return $app->make($abstract);
    }
}
