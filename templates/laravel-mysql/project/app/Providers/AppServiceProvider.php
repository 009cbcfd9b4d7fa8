<?php

namespace App\Providers;

use App\Models\ApiToken;
use Illuminate\Cache\RateLimiting\Limit;
use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\ServiceProvider;
use RuntimeException;

class AppServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        //
    }

    public function boot(): void
    {
        $this->refuseToRunInProductionWithoutAKey();

        // The `api` guard (config/auth.php): a bearer token from api_tokens.
        Auth::viaRequest('access-token', fn (Request $request) => ApiToken::findUser($request->bearerToken()));

        // Resources are sent as they are ({"id": ...}), not wrapped in {"data": ...}.
        JsonResource::withoutWrapping();

        // routes/api.php's `throttle:login`: a few logins a minute per e-mail and client
        // address, then 429, so passwords cannot be guessed at speed.
        // It runs before validation: the e-mail may be any JSON value.
        RateLimiter::for('login', function (Request $request): Limit {
            $email = $request->input('email');

            return Limit::perMinute((int) config('auth.login_attempts_per_minute'))
                ->by((is_string($email) ? mb_strtolower($email) : '').'|'.$request->ip());
        });
    }

    /**
     * .env.example ships APP_KEY empty, and nothing in a stateless API would ever notice:
     * production stops at boot (artisan migrate first, so the container never starts) instead.
     */
    private function refuseToRunInProductionWithoutAKey(): void
    {
        if ($this->app->isProduction() && blank(config('app.key'))) {
            throw new RuntimeException(
                'APP_KEY is not set: refusing to run in production. Generate one with '
                .'`php artisan key:generate --show` and set it in the environment.'
            );
        }
    }
}
