<?php

namespace App\Providers;

use App\Models\PersonalAccessToken;
use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;
use Illuminate\Support\Facades\Auth;
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

        // The `api` guard (config/auth.php): a bearer token from personal_access_tokens.
        Auth::viaRequest('access-token', fn (Request $request) => PersonalAccessToken::findUser($request->bearerToken()));

        // Resources are sent as they are ({"id": ...}), not wrapped in {"data": ...}.
        JsonResource::withoutWrapping();
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
