"""axe-core (from npm) run on a page: the accessibility problems that count."""

from __future__ import annotations

from playwright.sync_api import Page

from .paths import NODE_MODULES

AXE = NODE_MODULES / "axe-core" / "axe.min.js"


def serious_violations(page: Page, within: str | None = None) -> list[str]:
    """axe's serious and critical findings on the page, or inside the first element that
    matches the selector `within`, one line each."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """(within) => axe.run(within ? document.querySelector(within) : document)
            .then((results) => results.violations)""",
        within,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
