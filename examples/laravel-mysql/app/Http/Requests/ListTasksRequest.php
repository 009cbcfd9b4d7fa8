<?php

namespace App\Http\Requests;

use App\Enums\TaskStatus;
use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Validation\Rules\Enum;

class ListTasksRequest extends FormRequest
{
    /** Each accepted `sort` value and the column it orders by. */
    private const SORTS = [
        'createdAt' => 'created_at',
        'dueDate' => 'due_date',
        'title' => 'title',
    ];

    public function authorize(): bool
    {
        return true;
    }

    public function rules(): array
    {
        $sorts = array_keys(self::SORTS);

        return [
            'page' => ['sometimes', 'integer', 'min:1'],
            'pageSize' => ['sometimes', 'integer', 'between:1,100'],
            'status' => ['sometimes', new Enum(TaskStatus::class)],
            'sort' => ['sometimes', 'in:'.implode(',', [...$sorts, ...array_map(fn ($sort) => "-{$sort}", $sorts)])],
        ];
    }

    public function page(): int
    {
        return (int) ($this->validated()['page'] ?? 1);
    }

    public function pageSize(): int
    {
        return (int) ($this->validated()['pageSize'] ?? 20);
    }

    public function status(): ?string
    {
        return $this->validated()['status'] ?? null;
    }

    /** @return array{0: string, 1: string} the column and direction, e.g. ['created_at', 'desc'] */
    public function sort(): array
    {
        $sort = $this->validated()['sort'] ?? '-createdAt';
        $descending = str_starts_with($sort, '-');

        return [self::SORTS[ltrim($sort, '-')], $descending ? 'desc' : 'asc'];
    }
}
