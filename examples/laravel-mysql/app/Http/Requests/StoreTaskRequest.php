<?php

namespace App\Http\Requests;

use App\Enums\TaskStatus;
use Illuminate\Validation\Rules\Enum;

class StoreTaskRequest extends TaskRequest
{
    /** Strings arrive trimmed (TrimStrings middleware): "  " is an empty title. */
    public function rules(): array
    {
        return [
            'title' => ['required', 'string', 'max:200'],
            'description' => ['nullable', 'string', 'max:2000'],
            'status' => ['sometimes', 'required', new Enum(TaskStatus::class)],
            'dueDate' => ['nullable', 'date_format:Y-m-d'],
        ];
    }
}
