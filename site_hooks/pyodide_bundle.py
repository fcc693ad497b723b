"""Pyodide's large files as the worker fetches them (runner/worker/pyodide-files.mjs).

Each is gzipped here, whatever the host does, and named after a digest of its bytes:
``pyodide.asm.<digest>.wasm.gz``. A cache (the browser's, a proxy's, Cache Storage)
can then keep a file for good, since changed bytes come under a new name. The list of
names, with each file's size on the wire, is ``files.json`` beside them: the only file
the worker fetches that is not named by its content.

The standard library is repacked uncompressed before it is gzipped whole, which makes
it smaller than Pyodide's zip of separately compressed files, and without the modules
that never run in this runtime (``LEFT_OUT``): ``webthreads.unsupported`` already
stops a program that imports one, with the reason, before Python looks in the zip.
The runtime snapshot is made from this same zip (its interpreter remembers where each
file is in it).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

LIST_NAME = "files.json"
STANDARD_LIBRARY = "python_stdlib.zip"
COMPRESSED = ("pyodide.asm.wasm", "pyodide.asm.mjs", STANDARD_LIBRARY, "pyodide-lock.json")
# Modules of processes that share memory or locks, which a browser's single process
# cannot start: webthreads.unsupported refuses them by name (_RefusingImporter).
LEFT_OUT = (
    "multiprocessing/synchronize.py",
    "multiprocessing/managers.py",
    "multiprocessing/shared_memory.py",
    "multiprocessing/sharedctypes.py",
    "multiprocessing/resource_tracker.py",
    "multiprocessing/forkserver.py",
)
GZIP_LEVEL = 9


def standard_library(original: bytes) -> bytes:
    """Pyodide's standard library zip, stored rather than deflated, without LEFT_OUT."""
    packed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            if info.filename in LEFT_OUT:
                continue
            kept = zipfile.ZipInfo(info.filename, info.date_time)
            kept.external_attr = info.external_attr
            target.writestr(kept, source.read(info), compress_type=zipfile.ZIP_STORED)
    return packed.getvalue()


def gzipped(data: bytes) -> bytes:
    """`data` gzipped, with no date in the header: the same bytes give the same file."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def digest_name(name: str, compressed: bytes) -> str:
    """`pyodide.asm.wasm` -> `pyodide.asm.<16 hex digits>.wasm.gz`."""
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(compressed).hexdigest()[:16]
    return f"{stem}.{digest}{dot}{suffix}.gz"


@dataclass(frozen=True)
class Prepared:
    served: dict[str, Path]  # each of COMPRESSED by its name in Pyodide: its .gz file
    standard_library: Path  # the repacked zip, uncompressed, for the snapshot tool


def prepare(pyodide_dir: Path, cache: Path) -> Prepared:
    """The files, made in `cache` once for the bytes they come from."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in COMPRESSED:
        digest.update((pyodide_dir / name).read_bytes())
    folder = cache / digest.hexdigest()[:16]
    listing = folder / "served.json"
    if not listing.is_file():
        for old in cache.glob("*/served.json"):
            shutil.rmtree(old.parent, ignore_errors=True)
        _make(pyodide_dir, folder, listing)
    served = {name: folder / file for name, file in json.loads(listing.read_text()).items()}
    return Prepared(served, folder / STANDARD_LIBRARY)


def _make(pyodide_dir: Path, folder: Path, listing: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)  # an unfinished one
    folder.mkdir(parents=True)
    served = {}
    for name in COMPRESSED:
        data = (pyodide_dir / name).read_bytes()
        if name == STANDARD_LIBRARY:
            data = standard_library(data)
            (folder / name).write_bytes(data)
        compressed = gzipped(data)
        served[name] = digest_name(name, compressed)
        (folder / served[name]).write_bytes(compressed)
    listing.write_text(json.dumps(served))  # last: a folder without it is unfinished


def file_list(files: dict[str, Path]) -> str:
    """``files.json``: for each file by its name in Pyodide, the name it is served under
    and its size in bytes, which the worker adds up to show its progress."""
    listed = {name: {"path": p.name, "size": p.stat().st_size} for name, p in files.items()}
    return json.dumps(listed, indent=1, sort_keys=True)
