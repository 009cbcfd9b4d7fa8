"""scaffolder's HTTP client for the Tasks API and its problem-details assertions, shared by
the exercise checks (scaffolder.exercise) and the conformance suite (tests/conformance)."""
