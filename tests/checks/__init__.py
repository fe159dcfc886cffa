"""Tests of the checker: one module per rule family, plus every rule at once."""
