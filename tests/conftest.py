import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_examples.run_code

from .support.paths import ROOT
from .support.site import serve, site_folder


@pytest.fixture(autouse=True, scope="session")
def _plain_example_tracebacks():
    """Keep an example's own traceback when it raises.

    pytest-examples rewrites the traceback of an exception raised by an example with
    code that reads `co_lnotab`, which on Python 3.11 turns the failure into a pytest
    INTERNALERROR. The snippet test reports file and line itself instead.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pytest_examples.run_code, "create_example_traceback", lambda *args: None)
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per session with `mkdocs build --strict`.

    It goes into a folder named like the sub-path GitHub Pages serves it under (the path
    of `site_url`), so that `support.site.serve` gives it the published URLs.
    """
    site = site_folder(tmp_path_factory.mktemp("site"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        pytest.fail(
            "mkdocs build --strict failed:\n" + _problems(result.stderr), pytrace=False
        )
    return site


def _problems(log: str) -> str:
    """mkdocs' warnings and errors, each with the lines that continue it."""
    problems, keep = [], False
    for line in log.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            keep = True
        elif line.startswith(("INFO", "DEBUG")):
            keep = False
        if keep:
            problems.append(line)
    return "\n".join(problems or log.splitlines()[-40:])


@pytest.fixture(scope="session")
def site_dir(built_site: Path) -> Path:
    """The site the CPython tests built, reused: it is already under the sub-path."""
    assert site_folder(built_site.parent) == built_site, f"site built under {built_site}"
    return built_site


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL of the site, served under /<repository>/ on a free local port."""
    with serve(site_dir) as url:
        yield url
