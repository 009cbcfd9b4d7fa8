<?php

namespace Illuminate\Support\Facades;

/**
 * Backport (Laravel 11): the Schedule facade, so routes/console.php defines the schedule
 * (`Schedule::command(...)->daily()`) instead of a console kernel's schedule() method.
 * Laravel 8's console kernel binds the same Illuminate\Console\Scheduling\Schedule singleton.
 */
class Schedule extends Facade
{
    protected static function getFacadeAccessor(): string
    {
        return \Illuminate\Console\Scheduling\Schedule::class;
    }
}
