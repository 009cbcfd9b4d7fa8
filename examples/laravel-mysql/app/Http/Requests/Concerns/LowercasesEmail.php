<?php

namespace App\Http\Requests\Concerns;

/** E-mail addresses are compared case-insensitively: they are stored and looked up lower-cased. */
trait LowercasesEmail
{
    protected function prepareForValidation(): void
    {
        if (is_string($this->input('email'))) {
            $this->merge(['email' => mb_strtolower($this->input('email'))]);
        }
    }
}
