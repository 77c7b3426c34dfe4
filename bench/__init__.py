"""Benchmarks and the synthetic national-scale generator (not part of the installed package)."""
