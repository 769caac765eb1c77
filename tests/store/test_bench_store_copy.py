"""The store and window benchmarks' working copy (tests/benchmarks/bench_store.data_folder) is
built as the app leaves a copy: encrypted from its creation, readable with its key file and
the benchmarks' passphrase, and built again from nothing when a build stopped half-way."""

from __future__ import annotations

from pathlib import Path

import pytest

from offa_desktop import paths
from offa_desktop.store import cipher
from tests.benchmarks import bench_store, copies


def test_the_copy_is_built_encrypted_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench_store, "CACHE", tmp_path)
    stopped = tmp_path / "wc-30"
    stopped.mkdir()
    (stopped / "working-copy.sqlite3.id").write_text("a copy whose build was stopped")
    folder = bench_store.data_folder(30)
    path = paths.working_copy_path(folder)
    assert (folder / ".ready").exists()
    assert cipher.is_encrypted(path)
    db = copies.connect(path, readonly=True)
    try:
        assert db.execute("SELECT count(*) FROM contracts").fetchone()[0] == 30
    finally:
        db.close()
    built = path.stat().st_mtime_ns
    assert bench_store.data_folder(30) == folder  # kept: not built again
    assert path.stat().st_mtime_ns == built
