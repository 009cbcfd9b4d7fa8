"""Shared fixtures. The conformance suite's options and fixtures come from its plugin."""

from __future__ import annotations

pytest_plugins = ["tests.conformance.plugin"]
