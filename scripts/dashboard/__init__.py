"""Interactive dashboard over the published marts (placeholder docstring; see below)."""
