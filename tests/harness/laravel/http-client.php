<?php

/*
 * Laravel's HTTP client (the Http facade, which the exercises' reference solutions use)
 * runs on Guzzle: Debian's php-guzzlehttp-guzzle (.ci/provision/php.sh). Debian's
 * Illuminate/autoload.php looks for it as 'Guzzlehttp/Guzzle/autoload.php', a path the
 * package does not have, so the harness copy's vendor/autoload.php loads it from here.
 */

if (stream_resolve_include_path('GuzzleHttp/autoload.php')) {
    require_once 'GuzzleHttp/autoload.php';
}
