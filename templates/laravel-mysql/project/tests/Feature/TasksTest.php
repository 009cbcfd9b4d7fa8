<?php

namespace Tests\Feature;

use App\Models\Task;
use Illuminate\Support\Facades\DB;
use PHPUnit\Framework\Attributes\DataProvider;

class TasksTest extends ApiTestCase
{
    public function test_create_returns_the_task_and_its_location(): void
    {
        [, $token] = $this->userWithToken();

        $response = $this->withToken($token)->postJson('/api/v1/tasks', [
            'title' => '  Write tests  ',
            'dueDate' => '2030-01-31',
            'id' => '999',
            'unknown' => 'ignored',
        ]);

        $response->assertStatus(201)
            ->assertJsonPath('title', 'Write tests')
            ->assertJsonPath('description', null)
            ->assertJsonPath('status', 'todo')
            ->assertJsonPath('dueDate', '2030-01-31');
        $id = $response->json('id');
        $this->assertNotSame('999', $id);
        $response->assertHeader('Location', "/api/v1/tasks/{$id}");
        $this->assertDatabaseHas('tasks', ['id' => $id, 'title' => 'Write tests']);
    }

    public function test_create_reports_each_invalid_field_by_its_wire_name(): void
    {
        [, $token] = $this->userWithToken();

        $response = $this->withToken($token)->postJson('/api/v1/tasks', [
            'title' => '   ',
            'status' => 'later',
            'dueDate' => '31/01/2030',
        ]);

        $this->assertProblem($response, 422);
        $fields = array_column($response->json('errors'), 'field');
        sort($fields);
        $this->assertSame(['dueDate', 'status', 'title'], $fields);
    }

    public function test_list_pages_filters_and_sorts_in_the_database(): void
    {
        [$user, $token] = $this->userWithToken();
        foreach (['b', 'a', 'c'] as $title) {
            Task::factory()->for($user)->create(['title' => $title, 'status' => 'todo']);
        }
        Task::factory()->for($user)->create(['title' => 'd', 'status' => 'done']);
        Task::factory()->create(['status' => 'todo']); // someone else's

        $response = $this->withToken($token)->getJson('/api/v1/tasks?status=todo&sort=title&page=2&pageSize=2');

        $response->assertOk()
            ->assertJsonPath('page', 2)
            ->assertJsonPath('pageSize', 2)
            ->assertJsonPath('totalItems', 3)
            ->assertJsonPath('totalPages', 2)
            ->assertJsonCount(1, 'items')
            ->assertJsonPath('items.0.title', 'c');
    }

    public function test_due_date_sorts_put_tasks_without_one_last_both_ways(): void
    {
        [$user, $token] = $this->userWithToken();
        foreach ([null, '2030-01-02', null, '2030-01-01'] as $due) {
            Task::factory()->for($user)->create(['due_date' => $due]);
        }

        $ascending = $this->withToken($token)->getJson('/api/v1/tasks?sort=dueDate')->assertOk();
        $this->assertSame(['2030-01-01', '2030-01-02', null, null], array_column($ascending->json('items'), 'dueDate'));
        $descending = $this->withToken($token)->getJson('/api/v1/tasks?sort=-dueDate')->assertOk();
        $this->assertSame(['2030-01-02', '2030-01-01', null, null], array_column($descending->json('items'), 'dueDate'));
        // Ties (no due date) are broken by id, in the sort's direction.
        $nullIds = array_column(array_slice($ascending->json('items'), 2), 'id');
        $this->assertTrue((int) $nullIds[0] < (int) $nullIds[1]);
    }

    public function test_title_sorts_by_code_point(): void
    {
        [$user, $token] = $this->userWithToken();
        foreach (['b', 'B', 'a', 'É', 'A'] as $title) {
            Task::factory()->for($user)->create(['title' => $title]);
        }

        $response = $this->withToken($token)->getJson('/api/v1/tasks?sort=title')->assertOk();

        $this->assertSame(['A', 'B', 'a', 'b', 'É'], array_column($response->json('items'), 'title'));
    }

    public static function blankDescriptions(): array
    {
        return ['empty' => [''], 'only spaces' => ['   ']];
    }

    #[DataProvider('blankDescriptions')]
    public function test_an_empty_or_blank_description_is_null(string $description): void
    {
        [, $token] = $this->userWithToken();

        $this->withToken($token)->postJson('/api/v1/tasks', ['title' => 'T', 'description' => $description])
            ->assertStatus(201)
            ->assertJsonPath('description', null);
    }

    public function test_list_reads_one_page_and_the_total_from_the_counter_cache(): void
    {
        [$user, $token] = $this->userWithToken();
        Task::factory()->count(5)->for($user)->create();

        DB::enableQueryLog();
        $this->withToken($token)->getJson('/api/v1/tasks?page=2&pageSize=2')
            ->assertOk()
            ->assertJsonCount(2, 'items')
            ->assertJsonPath('totalItems', 5)
            ->assertJsonPath('totalPages', 3);
        $queries = implode("\n", array_column(DB::getQueryLog(), 'query'));

        // One LIMIT/OFFSET select of tasks, and the total from task_counts: no COUNT(*) of tasks.
        $this->assertSame(1, substr_count($queries, 'from `tasks`'), $queries);
        $this->assertMatchesRegularExpression('/limit 2 offset 2/i', $queries);
        $this->assertStringContainsString('from `task_counts`', $queries);
    }

    public function test_the_totals_follow_creates_status_changes_and_deletes(): void
    {
        [, $token] = $this->userWithToken();
        $api = $this->withToken($token);
        $total = fn (string $query = '') => $api->getJson("/api/v1/tasks?{$query}")->json('totalItems');

        $first = $api->postJson('/api/v1/tasks', ['title' => 'One'])->json('id');
        $api->postJson('/api/v1/tasks', ['title' => 'Two', 'status' => 'doing']);
        $this->assertSame([2, 1, 1, 0], [$total(), $total('status=todo'), $total('status=doing'), $total('status=done')]);

        $api->patchJson("/api/v1/tasks/{$first}", ['status' => 'done'])->assertOk();
        $api->patchJson("/api/v1/tasks/{$first}", ['title' => 'Still done'])->assertOk();
        $this->assertSame([2, 0, 1, 1], [$total(), $total('status=todo'), $total('status=doing'), $total('status=done')]);

        $api->deleteJson("/api/v1/tasks/{$first}")->assertNoContent();
        $this->assertSame([1, 0, 1, 0], [$total(), $total('status=todo'), $total('status=doing'), $total('status=done')]);
    }

    public static function invalidListParameters(): array
    {
        return [
            'page below 1' => ['page=0'],
            'pageSize above 100' => ['pageSize=101'],
            'unknown status' => ['status=later'],
            'unknown sort' => ['sort=owner'],
        ];
    }

    #[DataProvider('invalidListParameters')]
    public function test_list_rejects_invalid_parameter_values(string $query): void
    {
        [, $token] = $this->userWithToken();

        $this->assertProblem($this->withToken($token)->getJson("/api/v1/tasks?{$query}"), 422);
    }

    public function test_patch_changes_only_the_fields_sent(): void
    {
        [$user, $token] = $this->userWithToken();
        $task = Task::factory()->for($user)->create(['title' => 'Old', 'status' => 'todo', 'description' => 'Keep me']);

        $this->withToken($token)->patchJson("/api/v1/tasks/{$task->id}", ['status' => 'done', 'dueDate' => null])
            ->assertOk()
            ->assertJsonPath('title', 'Old')
            ->assertJsonPath('description', 'Keep me')
            ->assertJsonPath('status', 'done')
            ->assertJsonPath('dueDate', null);
    }

    public function test_delete_removes_the_task(): void
    {
        [$user, $token] = $this->userWithToken();
        $task = Task::factory()->for($user)->create();

        $this->withToken($token)->deleteJson("/api/v1/tasks/{$task->id}")->assertNoContent();
        $this->assertDatabaseMissing('tasks', ['id' => $task->id]);
    }

    public function test_another_users_task_is_not_found(): void
    {
        $theirs = Task::factory()->create();
        [, $token] = $this->userWithToken();

        $this->assertProblem($this->withToken($token)->getJson("/api/v1/tasks/{$theirs->id}"), 404);
        $this->assertProblem($this->withToken($token)->patchJson("/api/v1/tasks/{$theirs->id}", ['title' => 'Mine']), 404);
        $this->assertProblem($this->withToken($token)->deleteJson("/api/v1/tasks/{$theirs->id}"), 404);
        $this->assertDatabaseHas('tasks', ['id' => $theirs->id, 'title' => $theirs->title]);
    }

    public function test_a_malformed_id_is_not_found(): void
    {
        [, $token] = $this->userWithToken();

        $this->assertProblem($this->withToken($token)->getJson('/api/v1/tasks/not-a-number'), 404);
        $this->assertProblem($this->withToken($token)->getJson('/api/v1/tasks/99999999999999999999999'), 404);
    }
}
