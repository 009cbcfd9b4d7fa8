<?php

namespace Tests\Feature;

use App\Models\User;
use Illuminate\Support\Facades\Hash;
use PHPUnit\Framework\Attributes\DataProvider;

class AuthTest extends ApiTestCase
{
    public function test_register_creates_a_user_with_a_hashed_password(): void
    {
        $response = $this->postJson('/api/v1/auth/register', [
            'email' => 'Ada@Example.com',
            'password' => 'correct-horse',
            'name' => 'Ada',
        ]);

        $response->assertStatus(201)
            ->assertJsonPath('email', 'ada@example.com')
            ->assertJsonPath('name', 'Ada')
            ->assertJsonMissing(['password' => 'correct-horse']);
        $this->assertIsString($response->json('id'));
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $response->json('createdAt'));

        $user = User::where('email', 'ada@example.com')->firstOrFail();
        $this->assertNotSame('correct-horse', $user->password);
        $this->assertTrue(Hash::check('correct-horse', $user->password));
    }

    public function test_register_rejects_a_taken_email_whatever_its_case(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $response = $this->postJson('/api/v1/auth/register', [
            'email' => 'ADA@example.com',
            'password' => 'correct-horse',
        ]);

        $this->assertProblem($response, 409);
    }

    public function test_register_validates_email_and_password(): void
    {
        $response = $this->postJson('/api/v1/auth/register', [
            'email' => 'not-an-email',
            'password' => 'short',
        ]);

        $this->assertProblem($response, 422);
        $fields = array_column($response->json('errors'), 'field');
        sort($fields);
        $this->assertSame(['email', 'password'], $fields);
    }

    public function test_register_limits_the_password_to_72_bytes_not_characters(): void
    {
        // 36 two-byte characters: 72 bytes, accepted; one more is 74 bytes, rejected.
        $this->postJson('/api/v1/auth/register', ['email' => 'ada@example.com', 'password' => str_repeat('é', 36)])
            ->assertStatus(201);

        $response = $this->postJson('/api/v1/auth/register', [
            'email' => 'grace@example.com',
            'password' => str_repeat('é', 37),
        ]);

        $this->assertProblem($response, 422);
        $this->assertSame(['password'], array_column($response->json('errors'), 'field'));
    }

    public function test_a_password_differing_only_after_byte_72_does_not_log_in(): void
    {
        $password = str_repeat('a', 72);
        User::factory()->create(['email' => 'ada@example.com', 'password' => Hash::make($password)]);

        $this->postJson('/api/v1/auth/login', ['email' => 'ada@example.com', 'password' => $password])->assertOk();
        $response = $this->postJson('/api/v1/auth/login', ['email' => 'ada@example.com', 'password' => $password.'b']);

        $this->assertProblem($response, 401);
    }

    public function test_login_for_an_unknown_email_still_hashes_so_timing_tells_nothing(): void
    {
        Hash::spy();

        $response = $this->postJson('/api/v1/auth/login', [
            'email' => 'nobody@example.com',
            'password' => 'correct-horse',
        ]);

        $this->assertProblem($response, 401);
        $response->assertHeader('WWW-Authenticate', 'Bearer');
        Hash::shouldHaveReceived('make')->once()->with('correct-horse');
    }

    public function test_login_returns_a_bearer_token_that_opens_me(): void
    {
        User::factory()->create(['email' => 'ada@example.com', 'password' => Hash::make('correct-horse')]);

        $login = $this->postJson('/api/v1/auth/login', [
            'email' => 'Ada@example.com',
            'password' => 'correct-horse',
        ]);

        $login->assertOk()
            ->assertJsonPath('tokenType', 'Bearer')
            ->assertJsonPath('expiresIn', 3600);

        $this->withToken($login->json('accessToken'))
            ->getJson('/api/v1/auth/me')
            ->assertOk()
            ->assertJsonPath('email', 'ada@example.com');
    }

    public function test_login_with_a_wrong_password_is_401(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $response = $this->postJson('/api/v1/auth/login', [
            'email' => 'ada@example.com',
            'password' => 'wrong-password',
        ]);

        $this->assertProblem($response, 401);
        $response->assertHeader('WWW-Authenticate', 'Bearer');
    }

    public function test_logins_are_rate_limited_per_email_and_address(): void
    {
        config(['auth.login_attempts_per_minute' => 2]);
        User::factory()->create(['email' => 'ada@example.com']);
        $attempt = fn (string $email) => $this->postJson('/api/v1/auth/login', ['email' => $email, 'password' => 'wrong-password']);

        $this->assertProblem($attempt('ada@example.com'), 401);
        $this->assertProblem($attempt('ADA@example.com'), 401);
        $limited = $attempt('ada@example.com');

        $this->assertProblem($limited, 429);
        $this->assertGreaterThan(0, (int) $limited->headers->get('Retry-After'));
        $this->assertProblem($attempt('grace@example.com'), 401); // another e-mail has its own count
    }

    public static function emailsThatAreNotStrings(): array
    {
        return [
            'a list' => [['a@example.com']],
            'an object' => [['address' => 'a@example.com']],
            'a number' => [42],
        ];
    }

    #[DataProvider('emailsThatAreNotStrings')]
    public function test_login_with_an_email_that_is_not_a_string_is_422(mixed $email): void
    {
        $this->assertProblem($this->postJson('/api/v1/auth/login', ['email' => $email, 'password' => 'x']), 422);
    }

    public function test_me_without_a_token_is_401_with_a_bearer_challenge(): void
    {
        $response = $this->getJson('/api/v1/auth/me');

        $this->assertProblem($response, 401);
        $response->assertHeader('WWW-Authenticate', 'Bearer');
    }

    public function test_an_expired_token_is_401(): void
    {
        [$user, $token] = $this->userWithToken();
        $user->tokens()->update(['expires_at' => now()->subMinute()]);

        $this->assertProblem($this->withToken($token)->getJson('/api/v1/auth/me'), 401);
    }

    public function test_tokens_are_stored_hashed(): void
    {
        [$user, $token] = $this->userWithToken();

        $this->assertDatabaseMissing('api_tokens', ['token' => $token]);
        $this->assertDatabaseHas('api_tokens', ['user_id' => $user->id, 'token' => hash('sha256', $token)]);
    }
}
