"""Deterministic synthetic twins of the two public raw files (see README, 'Sample data')."""
