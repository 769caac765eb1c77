"""Project-wide test set-up: headless Qt, a PostgreSQL URL that must answer, seeds printed."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# The working copy is always encrypted (issue 16): where no secure keyring exists (here: the
# keyrings.alt file backends count as none) its key is wrapped by a passphrase, which the app and
# every headless command (and their subprocesses) read from OFFA_PASSPHRASE; tests make their key
# files with cheap argon2id parameters (stored in the file; never for real data).
os.environ.setdefault("OFFA_PASSPHRASE", "phrase de passe des tests")
os.environ.setdefault("OFFA_TEST_FAST_KDF", "1")


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL server of OFFA_TEST_POSTGRES_URL; fails (never skips) when unreachable."""
    url = os.environ.get("OFFA_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("OFFA_TEST_POSTGRES_URL not set (make test and .ci/run set it)")
    import psycopg

    try:
        plain = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, connect_timeout=5):
            pass
    except psycopg.OperationalError as exc:  # pragma: no cover - environment fault
        pytest.fail(f"PostgreSQL at OFFA_TEST_POSTGRES_URL is not reachable: {exc}")
    return url


@pytest.fixture
def data_dir(tmp_path: os.PathLike[str]) -> Iterator[str]:
    """A fresh, empty data folder for the app."""
    folder = os.path.join(tmp_path, "data")
    os.makedirs(folder, mode=0o700)
    yield folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Figures a proof measured (the scan matching rate of issue 17), said at the end."""
    import sys

    rates = sys.modules.get("tests.scans.rates")
    lines = list(getattr(rates, "LINES", []))
    if lines:
        terminalreporter.section("measured")
        for line in lines:
            terminalreporter.write_line(line)
