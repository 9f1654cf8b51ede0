"""``gongkai parse`` (filled in with the parser)."""
