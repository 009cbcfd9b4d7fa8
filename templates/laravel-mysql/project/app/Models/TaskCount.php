<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Support\Facades\DB;

/**
 * How many tasks a user has in each status: a counter cache that the Task model keeps up
 * to date, so the list's totalItems costs one primary-key read, however many tasks there are.
 * Code that writes tasks without Eloquent models (a bulk query) must adjust it too.
 */
class TaskCount extends Model
{
    public $timestamps = false;

    public $incrementing = false;

    protected $primaryKey = null;

    /** Adds $delta to the user's count for $status, atomically (one upsert, no read first). */
    public static function adjust(int $userId, string $status, int $delta): void
    {
        static::query()->upsert(
            [['user_id' => $userId, 'status' => $status, 'total' => $delta]],
            ['user_id', 'status'],
            ['total' => DB::raw('total + '.$delta)],
        );
    }

    /** The user's number of tasks, all of them or those in one status. */
    public static function totalFor(int $userId, ?string $status = null): int
    {
        return (int) static::query()
            ->where('user_id', $userId)
            ->when($status, fn ($query) => $query->where('status', $status))
            ->sum('total');
    }
}
