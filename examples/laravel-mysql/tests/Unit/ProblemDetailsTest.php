<?php

namespace Tests\Unit;

use App\Exceptions\ProblemDetails;
use Illuminate\Http\Request;
use RuntimeException;
use Tests\TestCase;

class ProblemDetailsTest extends TestCase
{
    public function test_an_unexpected_error_hides_its_message_outside_debug_mode(): void
    {
        config(['app.debug' => false]);

        $response = ProblemDetails::render(new RuntimeException('SQLSTATE secret'), Request::create('/x'));

        $this->assertSame(500, $response->getStatusCode());
        $this->assertSame('application/problem+json', $response->headers->get('Content-Type'));
        $this->assertStringNotContainsString('secret', $response->getContent());
    }
}
