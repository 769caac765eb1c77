"""Packaging glue: ``resources/`` (top level) installs as the package ``offa_desktop.bundled``.

Everything else about the package lives in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["offa_desktop*", "sync*"]), "offa_desktop.bundled"],
    package_dir={"offa_desktop.bundled": "resources"},
)
