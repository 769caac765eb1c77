"""OFFA operators' desktop: the working copy, sync and printing for dual-training operators."""

from __future__ import annotations

from functools import cache

APP_NAME = "offa-desktop"
APP_AUTHOR = "OFFA"


@cache
def version() -> str:
    """The installed distribution's version (read once, on first use: importlib.metadata costs
    about 25 ms at import, which the start-up path does not pay)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version(APP_NAME)
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.1.0"


def __getattr__(name: str) -> str:  # PEP 562: ``offa_desktop.__version__`` stays available
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
