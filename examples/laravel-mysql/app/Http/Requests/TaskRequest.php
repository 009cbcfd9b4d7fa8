<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;
use Illuminate\Support\Str;

/** What creating and updating a task share: the wire's camelCase names become columns. */
abstract class TaskRequest extends FormRequest
{
    public function authorize(): bool
    {
        return true;
    }

    /**
     * The validated fields keyed by column name (dueDate -> due_date). Unknown fields
     * were never validated, so they are ignored; id and timestamps cannot be written.
     */
    public function modelAttributes(): array
    {
        $attributes = [];
        foreach ($this->validated() as $field => $value) {
            $attributes[Str::snake($field)] = $value;
        }

        return $attributes;
    }
}
