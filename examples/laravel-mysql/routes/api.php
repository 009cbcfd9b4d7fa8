<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\DocsController;
use App\Http\Controllers\HealthController;
use App\Http\Controllers\TaskController;
use Illuminate\Support\Facades\Route;

Route::get('/health', HealthController::class);
Route::get('/openapi.yaml', [DocsController::class, 'spec']);
Route::get('/docs', [DocsController::class, 'ui']);

Route::prefix('api/v1')->group(function () {
    Route::post('/auth/register', [AuthController::class, 'register']);
    Route::post('/auth/login', [AuthController::class, 'login'])->middleware('throttle:login');

    Route::middleware('auth:api')->group(function () {
        Route::get('/auth/me', [AuthController::class, 'me']);

        Route::get('/tasks', [TaskController::class, 'index']);
        Route::post('/tasks', [TaskController::class, 'store']);
        // A non-numeric id matches no route, so it is a 404 like an unknown id.
        Route::get('/tasks/{task}', [TaskController::class, 'show'])->whereNumber('task');
        Route::patch('/tasks/{task}', [TaskController::class, 'update'])->whereNumber('task');
        Route::delete('/tasks/{task}', [TaskController::class, 'destroy'])->whereNumber('task');
    });
});
