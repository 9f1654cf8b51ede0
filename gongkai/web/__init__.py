"""Stage: web."""
