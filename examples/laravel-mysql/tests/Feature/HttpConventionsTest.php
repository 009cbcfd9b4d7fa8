<?php

namespace Tests\Feature;

use Illuminate\Support\Facades\DB;

class HttpConventionsTest extends ApiTestCase
{
    public function test_health_checks_the_database(): void
    {
        $this->getJson('/health')
            ->assertOk()
            ->assertExactJson(['status' => 'ok', 'checks' => ['database' => 'ok']]);
    }

    public function test_health_is_503_when_the_database_is_unreachable(): void
    {
        // The app's own connection settings, pointed at a port where nothing listens.
        config(['database.connections.unreachable' => ['url' => null, 'host' => '127.0.0.1', 'port' => 1]
            + config('database.connections.mysql')]);
        $default = DB::getDefaultConnection();
        DB::setDefaultConnection('unreachable');

        try {
            $this->getJson('/health')
                ->assertStatus(503)
                ->assertExactJson(['status' => 'error', 'checks' => ['database' => 'error']]);
        } finally {
            DB::setDefaultConnection($default);
        }
    }

    public function test_every_response_carries_a_request_id(): void
    {
        $this->getJson('/health', ['X-Request-Id' => 'abc-123'])->assertHeader('X-Request-Id', 'abc-123');

        $generated = $this->getJson('/no-such-route')->headers->get('X-Request-Id');
        $this->assertNotEmpty($generated);
    }

    public function test_unknown_route_is_a_problem_404(): void
    {
        $this->assertProblem($this->getJson('/api/v1/nothing-here'), 404);
    }

    public function test_wrong_method_is_a_problem_405(): void
    {
        $this->assertProblem($this->putJson('/api/v1/auth/login', []), 405);
    }

    public function test_malformed_json_is_a_problem_400(): void
    {
        $response = $this->call('POST', '/api/v1/auth/login', [], [], [], [
            'CONTENT_TYPE' => 'application/json',
            'HTTP_ACCEPT' => 'application/json',
        ], '{"email": ');

        $this->assertProblem($response, 400);
    }

    public function test_a_body_that_is_not_json_is_a_problem_415(): void
    {
        $response = $this->call('POST', '/api/v1/auth/login', [], [], [], [
            'CONTENT_TYPE' => 'text/plain',
        ], 'email=ada@example.com');

        $this->assertProblem($response, 415);
    }

    public function test_the_contract_is_served(): void
    {
        $response = $this->get('/openapi.yaml');

        $response->assertOk()->assertHeader('Content-Type', 'application/yaml');
        $this->assertSame(file_get_contents(base_path('docs/openapi.yaml')), $response->getContent());
        $this->get('/docs')->assertOk()->assertSee('swagger-ui', false);
    }

    public function test_cors_allows_the_configured_origins(): void
    {
        $this->call('OPTIONS', '/api/v1/tasks', [], [], [], [
            'HTTP_ORIGIN' => 'http://localhost:5173',
            'HTTP_ACCESS_CONTROL_REQUEST_METHOD' => 'POST',
        ])->assertHeader('Access-Control-Allow-Origin', 'http://localhost:5173');
    }
}
