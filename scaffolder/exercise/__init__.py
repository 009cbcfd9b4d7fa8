"""Exercises: practice in a generated project (`scaffold exercise ...`), checked over HTTP.

The engine knows no exercise and no stack: exercises are folders of `exercises/`, stacks
say how their server starts in their `stack.yml`."""
