<?php

namespace Harness;

/** Laravel 8's handler, rendering through the callbacks the project gave withExceptions(). */
class ExceptionHandler extends \Illuminate\Foundation\Exceptions\Handler
{
    public function register()
    {
        foreach ($this->container->make(ApplicationBuilder::class)->exceptions->renderers as $renderer) {
            $this->renderable($renderer);
        }
    }
}
