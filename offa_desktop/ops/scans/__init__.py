"""Signed scans: the import (``importing``) and the pages waiting for a person (``inbox``)."""
