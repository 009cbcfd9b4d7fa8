<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Str;
use Symfony\Component\HttpFoundation\Response;

/**
 * Gives every request an id (the caller's X-Request-Id, or a new UUID), adds it to
 * every log line, and echoes it on every response, errors included.
 */
class AssignRequestId
{
    public const HEADER = 'X-Request-Id';

    public function handle(Request $request, Closure $next): Response
    {
        $id = trim((string) $request->headers->get(self::HEADER));

        // Only short, printable ids are echoed back: the header ends up in logs.
        if (! preg_match('/^[\x21-\x7E]{1,128}$/', $id)) {
            $id = (string) Str::uuid();
            $request->headers->set(self::HEADER, $id);
        }

        Log::withContext(['request_id' => $id]);

        $response = $next($request);
        $response->headers->set(self::HEADER, $id);

        return $response;
    }
}
