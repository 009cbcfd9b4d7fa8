<?php

namespace App\Http\Requests;

use App\Http\Requests\Concerns\LowercasesEmail;
use Illuminate\Foundation\Http\FormRequest;

class RegisterRequest extends FormRequest
{
    use LowercasesEmail;

    public function authorize(): bool
    {
        return true;
    }

    public function rules(): array
    {
        return [
            'email' => ['required', 'string', 'email', 'max:255'],
            'password' => ['required', 'string', 'min:8', 'max:255'],
            'name' => ['nullable', 'string', 'max:255'],
        ];
    }
}
