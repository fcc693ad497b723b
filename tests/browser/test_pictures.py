"""The pictures as a reader sees them: a diagram follows the colour scheme of the
system and Material's own switch, passes axe in light and dark; the notebook pages show
their images; the still timeline of the notebooks draws what timeline.js draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from site_hooks import diagrams
from site_hooks.timeline_image import timeline_svg

from ..support.axe import serious_violations
from .runner_pages import recorded_timeline

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

PAGE = "conditions/"  # a page with a diagram
FIGURE = ".diagram-figure"
TOGGLE = "label.md-header__button[for^='__palette']:visible"
SCHEMES = {"light": ("default", diagrams.LIGHT), "dark": ("slate", diagrams.DARK)}


def colours(page: Page) -> dict[str, str]:
    """What the diagram is drawn in now: its paper, its ink, and the page behind it."""
    return page.evaluate(
        """(selector) => {
          const svg = document.querySelector(selector + " svg");
          const probe = (name) => {
            const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
            rect.setAttribute("class", "dg-box " + name);
            svg.append(rect);
            const fill = getComputedStyle(rect).fill;
            rect.remove();
            return fill;
          };
          return {
            paper: getComputedStyle(svg.querySelector(".dg-paper")).fill,
            ink: getComputedStyle(svg.querySelector("text")).fill,
            alert: probe("dg-alert"),
            page: getComputedStyle(document.body).backgroundColor,
            scheme: document.body.dataset.mdColorScheme,
          };
        }""",
        FIGURE,
    )


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def expect_scheme(page: Page, scheme: str) -> None:
    name, palette = SCHEMES[scheme]
    now = colours(page)
    assert now["scheme"] == name
    assert now["ink"] == rgb(palette["ink"]), now
    assert now["alert"] == rgb(palette["alert-tint"]), now
    assert now["paper"] == now["page"], "on the site the diagram's paper is the page's"


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_diagram_follows_the_system_then_the_switch(
    page: Page, site_url: str, system: str
) -> None:
    page.emulate_media(color_scheme=system)
    page.goto(site_url + PAGE)
    expect(page.locator(FIGURE + " svg")).to_be_visible()
    expect_scheme(page, system)
    # Material's switch goes from the system's setting to light, then to dark: the
    # diagram follows each, whatever the system says.
    for scheme in ["light", "dark"]:
        page.locator(TOGGLE).first.click()
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", SCHEMES[scheme][0]
        )
        expect_scheme(page, scheme)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problem(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGE)
    expect(page.locator(FIGURE + " svg")).to_be_visible()
    assert serious_violations(page) == []
    # The diagram is one image to assistive technology, named by its title.
    image = page.get_by_role("img", name="Condition wait() and notify(), and who holds the lock")
    expect(image).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notebook_images_show_in_either_scheme(page: Page, site_url: str, scheme: str) -> None:
    """The attachments are real images to the browser, drawn in the page's scheme."""
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "notebooks/deadlocks/")
    data_uri = "[src^='data:image/svg+xml;base64,']"
    diagram = page.locator(f"img[alt^='A deadlock: two threads']{data_uri}")
    timeline = page.locator(f"img[alt^='Timeline of a run of opposite_order_timeout.py']{data_uri}")
    for image in (diagram, timeline):
        expect(image).to_have_count(1)
        image.scroll_into_view_if_needed()
        width = image.evaluate("(img) => img.decode().then(() => img.naturalWidth)")
        assert width >= 700
    # The image's own background, from its own style: dark on a dark page.
    paper = page.evaluate(
        """(img) => new Promise((resolve) => {
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext("2d");
          context.drawImage(img, 0, 0);
          resolve([...context.getImageData(2, 2, 1, 1).data.slice(0, 3)]);
        })""",
        diagram.element_handle(),
    )
    expected = diagrams.LIGHT if scheme == "light" else diagrams.DARK
    assert rgb(expected["paper"]) == f"rgb({paper[0]}, {paper[1]}, {paper[2]})"


def test_the_still_timeline_draws_what_timeline_js_draws(
    page: Page, site_url: str, site_dir: Path
) -> None:
    """Each bar where timeline.js puts it, for the same data at the same width."""
    data = recorded_timeline(site_dir, "race-conditions", "race_conditions/lost_update.py")
    svg = timeline_svg(data, "lost_update.py")
    page.goto(site_url)
    drawn = page.evaluate(
        """async ([url, data, svg]) => {
          const { renderTimeline } = await import(url);
          const box = document.createElement("div");
          box.style.width = "760px";
          document.body.prepend(box);
          renderTimeline(box, data);
          const left = box.querySelector(".tl-names svg").getAttribute("width");
          const bars = (root, shift) => [...root.querySelectorAll("rect")]
            .filter((r) => r.getAttribute("height") === "14")
            .map((r) => [+r.getAttribute("x") + shift, +r.getAttribute("y"),
                         +r.getAttribute("width"), /running/.test(r.getAttribute("class"))]);
          const still = new DOMParser().parseFromString(svg, "image/svg+xml");
          return {
            js: bars(box.querySelector("svg.tl-plot .tl-bars"), +left),
            still: bars(still.documentElement, 0),
          };
        }""",
        [site_url + "assets/timeline/timeline.js", data, svg],
    )
    assert len(drawn["js"]) == len(data["spans"])
    # In the same order (lane by lane, waits and sleeps under the runnable stretches),
    # at the same place, to the still picture's rounding.
    assert len(drawn["still"]) == len(drawn["js"])
    for still, js in zip(drawn["still"], drawn["js"], strict=True):
        assert still[1] == js[1] and still[3] == js[3], (still, js)
        assert still[0] == pytest.approx(js[0], abs=0.01) and still[2] == pytest.approx(
            js[2], abs=0.01
        ), (still, js)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_javascript_a_page_shows_its_timeline_still(
    browser: Browser, site_url: str, scheme: str
) -> None:
    context = browser.new_context(java_script_enabled=False, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + "deadlocks/")
        still = page.locator(".thread-timeline-figure img[alt^='Timeline of a run of opposite_']")
        expect(still).to_be_visible()
        assert still.evaluate("(img) => img.complete && img.naturalWidth") >= 700
        # The diagrams need no script at all.
        expect(page.locator(FIGURE + " svg[role=img]").first).to_be_visible()
    finally:
        context.close()
