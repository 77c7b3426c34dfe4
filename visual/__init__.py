"""Graph views (pyvis data, own offline template, static export)."""
