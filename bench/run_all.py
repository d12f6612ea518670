"""Every benchmark in one run, with the machine it ran on, as Markdown.

    .venv/bin/python bench/run_all.py [--full] [--quick] [--out bench/RESULTS-run.md]

Runs, each in its own process, whichever of these exist: bench/ingest.py (ingest vs bare
PyMuPDF and bare Tesseract, scaling, stage costs, memory), bench/classify.py
(classification documents/s), bench/split.py (bundle splitting), bench/fields.py (field
extraction and rules), bench/scale.py (2,000 documents by default; ``--full`` for 20,000,
which takes hours). ``--quick`` shrinks every set for a smoke run (figures then mean
little). The report goes to stdout, or to ``--out``.

The machine section gives the CPU count, model and memory, Python and library versions,
the date, and the load average before and after: figures taken while other programs load
the machine are slower, which is why the benchmarks also give CPU-time figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LIBRARIES = ("pymupdf", "pytesseract", "pebble", "sqlite-utils", "numpy", "scikit-learn", "scipy",
             "model2vec", "spacy", "sentence-transformers", "torch", "psutil")


def machine() -> dict[str, str]:
    info = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "nproc": _run(["nproc"]) or str(len(os.sched_getaffinity(0))),
            "cpu": _cpuinfo(), "memory": _meminfo(), "os": platform.platform(),
            "python": sys.version.split()[0]}
    import sqlite3

    info["sqlite"] = sqlite3.sqlite_version
    tesseract = shutil.which("tesseract")
    info["tesseract"] = (_run([tesseract, "--version"]).splitlines() or ["?"])[0] if tesseract else "absent"
    for name in LIBRARIES:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = "absent"
    return info


def _run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _cpuinfo() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _meminfo() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def plan(args) -> list[tuple[str, list[str]]]:
    quick = args.quick
    runs = [
        ("ingest.py", ["--pages", "80" if quick else "500", "--scanned", "4" if quick else "50"]),
        ("classify.py", ["--docs", "60" if quick else "300"]),
        ("split.py", ["--generated", "10", "--handwritten", "10"] if quick else []),
        ("fields.py", ["--claims", "2"] if quick else []),
        ("scale.py", ["--full"] if args.full else ["--docs", "200" if quick else "2000"]),
    ]
    return [(name, extra) for name, extra in runs if (BENCH / name).exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="scale.py with 20,000 documents")
    parser.add_argument("--quick", action="store_true", help="small sets: a smoke run")
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    args = parser.parse_args(argv)

    info = machine()
    load_before = _load()
    sections = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(ROOT / "src")}
    for name, extra in plan(args):
        cmd = [sys.executable, str(BENCH / name), *extra]
        print(f"running {' '.join(cmd[1:])} ...", file=sys.stderr)
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
        seconds = time.perf_counter() - started
        body = done.stdout.strip() or "(no output)"
        if done.returncode != 0:
            body += f"\n\n[exit code {done.returncode}]\n" + done.stderr.strip()[-3000:]
        shown = " ".join(["bench/" + name, *extra])
        sections.append(f"### {shown}\n\n({seconds:.0f} s)\n\n```\n{body}\n```\n")
    info["load average before / after"] = f"{load_before} / {_load()}"
    lines = ["# claimdex benchmark run", "", "| machine | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    report = "\n".join(lines) + "\n\n" + "\n".join(sections)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)
    else:
        print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
