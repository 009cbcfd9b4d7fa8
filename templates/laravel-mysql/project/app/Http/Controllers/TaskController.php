<?php

namespace App\Http\Controllers;

use App\Http\Requests\ListTasksRequest;
use App\Http\Requests\StoreTaskRequest;
use App\Http\Requests\UpdateTaskRequest;
use App\Http\Resources\TaskResource;
use App\Models\Task;
use App\Models\TaskCount;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\DB;

class TaskController extends Controller
{
    public function index(ListTasksRequest $request): JsonResponse
    {
        [$column, $direction] = $request->sort();
        $pageSize = $request->pageSize();
        $user = $request->user();

        // One page, read in index order: the rows are never all loaded.
        $items = $user->tasks()
            ->when($request->status(), fn ($query, $status) => $query->where('status', $status))
            // MySQL sorts NULL first when ascending: tasks without a due date go last both ways.
            ->when($column === 'due_date', fn ($query) => $query->orderByRaw('due_date is null'))
            ->orderBy($column, $direction)
            ->orderBy('id', $direction)
            ->forPage($request->page(), $pageSize)
            ->get();
        // Not COUNT(*): counting 100,000 tasks costs more than reading the page. The task_counts
        // counter cache (kept by the Task model) answers with at most three rows.
        $total = TaskCount::totalFor($user->id, $request->status());

        return response()->json([
            'items' => TaskResource::collection($items),
            'page' => $request->page(),
            'pageSize' => $pageSize,
            'totalItems' => $total,
            'totalPages' => (int) ceil($total / $pageSize),
        ]);
    }

    public function store(StoreTaskRequest $request): JsonResponse
    {
        // The task and its counter change together (Task's `created` event), or neither does.
        $task = DB::transaction(fn () => $request->user()->tasks()->create($request->modelAttributes()));

        return (new TaskResource($task->refresh()))
            ->response()
            ->setStatusCode(201)
            ->header('Location', "/api/v1/tasks/{$task->id}");
    }

    public function show(Request $request, string $task): TaskResource
    {
        return new TaskResource($this->findOwnTask($request, $task));
    }

    public function update(UpdateTaskRequest $request, string $task): TaskResource
    {
        $model = $this->findOwnTask($request, $task);
        DB::transaction(fn () => $model->update($request->modelAttributes()));

        return new TaskResource($model);
    }

    public function destroy(Request $request, string $task): Response
    {
        $model = $this->findOwnTask($request, $task);
        DB::transaction(fn () => $model->delete());

        return response()->noContent();
    }

    /** Another user's task is "not found" (404), never "forbidden": its existence stays private. */
    private function findOwnTask(Request $request, string $id): Task
    {
        return $request->user()->tasks()->findOrFail($id);
    }
}
