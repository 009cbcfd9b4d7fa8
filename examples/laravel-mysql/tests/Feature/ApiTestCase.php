<?php

namespace Tests\Feature;

use App\Models\ApiToken;
use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Testing\TestResponse;
use Tests\TestCase;

/** Feature tests run against the real MySQL database of DATABASE_URL, rebuilt by RefreshDatabase. */
abstract class ApiTestCase extends TestCase
{
    use RefreshDatabase;

    /** A user and a valid bearer token for them. */
    protected function userWithToken(array $attributes = []): array
    {
        $user = User::factory()->create($attributes);

        return [$user, ApiToken::issue($user, 3600)];
    }

    /** Asserts an RFC 9457 problem details answer with the given status. */
    protected function assertProblem(TestResponse $response, int $status): void
    {
        $response->assertStatus($status);
        $this->assertStringStartsWith('application/problem+json', $response->headers->get('Content-Type'));
        $response->assertJsonPath('status', $status);
        $response->assertJsonStructure(['type', 'title', 'status', 'detail']);
    }
}
