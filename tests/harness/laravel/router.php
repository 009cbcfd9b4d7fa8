<?php

// `php -S host:port -t public router.php`: files under public/ are served as they are,
// every other path goes through public/index.php (Laravel 8's server.php does the same).
$uri = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($uri !== '/' && is_file($_SERVER['DOCUMENT_ROOT'].$uri)) {
    return false;
}
require $_SERVER['DOCUMENT_ROOT'].'/index.php';
