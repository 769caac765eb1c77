"""OFFA operators' desktop: the working copy, sync and printing for dual-training operators."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("offa-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "offa-desktop"
APP_AUTHOR = "OFFA"
