"""Each test of the runtime gets its own import of ``webthreads`` (see ``support``), so
that no state (threads, timers, the policy, handlers) goes from one test to the next."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from .support import CompiledOnceFinder, Runtime, fresh_runtime


@pytest.fixture(autouse=True, scope="session")
def _compiled_once() -> Iterator[None]:
    sys.meta_path.insert(0, CompiledOnceFinder)
    yield
    sys.meta_path.remove(CompiledOnceFinder)


@pytest.fixture
def runtime() -> Iterator[Runtime]:
    with fresh_runtime() as fresh:
        yield fresh
