<?php

namespace App\Http\Resources;

use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;

/** @mixin \App\Models\User */
class UserResource extends JsonResource
{
    /** The wire format: camelCase keys, a string id, an RFC 3339 UTC timestamp. */
    public function toArray(Request $request): array
    {
        return [
            'id' => (string) $this->id,
            'email' => $this->email,
            'name' => $this->name,
            'createdAt' => $this->created_at?->toIso8601ZuluString(),
        ];
    }
}
