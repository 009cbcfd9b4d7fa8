<?php

namespace Illuminate\Database;

/**
 * Backport of Laravel 10.20's UniqueConstraintViolationException: the QueryException a
 * duplicate key raises, so the application can catch exactly that (register's 409).
 * Laravel 8.83 throws a plain QueryException; Harness\MySqlConnection throws this instead.
 */
class UniqueConstraintViolationException extends QueryException
{
}
