"""Import every command module so that it registers on the app; one line per module."""

from gongkai.cli import parse  # noqa: F401
from gongkai.cli import deadline  # noqa: F401
from gongkai.cli import check  # noqa: F401
from gongkai.cli import demo  # noqa: F401
