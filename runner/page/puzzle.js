// A puzzle (puzzles/README.md): a chapter's program and a goal the reader reaches by
// stepping its threads by hand. Every stepped run of the puzzle's runner that ends is
// judged by the puzzle's `check(output, ending)`, in Python, in a worker of its own, as
// an exercise's check is: a run that reaches the goal says so and offers its link, any
// other says what to try. The check's source and the puzzle's granularity come from
// the `<script class="puzzle-check">` that site_hooks/puzzles.py put in the puzzle.
//
// The verdict, `.puzzle-result` (role="status"), has data-verdict: checking, won, lost
// or error; a won run's link is `.puzzle-result__link`.
import { button } from "./buttons.js";
import { playgroundLink } from "./code-link.js";
import { playgroundUrl } from "./config.js";

// The wrapper program: the check from its source in a fresh namespace, called on what
// the stepped run printed and how it ended. Its input is one JSON text inside a Python
// string literal (JSON.stringify's escapes mean the same in Python), so no output can
// break out of it; the verdict comes back as JSON on a line of its own.
const VERDICT = "PUZZLE-VERDICT ";
const WRAPPER = (payload) => `import json

_task = json.loads(${payload})


def _verdict(task):
    namespace = {"__name__": "puzzle_check"}
    try:
        exec(compile(task["source"], task["path"], "exec"), namespace)
        hint = namespace["check"](task["output"], task["ending"])
    except BaseException as error:  # the check itself is broken
        return {"error": f"{type(error).__name__}: {error}"}
    return {"hint": None if hint is None else str(hint)}


_result = _verdict(_task)
print()
print(${JSON.stringify(VERDICT)} + json.dumps(_result))
`;

// Judges one ended run, { stdout, reason }, with `check` ({ source, path }): resolves
// with { hint } (null when the goal is reached) or { error }.
export async function judgeRun({ source, path }, { stdout, reason }, runProgram) {
  const payload = JSON.stringify(JSON.stringify({ source, path, output: stdout, ending: reason ?? null }));
  const run = await runProgram(WRAPPER(payload), { timeLimitSeconds: 20 });
  const line = run.stdout.split("\n").findLast((text) => text.startsWith(VERDICT));
  if (run.state !== "done" || !line) {
    const why = run.stderr.trim().split("\n").at(-1) || run.reason || run.state;
    return { error: `the check did not run (${why})` };
  }
  return JSON.parse(line.slice(VERDICT.length));
}

// [mark (decorative), title] of each verdict.
const TITLES = {
  checking: ["", "Checking…"],
  won: ["✓ ", "Goal reached!"],
  lost: ["✗ ", "Not this time."],
  error: ["", "The check failed."],
};

function resultArea() {
  const element = document.createElement("div");
  element.className = "puzzle-result";
  element.setAttribute("role", "status");
  return {
    element,
    show(verdict, text = "", link = null) {
      element.dataset.verdict = verdict;
      const [markText, titleText] = TITLES[verdict];
      const title = document.createElement("strong");
      title.className = "puzzle-result__title";
      const mark = document.createElement("span");
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = markText;
      title.append(mark, titleText);
      const message = document.createElement("span");
      message.className = "puzzle-result__message";
      message.textContent = text;
      element.replaceChildren(title, " ", message);
      if (link) element.append(" ", link);
    },
    clear() {
      delete element.dataset.verdict;
      element.replaceChildren();
    },
  };
}

// `puzzle` is the `div.puzzle`, `controls` the RunControls of its program's runner,
// whose Step through region (step-panel.js) is mounted already.
export function mountPuzzle(puzzle, controls, runProgram) {
  const script = puzzle.querySelector("script.puzzle-check");
  const region = controls.root.querySelector(".runner-step");
  if (!script || !region) return;
  let check;
  try {
    check = JSON.parse(script.textContent);
  } catch {
    return; // the build writes valid JSON; without it there is nothing to judge
  }
  // The granularity the puzzle is meant for, chosen before the first step.
  const choice = region.querySelector(`input[type="radio"][value="${check.granularity}"]`);
  if (choice) choice.checked = true;
  const result = resultArea();
  region.after(result.element);

  let runs = 0; // which stepped run a verdict belongs to
  controls.root.addEventListener("runner-started", () => {
    runs += 1;
    result.clear();
  });
  // Undo from the end goes back into the run: the verdict was for the run as it ended.
  new MutationObserver(() => {
    if (region.dataset.state !== "done" && result.element.dataset.verdict) {
      runs += 1;
      result.clear();
    }
  }).observe(region, { attributes: true, attributeFilter: ["data-state"] });

  controls.root.addEventListener("runner-finished", async (event) => {
    const run = event.detail;
    if (!run?.stepped) return; // only the reader's own schedules play
    const mine = ++runs;
    result.show("checking", "Did this run reach the goal?");
    const verdict = await judgeRun(check, run, runProgram);
    if (runs !== mine) return;
    if (verdict.error) return result.show("error", `Sorry, ${verdict.error}. Step through to try again.`);
    if (verdict.hint !== null) return result.show("lost", `${verdict.hint} Press Undo, or Step through to start again.`);
    // The region's own link holds the code that was stepped, whatever the editor has now.
    const stepped = region.querySelector(".runner-step__link")?.getAttribute("href");
    const href = stepped || playgroundLink(playgroundUrl, controls.getCode(), run.schedule);
    const link = button("Link to this run", "link", { href });
    link.classList.add("puzzle-result__link");
    result.show("won", "Your schedule reaches the goal. Press Replay to watch it again, or share it:", link);
  });
}
