<?php

namespace App\Http\Controllers;

use Illuminate\Contracts\View\View;
use Illuminate\Http\Response;
use Illuminate\Support\Facades\File;

class DocsController extends Controller
{
    /** The Tasks API v1 contract, byte for byte. */
    public function spec(): Response
    {
        return response(File::get(base_path('docs/openapi.yaml')), 200, ['Content-Type' => 'application/yaml']);
    }

    /** Swagger UI reading the contract above. */
    public function ui(): View
    {
        return view('docs');
    }
}
