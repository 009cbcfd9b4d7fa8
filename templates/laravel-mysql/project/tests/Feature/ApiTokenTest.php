<?php

namespace Tests\Feature;

use App\Models\ApiToken;
use Illuminate\Console\Scheduling\Event;
use Illuminate\Console\Scheduling\Schedule;
use Illuminate\Support\Carbon;

/** What Sanctum's personal access tokens would give: last use, expiry, pruning. */
class ApiTokenTest extends ApiTestCase
{
    public function test_a_token_records_its_last_use_at_most_once_a_minute(): void
    {
        $this->travelTo(Carbon::parse('2026-03-01 12:00:00'));
        [$user, $token] = $this->userWithToken();
        $lastUsed = fn () => $user->tokens()->sole()->last_used_at?->toDateTimeString();
        $this->assertNull($lastUsed());

        $this->me($token);
        $this->assertSame('2026-03-01 12:00:00', $lastUsed());

        $this->travel(59)->seconds();
        $this->me($token);
        $this->assertSame('2026-03-01 12:00:00', $lastUsed(), 'no write within the minute');

        $this->travel(2)->seconds();
        $this->me($token);
        $this->assertSame('2026-03-01 12:01:01', $lastUsed());
    }

    public function test_an_unknown_or_expired_token_records_no_use(): void
    {
        [$user, $token] = $this->userWithToken();
        $user->tokens()->update(['expires_at' => now()->subSecond()]);

        $this->assertProblem($this->withToken($token)->getJson('/api/v1/auth/me'), 401);
        $this->assertNull($user->tokens()->sole()->last_used_at);
    }

    public function test_model_prune_deletes_the_expired_tokens_only(): void
    {
        [$user, $live] = $this->userWithToken();
        ApiToken::issue($user, 3600);
        ApiToken::issue($user, 3600);
        $user->tokens()->latest('id')->limit(2)->get()
            ->each(fn (ApiToken $token) => $token->update(['expires_at' => now()->subSecond()]));

        // As scheduled: every prunable model of app/Models.
        $this->artisan('model:prune')->assertSuccessful();

        $this->assertSame(1, ApiToken::count());
        $this->withToken($live)->getJson('/api/v1/auth/me')->assertOk();
    }

    public function test_expired_tokens_are_pruned_daily(): void
    {
        $pruning = collect(app(Schedule::class)->events())
            ->filter(fn (Event $event) => str_contains((string) $event->command, 'model:prune'));

        $this->assertCount(1, $pruning);
        $this->assertSame('0 0 * * *', $pruning->first()->expression);
    }

    /**
     * GET /api/v1/auth/me as a new request of a real server would: the guard forgets the
     * user it resolved, which would otherwise stay cached in the test's one application.
     */
    private function me(string $token): void
    {
        $this->app['auth']->forgetGuards();
        $this->withToken($token)->getJson('/api/v1/auth/me')->assertOk();
    }
}
