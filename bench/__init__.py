"""Benchmarks and load tests. Figures are printed and written to files, never asserted."""
