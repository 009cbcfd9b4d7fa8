<?php

namespace App\Exceptions;

use Illuminate\Auth\AuthenticationException;
use Illuminate\Database\Eloquent\ModelNotFoundException;
use Illuminate\Http\Exceptions\HttpResponseException;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpKernel\Exception\HttpExceptionInterface;
use Throwable;

/**
 * Turns every exception into an RFC 9457 problem details response
 * (application/problem+json), registered in bootstrap/app.php.
 */
final class ProblemDetails
{
    /** Fixed wording where the framework's own message would leak internals (class names, paths). */
    private const DETAILS = [
        401 => 'A valid bearer token is required.',
        404 => 'The requested resource was not found.',
        405 => 'This method is not allowed on this resource.',
        500 => 'An unexpected error occurred.',
    ];

    public static function render(Throwable $e, Request $request): ?JsonResponse
    {
        if ($e instanceof HttpResponseException) {
            return null; // a response thrown on purpose: Laravel sends it as it is
        }

        $headers = [];
        $extra = [];

        if ($e instanceof ValidationException) {
            $status = 422;
            $detail = 'The request has invalid fields.';
            $extra['errors'] = self::fieldErrors($e);
        } elseif ($e instanceof AuthenticationException) {
            $status = 401;
            $detail = self::DETAILS[401];
        } elseif ($e instanceof ModelNotFoundException) {
            $status = 404;
            $detail = self::DETAILS[404];
        } elseif ($e instanceof HttpExceptionInterface) {
            $status = $e->getStatusCode();
            $headers = $e->getHeaders();
            $detail = in_array($status, [404, 405], true) || $e->getMessage() === ''
                ? (self::DETAILS[$status] ?? Response::$statusTexts[$status] ?? 'Error')
                : $e->getMessage();
        } else {
            $status = 500;
            // Outside debug mode a 500 never shows messages: they can hold SQL or secrets.
            $detail = config('app.debug') ? get_class($e).': '.$e->getMessage() : self::DETAILS[500];
        }

        if ($status === 401) {
            $headers['WWW-Authenticate'] = 'Bearer';
        }

        return new JsonResponse(
            [
                'type' => 'about:blank',
                'title' => Response::$statusTexts[$status] ?? 'Error',
                'status' => $status,
                'detail' => $detail,
                'instance' => '/'.ltrim($request->path(), '/'),
            ] + $extra,
            $status,
            ['Content-Type' => 'application/problem+json'] + $headers,
        );
    }

    /** One entry per failing field, with the field's wire (camelCase) name. */
    private static function fieldErrors(ValidationException $e): array
    {
        $errors = [];
        foreach ($e->errors() as $field => $messages) {
            $errors[] = ['field' => $field, 'message' => $messages[0]];
        }

        return $errors;
    }
}
