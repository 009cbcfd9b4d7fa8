<?php

namespace App\Models;

use App\Enums\TaskStatus;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

class Task extends Model
{
    /** @use HasFactory<\Database\Factories\TaskFactory> */
    use HasFactory;

    protected $fillable = [
        'title',
        'description',
        'status',
        'due_date',
    ];

    protected $attributes = [
        'status' => 'todo',
    ];

    protected function casts(): array
    {
        return [
            'status' => TaskStatus::class,
            'due_date' => 'date:Y-m-d',
        ];
    }

    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }

    /** Keeps the user's task_counts right whenever a task is created, moved or deleted. */
    protected static function booted(): void
    {
        static::created(fn (Task $task) => TaskCount::adjust($task->user_id, $task->status->value, 1));
        static::deleted(fn (Task $task) => TaskCount::adjust($task->user_id, $task->status->value, -1));
        static::updated(function (Task $task): void {
            if ($task->wasChanged('status')) {
                TaskCount::adjust($task->user_id, $task->getRawOriginal('status'), -1);
                TaskCount::adjust($task->user_id, $task->status->value, 1);
            }
        });
    }
}
