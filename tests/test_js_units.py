"""The JavaScript unit tests (tests/js/), run with Node's own test runner: the pure logic
of the runner's page and worker, without a browser."""

import re
import shutil
import subprocess

import pytest

from .support.paths import ROOT

JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))


def test_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is missing: run `make setup`")
    assert JS_TESTS, "no tests/js/*.test.mjs"
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec", *map(str, JS_TESTS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"node --test failed:\n{report}", pytrace=False)
    counts = dict(re.findall(r"^\S+ (tests|pass|fail) (\d+)$", result.stdout, re.MULTILINE))
    assert int(counts.get("tests", 0)) > 0 and counts.get("pass") == counts["tests"], report
