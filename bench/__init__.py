"""Benchmarks: scripts that print measurements (never timed assertions in tests)."""
