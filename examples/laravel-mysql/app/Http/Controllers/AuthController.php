<?php

namespace App\Http\Controllers;

use App\Http\Requests\LoginRequest;
use App\Http\Requests\RegisterRequest;
use App\Http\Resources\UserResource;
use App\Models\ApiToken;
use App\Models\User;
use Illuminate\Database\UniqueConstraintViolationException;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Hash;

class AuthController extends Controller
{
    public function register(RegisterRequest $request): JsonResponse
    {
        $data = $request->validated();

        // The unique index on users.email decides, not a lookup first: of two registrations
        // of one e-mail racing each other, one inserts and the other gets this 409.
        try {
            $user = User::create([
                'email' => $data['email'],
                'name' => $data['name'] ?? null,
                'password' => Hash::make($data['password']),
            ]);
        } catch (UniqueConstraintViolationException) {
            abort(409, 'An account with this e-mail address already exists.');
        }

        return (new UserResource($user))->response()->setStatusCode(201);
    }

    public function login(LoginRequest $request): JsonResponse
    {
        $data = $request->validated();
        $user = User::firstWhere('email', $data['email']);

        // One bcrypt computation either way, so the answer's timing does not tell whether
        // the e-mail has an account: for an unknown one, the password is hashed for nothing.
        if ($user) {
            $matches = Hash::check($data['password'], $user->password);
        } else {
            Hash::make($data['password']);
            $matches = false;
        }

        // bcrypt reads 72 bytes only: a longer password (never accepted at registration)
        // must not log in merely because its first 72 bytes are right.
        if (! $matches || strlen($data['password']) > RegisterRequest::PASSWORD_MAX_BYTES) {
            abort(401, 'The e-mail address or password is wrong.');
        }

        $ttl = (int) config('auth.token_ttl');

        return response()->json([
            'accessToken' => ApiToken::issue($user, $ttl),
            'tokenType' => 'Bearer',
            'expiresIn' => $ttl,
        ]);
    }

    public function me(Request $request): UserResource
    {
        return new UserResource($request->user());
    }
}
