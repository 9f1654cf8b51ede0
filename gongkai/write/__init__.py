"""Stage: write."""
