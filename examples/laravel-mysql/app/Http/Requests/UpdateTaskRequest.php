<?php

namespace App\Http\Requests;

class UpdateTaskRequest extends StoreTaskRequest
{
    /** A PATCH changes any subset of the fields: each rule applies only when its field is sent. */
    public function rules(): array
    {
        $rules = parent::rules();
        $rules['title'] = ['sometimes', ...$rules['title']];

        return $rules;
    }
}
