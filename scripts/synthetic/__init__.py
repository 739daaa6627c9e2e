"""Deterministic synthetic twins of the two public raw files (python -m scripts.generate_sample --help)."""
