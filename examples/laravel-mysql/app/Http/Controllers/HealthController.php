<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Throwable;

class HealthController extends Controller
{
    public function __invoke(): JsonResponse
    {
        try {
            DB::select('select 1');
        } catch (Throwable $e) {
            Log::warning('Health check: the database is unreachable', ['exception' => $e->getMessage()]);

            return response()->json(['status' => 'error', 'checks' => ['database' => 'error']], 503);
        }

        return response()->json(['status' => 'ok', 'checks' => ['database' => 'ok']]);
    }
}
