"""Stage: register."""
