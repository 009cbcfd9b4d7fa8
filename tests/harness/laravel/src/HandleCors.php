<?php

namespace Harness;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Support\Str;

/**
 * Stand-in for Laravel 9.2+'s built-in Illuminate\Http\Middleware\HandleCors (global in
 * Laravel 12), which Laravel 8 lacks: the same config/cors.php keys, the same behaviour
 * as fruitcake/php-cors for a list of allowed origins.
 */
class HandleCors
{
    public function handle(Request $request, Closure $next)
    {
        $cors = config('cors', []);
        if (! $request->is(...($cors['paths'] ?? []))) {
            return $next($request);
        }

        $origin = $request->headers->get('Origin');
        $allowed = $origin !== null && $this->originAllowed($origin, $cors);

        if ($request->isMethod('OPTIONS') && $request->headers->has('Access-Control-Request-Method')) {
            $response = new Response('', 204);
            if ($allowed) {
                $response->headers->set('Access-Control-Allow-Origin', $origin);
                $methods = $cors['allowed_methods'] ?? [];
                $response->headers->set('Access-Control-Allow-Methods', in_array('*', $methods, true)
                    ? strtoupper($request->headers->get('Access-Control-Request-Method'))
                    : implode(', ', $methods));
                $headers = $cors['allowed_headers'] ?? [];
                $response->headers->set('Access-Control-Allow-Headers', in_array('*', $headers, true)
                    ? (string) $request->headers->get('Access-Control-Request-Headers')
                    : implode(', ', $headers));
                if ($cors['max_age'] ?? false) {
                    $response->headers->set('Access-Control-Max-Age', (string) $cors['max_age']);
                }
            }
            $response->headers->set('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');

            return $response;
        }

        $response = $next($request);
        if ($allowed) {
            $response->headers->set('Access-Control-Allow-Origin', $origin);
            if ($cors['exposed_headers'] ?? []) {
                $response->headers->set('Access-Control-Expose-Headers', implode(', ', $cors['exposed_headers']));
            }
        }
        $response->headers->set('Vary', 'Origin', false);

        return $response;
    }

    private function originAllowed(string $origin, array $cors): bool
    {
        if (in_array('*', $cors['allowed_origins'] ?? [], true) || in_array($origin, $cors['allowed_origins'] ?? [], true)) {
            return true;
        }
        foreach ($cors['allowed_origins_patterns'] ?? [] as $pattern) {
            if (preg_match($pattern, $origin)) {
                return true;
            }
        }

        return false;
    }
}
