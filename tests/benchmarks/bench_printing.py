"""Printing benchmarks (``make bench``): one contract pack, then 1,000 packs on every core.

Each figure comes with a floor measured in the same run on the same machine: the time reportlab
takes to write the same number of minimal pages (one line of text each), so the ratio says what
our layout costs on top of the library's bare page output. ``OFFA_BENCH_PACKS`` lowers the count
of the batch for a quick look (the target is then scaled).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import resource
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from offa_desktop.ops.printing.rendering import page_count, render_many
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.render import render
from tests.printing import samples

ONE_PACK_TARGET_MS = 150.0
BATCH = 1000
BATCH_TARGET_S = 60.0


def minimal_pages(pages: int, out: str | None = None) -> int:
    """A bare reportlab document: ``pages`` pages of one line; its size in bytes."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for n in range(pages):
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 770, f"page {n + 1}")
        canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    if out is not None:
        with open(out, "wb") as f:
            f.write(data)
    return len(data)


def _pack(i: int) -> PrintData:
    learner = {**samples.LEARNER, "last_name": f"Wiśniewski-{i}"}
    return samples.contract_data(
        record_id=f"00000000-0000-4000-8000-{i:012d}",
        version=i + 1,
        learner=learner,
        record=samples.SIGNED_CONTRACT,
    )


def _row(name: str, figure: float, unit: str, floor: float, target: float) -> dict[str, Any]:
    return {
        "name": name,
        "figure": round(figure, 3),
        "unit": unit,
        "floor": round(floor, 3),
        "ratio": round(figure / floor, 2) if floor else None,
        "target": target,
        "passed": figure <= target,
    }


def bench_one_pack(repeat: int = 15) -> list[dict[str, Any]]:
    """Wall time and CPU time of one pack (CPU time tells the cost on a shared, busy machine)."""
    pages = page_count(render(_pack(0)))  # warm-up: fonts registered, modules loaded
    walls, cpus, floor_walls, floor_cpus = [], [], [], []
    for i in range(1, repeat + 1):
        data = _pack(i)  # another record each time: nothing (QR codes...) comes from a cache
        wall, cpu = time.perf_counter(), time.process_time()
        render(data)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        wall, cpu = time.perf_counter(), time.process_time()
        minimal_pages(pages)
        floor_walls.append((time.perf_counter() - wall) * 1000)
        floor_cpus.append((time.process_time() - cpu) * 1000)
    what = f"one contract pack ({pages} pages, median of {repeat})"
    return [
        _row(
            f"printing: {what}",
            statistics.median(walls),
            "ms",
            statistics.median(floor_walls),
            ONE_PACK_TARGET_MS,
        ),
        _row(
            f"printing: {what}, CPU time",
            statistics.median(cpus),
            "ms",
            statistics.median(floor_cpus),
            ONE_PACK_TARGET_MS,
        ),
    ]


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes (the pool's workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_batch(count: int | None = None) -> list[dict[str, Any]]:
    """Wall time of the batch, and its CPU time per core: what the wall time would be with the
    cores to ourselves (other work on a shared machine stretches the wall time, not this)."""
    count = count or int(os.environ.get("OFFA_BENCH_PACKS", BATCH))
    workers = os.cpu_count() or 1
    pages = page_count(render(_pack(0)))
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        cpu, start = _children_cpu(), time.perf_counter()
        result = render_many(
            (_pack(i) for i in range(count)),
            os.path.join(tmp, "packs"),
            total=count,
            workers=workers,
            mp_context=context,
        )
        figure = time.perf_counter() - start
        figure_cpu = (_children_cpu() - cpu) / workers
        assert len(result.written) == count and not result.failed, result.failed[:3]
        os.makedirs(os.path.join(tmp, "floor"))
        cpu, start = _children_cpu(), time.perf_counter()
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            outs = [os.path.join(tmp, "floor", f"{i}.pdf") for i in range(count)]
            list(pool.map(minimal_pages, [pages] * count, outs, chunksize=8))
        floor = time.perf_counter() - start
        floor_cpu = (_children_cpu() - cpu) / workers
    what = f"{count} contract packs on {workers} processes ({count * pages} pages)"
    target = BATCH_TARGET_S * count / BATCH
    return [
        _row(f"printing: {what}", figure, "s", floor, target),
        _row(f"printing: {what}, CPU time per core", figure_cpu, "s", floor_cpu, target),
    ]


def run() -> list[dict[str, Any]]:
    """The printing figures, for tests/benchmarks/run.py."""
    return [*bench_one_pack(), *bench_batch()]


if __name__ == "__main__":
    for row in run():
        print(row)
