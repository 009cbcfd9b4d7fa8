"""Assertions that name the rule of the contract, docs/tasks-api-v1.md, a response breaks.

They live in the package (scaffolder.http.problems), shared with the exercise checks."""

from scaffolder.http.problems import (
    PROBLEM_JSON,
    expect_problem,
    expect_status,
    expect_validation,
    expect_www_authenticate,
    media_type,
)

__all__ = [
    "PROBLEM_JSON",
    "expect_problem",
    "expect_status",
    "expect_validation",
    "expect_www_authenticate",
    "media_type",
]
