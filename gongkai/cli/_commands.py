"""Import every command module so that it registers on the app; one line per module."""

# Each module registers its commands on import (the names are not used here, hence noqa).
from gongkai.cli import (
    check,  # noqa: F401
    deadline,  # noqa: F401
    demo,  # noqa: F401
    parse,  # noqa: F401
    register,  # noqa: F401
    report,  # noqa: F401
)
