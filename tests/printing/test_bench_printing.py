"""The printing benchmark module runs and reports in the shape tests/benchmarks/run.py reads."""

from __future__ import annotations

from tests.benchmarks import bench_printing

KEYS = {"name", "figure", "unit", "floor", "ratio", "target", "passed"}


def test_benchmark_rows_have_the_runner_shape() -> None:
    rows = [*bench_printing.bench_one_pack(repeat=2), *bench_printing.bench_batch(count=3)]
    for row in rows:
        assert set(row) == KEYS
        assert row["figure"] > row["floor"] > 0  # a real pack costs more than bare pages
        assert abs(row["ratio"] - row["figure"] / row["floor"]) < 0.05
        assert isinstance(row["passed"], bool)
    assert rows[0]["unit"] == rows[1]["unit"] == "ms" and rows[0]["target"] == 150.0
    assert rows[2]["unit"] == rows[3]["unit"] == "s" and rows[2]["target"] == 60.0 * 3 / 1000
