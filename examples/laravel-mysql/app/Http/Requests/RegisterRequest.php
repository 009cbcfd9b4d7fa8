<?php

namespace App\Http\Requests;

use App\Http\Requests\Concerns\LowercasesEmail;
use Closure;
use Illuminate\Foundation\Http\FormRequest;

class RegisterRequest extends FormRequest
{
    use LowercasesEmail;

    /** bcrypt ignores every byte after the 72nd: a longer password would be cut silently. */
    public const PASSWORD_MAX_BYTES = 72;

    public function authorize(): bool
    {
        return true;
    }

    public function rules(): array
    {
        return [
            'email' => ['required', 'string', 'email', 'max:255'],
            'password' => [
                'required', 'string', 'min:8',
                // max: counts characters; bcrypt's limit is in bytes (UTF-8).
                function (string $attribute, mixed $value, Closure $fail): void {
                    if (is_string($value) && strlen($value) > self::PASSWORD_MAX_BYTES) {
                        $fail('The :attribute must not be longer than '.self::PASSWORD_MAX_BYTES.' bytes (UTF-8).');
                    }
                },
            ],
            'name' => ['nullable', 'string', 'max:255'],
        ];
    }
}
