<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use JsonException;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpKernel\Exception\BadRequestHttpException;
use Symfony\Component\HttpKernel\Exception\UnsupportedMediaTypeHttpException;

/**
 * The API reads JSON only: another media type is a 415 and broken JSON is a 400
 * (Laravel on its own would silently treat both as an empty body).
 */
class EnsureJsonBody
{
    public function handle(Request $request, Closure $next): Response
    {
        if (! in_array($request->getMethod(), ['POST', 'PUT', 'PATCH'], true)) {
            return $next($request);
        }

        $body = $request->getContent();

        if (($body !== '' || $request->headers->has('Content-Type')) && ! $request->isJson()) {
            throw new UnsupportedMediaTypeHttpException('Send the request body as application/json.');
        }

        if ($body !== '') {
            try {
                json_decode($body, flags: JSON_THROW_ON_ERROR);
            } catch (JsonException $e) {
                throw new BadRequestHttpException('The request body is not valid JSON: '.$e->getMessage());
            }
        }

        return $next($request);
    }
}
