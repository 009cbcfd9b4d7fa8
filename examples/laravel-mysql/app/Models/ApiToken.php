<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Builder;
use Illuminate\Database\Eloquent\MassPrunable;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Support\Str;

/**
 * An opaque bearer token, as Sanctum's personal access tokens are: only its SHA-256 hash
 * is stored, so a leaked database does not leak usable tokens; each token expires
 * (auth.token_ttl), records when it was last used, and is deleted once expired by the
 * scheduled `model:prune` (routes/console.php).
 */
class ApiToken extends Model
{
    use MassPrunable;

    /** last_used_at is written at most once a minute per token, not on every request. */
    public const LAST_USED_PRECISION_SECONDS = 60;

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
            'last_used_at' => 'datetime',
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

        $token = static::query()
            ->with('user')
            ->where('token', hash('sha256', $plainText))
            ->where('expires_at', '>', now())
            ->first();

        $token?->touchLastUsed();

        return $token?->user;
    }

    /** Expired tokens, deleted in one query per chunk by `php artisan model:prune`. */
    public function prunable(): Builder
    {
        return static::where('expires_at', '<=', now());
    }

    /**
     * Records the use, unless it was recorded less than a minute ago: an API client sends
     * many requests a minute, and a write on each would double the work of a read.
     */
    private function touchLastUsed(): void
    {
        if ($this->last_used_at?->gt(now()->subSeconds(self::LAST_USED_PRECISION_SECONDS))) {
            return;
        }

        $this->forceFill(['last_used_at' => now()])->save();
    }
}
