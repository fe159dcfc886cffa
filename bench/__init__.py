"""Benchmarks and the prefecture-scale plan generator they share (bench.gen_plan)."""
