<?php

namespace App\Providers;

use App\Models\PersonalAccessToken;
use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        //
    }

    public function boot(): void
    {
        // The `api` guard (config/auth.php): a bearer token from personal_access_tokens.
        Auth::viaRequest('access-token', fn (Request $request) => PersonalAccessToken::findUser($request->bearerToken()));

        // Resources are sent as they are ({"id": ...}), not wrapped in {"data": ...}.
        JsonResource::withoutWrapping();
    }
}
