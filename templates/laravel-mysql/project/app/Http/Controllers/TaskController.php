<?php

namespace App\Http\Controllers;

use App\Http\Requests\ListTasksRequest;
use App\Http\Requests\StoreTaskRequest;
use App\Http\Requests\UpdateTaskRequest;
use App\Http\Resources\TaskResource;
use App\Models\Task;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;

class TaskController extends Controller
{
    public function index(ListTasksRequest $request): JsonResponse
    {
        [$column, $direction] = $request->sort();
        $pageSize = $request->pageSize();

        // paginate() runs one COUNT and one LIMIT/OFFSET query: no rows are sliced in PHP.
        $tasks = $request->user()->tasks()
            ->when($request->status(), fn ($query, $status) => $query->where('status', $status))
            // MySQL sorts NULL first when ascending: tasks without a due date go last both ways.
            ->when($column === 'due_date', fn ($query) => $query->orderByRaw('due_date is null'))
            ->orderBy($column, $direction)
            ->orderBy('id', $direction)
            ->paginate($pageSize, ['*'], 'page', $request->page());

        return response()->json([
            'items' => TaskResource::collection($tasks->items()),
            'page' => $tasks->currentPage(),
            'pageSize' => $pageSize,
            'totalItems' => $tasks->total(),
            'totalPages' => (int) ceil($tasks->total() / $pageSize),
        ]);
    }

    public function store(StoreTaskRequest $request): JsonResponse
    {
        $task = $request->user()->tasks()->create($request->modelAttributes());

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
        $model->update($request->modelAttributes());

        return new TaskResource($model);
    }

    public function destroy(Request $request, string $task): Response
    {
        $this->findOwnTask($request, $task)->delete();

        return response()->noContent();
    }

    /** Another user's task is "not found" (404), never "forbidden": its existence stays private. */
    private function findOwnTask(Request $request, string $id): Task
    {
        return $request->user()->tasks()->findOrFail($id);
    }
}
