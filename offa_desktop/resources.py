"""Finds files shipped under ``resources/``, in the source tree, an installed wheel and a bundle.

``resources/`` is installed as the package ``offa_desktop.bundled`` (a package-dir mapping in
pyproject.toml), so ``importlib.resources`` finds it everywhere; in a source checkout that was
never installed the folder beside the package is used.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def root() -> Path:
    """The folder holding the resources (fonts/, icons/, translations/, data/)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller one-folder bundle
        return Path(frozen) / "offa_desktop" / "bundled"
    try:
        found = Path(str(resources.files("offa_desktop.bundled")))
        if (found / "fonts").is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def path(*parts: str) -> Path:
    """Path of one resource, e.g. ``path("fonts", "DejaVuSans.ttf")``.

    FileNotFoundError when it is absent.
    """
    p = root().joinpath(*parts)
    if not p.exists():
        raise FileNotFoundError(f"resource missing: {'/'.join(parts)}")
    return p


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


def read_text(*parts: str) -> str:
    return path(*parts).read_text(encoding="utf-8")
