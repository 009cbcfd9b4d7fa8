<?php

namespace Harness;

use Illuminate\Foundation\Http\Middleware\TrimStrings as Laravel8TrimStrings;

/** Laravel 11+'s TrimStrings leaves passwords as typed; Laravel 8's left that to the app. */
class TrimStrings extends Laravel8TrimStrings
{
    protected $except = [
        'current_password',
        'password',
        'password_confirmation',
    ];
}
