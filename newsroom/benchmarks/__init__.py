"""Benchmarks that print figures (``make bench``); nothing here runs in the test suite."""
