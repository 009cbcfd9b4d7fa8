<?php

namespace Harness;

use Closure;
use Illuminate\Database\MySqlConnection as Laravel8MySqlConnection;
use Illuminate\Database\QueryException;
use Illuminate\Database\UniqueConstraintViolationException;

/**
 * Laravel 8's MySQL connection, raising Laravel 10.20+'s UniqueConstraintViolationException
 * for a duplicate key (MySQL/MariaDB error 1062), as Connection::runQueryCallback() does there.
 */
class MySqlConnection extends Laravel8MySqlConnection
{
    /** MySQL's ER_DUP_ENTRY. */
    private const DUPLICATE_ENTRY = 1062;

    protected function runQueryCallback($query, $bindings, Closure $callback)
    {
        try {
            return parent::runQueryCallback($query, $bindings, $callback);
        } catch (UniqueConstraintViolationException $e) {
            throw $e;
        } catch (QueryException $e) {
            if (($e->errorInfo[1] ?? null) === self::DUPLICATE_ENTRY) {
                throw new UniqueConstraintViolationException($e->getSql(), $e->getBindings(), $e->getPrevious());
            }
            throw $e;
        }
    }
}
