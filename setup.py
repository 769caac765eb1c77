"""Packaging glue: ``resources/`` (top level, as the layout asks) installs as ``offa_desktop.bundled``.

Everything else about the package lives in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["offa_desktop*", "sync*"]), "offa_desktop.bundled"],
    package_dir={"offa_desktop.bundled": "resources"},
)
