<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Support\Str;

/**
 * An opaque bearer token. Only its SHA-256 hash is stored, so a leaked database
 * does not leak usable tokens; each token expires (auth.token_ttl).
 */
class ApiToken extends Model
{
    protected $fillable = [
        'name',
        'token',
        'expires_at',
    ];

    protected $hidden = [
        'token',
    ];

    protected function casts(): array
    {
        return [
            'expires_at' => 'datetime',
        ];
    }

    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }

    /** Creates a token for the user and returns its plain text, which is never stored. */
    public static function issue(User $user, int $ttlSeconds, string $name = 'api'): string
    {
        $plainText = Str::random(64);

        $user->tokens()->create([
            'name' => $name,
            'token' => hash('sha256', $plainText),
            'expires_at' => now()->addSeconds($ttlSeconds),
        ]);

        return $plainText;
    }

    /** The user a bearer token belongs to, or null when it is unknown or expired. */
    public static function findUser(?string $plainText): ?User
    {
        if ($plainText === null || $plainText === '') {
            return null;
        }

        return static::query()
            ->where('token', hash('sha256', $plainText))
            ->where('expires_at', '>', now())
            ->first()
            ?->user;
    }
}
