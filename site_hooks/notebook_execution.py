"""Running the chapter notebooks, and the cache that spares a rebuild most runs.

Each notebook is executed with nbclient, in a kernel on the Python that runs the build
(the project's virtual environment), so the output under each cell comes from a real
run. The outputs are kept in a cache folder, one file per notebook, under a key made of
the notebook's code, this module and the Python version: a rebuild that changes
nothing runs nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from traitlets import default

CELL_TIMEOUT = 120  # seconds; every example is a short program


class BuildPythonKernelManager(AsyncKernelManager):
    """A kernel on the Python that runs the build, whatever other "python3" kernels the
    machine has: with no kernel folders, only ipykernel's built-in spec is left, and it
    starts `sys.executable`."""

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return KernelSpecManager(kernel_dirs=[])


class OutputCache:
    """The recorded outputs of notebooks, in a folder; one instance per build, which
    knows the entries it used and can forget the others."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def execute_all(self, notebooks: dict[str, nbformat.NotebookNode]) -> None:
        """Fill in every code cell's outputs: from a real run, or from the cache of an
        earlier run of exactly the same code, by the same module, on the same Python.
        `notebooks` maps the name that an error names to its notebook."""
        self.folder.mkdir(parents=True, exist_ok=True)
        pending = []
        for name, notebook in notebooks.items():
            key = cache_key(notebook)
            self.used.add(key)
            entry = self.folder / f"{key}.json"
            if entry.exists():
                _apply_outputs(notebook, json.loads(entry.read_text("utf-8")))
            else:
                pending.append((name, notebook, entry))
        if pending:
            asyncio.run(_execute_pending(pending))

    def forget_unused(self) -> None:
        """Remove the outputs of code that no notebook of this build holds any more."""
        for entry in self.folder.glob("*.json"):
            if entry.stem not in self.used:
                entry.unlink()


def cache_key(notebook: nbformat.NotebookNode) -> str:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(__file__).read_bytes())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode() + b"\0")
    return digest.hexdigest()


def _apply_outputs(notebook: nbformat.NotebookNode, recorded: dict) -> None:
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell, outputs, count in zip(
        code_cells, recorded["outputs"], recorded["counts"], strict=True
    ):
        cell.outputs = [nbformat.from_dict(output) for output in outputs]
        cell.execution_count = count
    notebook.metadata.language_info = recorded["language_info"]


async def _execute_pending(pending: list) -> None:
    # One kernel per notebook, as many at a time as there are cores.
    limit = asyncio.Semaphore(os.cpu_count() or 1)
    await asyncio.gather(*(_execute(*job, limit) for job in pending))


async def _execute(
    name: str,
    notebook: nbformat.NotebookNode,
    entry: Path,
    limit: asyncio.Semaphore,
) -> None:
    async with limit:
        with tempfile.TemporaryDirectory(prefix="notebook-run-") as workdir:
            client = NotebookClient(
                notebook,
                timeout=CELL_TIMEOUT,
                kernel_name="python3",
                kernel_manager_class=BuildPythonKernelManager,
                # Files a program writes land in a folder of their own.
                resources={"metadata": {"path": workdir}},
                # Errors only, not the kernel's notice that it talks over local TCP.
                extra_arguments=["--log-level=ERROR"],
                # No timestamps: the same code gives the same notebook.
                record_timing=False,
                allow_errors=False,
            )
            try:
                await client.async_execute()
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
                raise PluginError(f"the notebook of {name} failed to run:\n{error}") from None
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    recorded = {
        "outputs": [cell.outputs for cell in code_cells],
        "counts": [cell.execution_count for cell in code_cells],
        "language_info": notebook.metadata.language_info,
    }
    entry.write_text(json.dumps(recorded), "utf-8")
