// The Check button of an exercise (exercises/README.md): runs the reader's code like
// Run, then the exercise's `check(output)` on what it printed, in Python too, and says
// whether it is right or what to look at. The check's source comes from the
// `<script class="exercise-check">` that site_hooks/exercise_checks.py put in the exercise.
import { button } from "./buttons.js";
import { hasJspi, NO_JSPI_MESSAGE } from "./jspi.js";

// The wrapper program: each `check` from its source in a fresh namespace, called on
// its output. Everything it needs comes in one JSON text inside a Python string
// literal (see pythonString), so no output can break out of it; the verdicts come back
// as JSON on a line of their own, after whatever a `check` might print.
const VERDICTS = "EXERCISE-VERDICTS ";
const WRAPPER = (payload) => `import json

_tasks = json.loads(${payload})


def _verdict(task):
    namespace = {"__name__": "exercise_check"}
    try:
        exec(compile(task["source"], task["path"], "exec"), namespace)
        hint = namespace["check"](task["output"])
    except BaseException as error:  # the check itself is broken
        return {"error": f"{type(error).__name__}: {error}"}
    return {"hint": None if hint is None else str(hint)}


_verdicts = [_verdict(task) for task in _tasks]
print()
print(${JSON.stringify(VERDICTS)} + json.dumps(_verdicts))
`;

// A Python string literal for any text. JSON.stringify escapes the quote, the
// backslash, every control character and lone surrogates, all with escapes that mean
// the same in Python; everything else stands for itself in Python's UTF-8 source.
function pythonString(text) {
  return JSON.stringify(text);
}

// Runs checks in one program with `runProgram` (runner.js): each task is
// { source, path, output }. Resolves with one verdict per task, { hint: string | null }
// or { error: string }.
export async function runChecks(tasks, runProgram) {
  const payload = pythonString(JSON.stringify(tasks.map(({ source, path, output }) => ({ source, path, output }))));
  const run = await runProgram(WRAPPER(payload), { timeLimitSeconds: 20 });
  const line = run.stdout.split("\n").findLast((text) => text.startsWith(VERDICTS));
  if (run.state !== "done" || !line) {
    const why = run.stderr.trim().split("\n").at(-1) || run.reason || run.state;
    return tasks.map(() => ({ error: `the check did not run (${why})` }));
  }
  return JSON.parse(line.slice(VERDICTS.length));
}

// Runs `check` from `{ source, path }` on `output`: { hint } or { error }.
export async function runCheck({ source, path }, output, runProgram) {
  const [verdict] = await runChecks([{ source, path, output }], runProgram);
  return verdict;
}

const SYNTAX_ERROR = /^(?:SyntaxError|IndentationError|TabError)\b.*$/m;
const LINE = /\bline (\d+)/;

// Why a run that did not finish cleanly was not checked.
function notRun({ reason, message }) {
  switch (reason) {
    case "exception": {
      // `message` is Python's summary of the exception: for a syntax error, the
      // file and line, the line itself and a caret, then "SyntaxError: …".
      const syntax = SYNTAX_ERROR.exec(message || "");
      if (syntax) {
        const line = LINE.exec(message);
        const where = line ? ` on line ${line[1]}` : "";
        return `Your code has a syntax error${where}, so it could not run: ${syntax[0]}. Fix it, then press Check again.`;
      }
      const summary = (message || "").split("\n")[0];
      return `Your program stopped with an exception${summary ? ` (${summary})` : ""}, so its output was not checked. The traceback is in the output above.`;
    }
    case "deadlock":
      return "Your program deadlocked: every thread was waiting for another. Its output was not checked; the output above shows where each thread waits.";
    case "time-limit":
      return "Your program did not finish within the time limit, so its output was not checked.";
    case "output-limit":
      return "Your program printed too much and was stopped, so its output was not checked.";
    case "stop":
      return "You stopped the program, so its output was not checked.";
    case "unsupported":
      return "Your program uses something this browser cannot run (see the output above), so it was not checked here.";
    case "no-jspi":
      return NO_JSPI_MESSAGE;
    default:
      return "The Python runtime failed, so your code could not be checked. Press Check to try again.";
  }
}

// [mark (decorative), title] of each verdict.
const TITLES = {
  checking: ["", "Checking…"],
  pass: ["✓ ", "Correct!"],
  hint: ["✗ ", "Not yet."],
  "not-run": ["", "Not checked."],
  error: ["", "The check failed."],
};

// The verdict: `data-verdict` says which, the title and the message are text only.
function resultArea() {
  const element = document.createElement("div");
  element.className = "exercise-result";
  element.setAttribute("role", "status");
  const title = document.createElement("strong");
  title.className = "exercise-result__title";
  const mark = document.createElement("span");
  mark.setAttribute("aria-hidden", "true");
  const message = document.createElement("span");
  message.className = "exercise-result__message";
  return {
    element,
    show(verdict, text = "") {
      element.dataset.verdict = verdict;
      const [markText, titleText] = TITLES[verdict];
      mark.textContent = markText;
      title.replaceChildren(mark, titleText);
      message.textContent = text;
      element.replaceChildren(title, " ", message);
    },
    clear() {
      delete element.dataset.verdict;
      element.replaceChildren();
    },
  };
}

// `exercise` is the `div.exercise`, `controls` the RunControls of its starter's runner.
export function mountExerciseCheck(exercise, controls, runProgram) {
  const script = exercise.querySelector("script.exercise-check");
  if (!script) return;
  let check;
  try {
    check = JSON.parse(script.textContent);
  } catch {
    return; // the build writes valid JSON; without it there is nothing to check
  }
  const checkButton = button("Check", "check", { className: "runner-button--check" });
  controls.addRunButton(checkButton);
  const result = resultArea();
  controls.panel.after(result.element);

  let runs = 0; // which run a verdict belongs to
  let starting = false;
  let checking = false;
  controls.root.addEventListener("runner-started", () => {
    runs += 1;
    if (!starting) result.clear(); // a plain Run: the old verdict is out of date
  });

  checkButton.addEventListener("click", async () => {
    if (controls.busy || checking) return;
    checking = true;
    starting = true;
    const ended = controls.run();
    starting = false;
    // The check runs in a worker of its own: let it load while the program runs.
    if (hasJspi()) controls.pool.warm();
    const mine = runs;
    result.show("checking", "Running your program…");
    try {
      const run = await ended;
      if (runs !== mine) return;
      if (run.state !== "done") return result.show("not-run", notRun(run));
      result.show("checking", "Checking what it printed…");
      checkButton.setAttribute("aria-disabled", "true");
      const verdict = await runCheck(check, run.stdout, runProgram);
      if (runs !== mine) return;
      if (verdict.error) result.show("error", `Sorry, ${verdict.error}. Press Check to try again.`);
      else if (verdict.hint === null) result.show("pass", "Your program's output passes the check.");
      else result.show("hint", verdict.hint);
    } finally {
      checking = false;
      checkButton.setAttribute("aria-disabled", String(controls.busy));
    }
  });
}
