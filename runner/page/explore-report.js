// The explorer's words: the granularities a reader can choose (code in a hint is in
// backquotes), what an exploration did, how each outcome ended, and whether an outcome
// is what the page shows from CPython. Plain functions, no page.

export const GRANULARITIES = [
  {
    value: "switch-points",
    label: "CPython's switch points",
    hint: "Where CPython 3.10+ may switch threads: at calls, at function starts and at the end of each loop pass, never inside `x += 1`.",
  },
  {
    value: "line",
    label: "Every line",
    hint: "Another thread may run before any line of the program.",
  },
  {
    value: "bytecode",
    label: "Every bytecode",
    hint: "Between any two bytecodes that touch shared data: what the language allows, and what free-threaded Python can do.",
  },
];

export const DEFAULT_GRANULARITY = GRANULARITIES[0].value;

function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

// How the schedules were chosen, from the worker's `strategy`.
function method(strategy, seed) {
  const parts = [];
  if (strategy?.singlePreemptions) {
    parts.push(`one preemption at each of ${plural(strategy.points ?? strategy.singlePreemptions, "switch point")}`);
  }
  const pct = strategy?.pct ?? (strategy?.name === "pct" ? strategy : null);
  if (pct) parts.push(`PCT, seed ${pct.seed ?? seed}`);
  if (!parts.length) parts.push("depth-first, not all of them");
  return parts.join(", then ");
}

function deadlocks(outcomes) {
  return outcomes.filter((outcome) => outcome.reason === "deadlock").reduce((sum, outcome) => sum + outcome.count, 0);
}

// What an exploration did, in a sentence: "all 6 interleavings explored; none
// deadlocked", "300 schedules (PCT, seed 1); 12 deadlocked". `state` is the
// exploration's: "done" or "stopped".
export function summary({ runs, exhaustive, strategy, outcomes }, { state = "done", seed = 1 } = {}) {
  const locked = deadlocks(outcomes);
  if (state === "stopped" && runs === 0) return "Stopped before the first schedule had run.";
  const stuck = locked ? `${locked.toLocaleString("en")} deadlocked` : "none deadlocked";
  if (exhaustive) {
    const all = runs === 1 ? "its only interleaving explored" : `all ${plural(runs, "interleaving")} explored`;
    return `${all}; ${stuck}.`;
  }
  const done = `${plural(runs, "schedule")} (${method(strategy, seed)}); ${stuck}`;
  return state === "stopped" ? `Stopped after ${done} so far.` : `${done}.`;
}

// The name of a granularity, as the reader chose it.
export function granularityLabel(value) {
  return (GRANULARITIES.find((granularity) => granularity.value === value) ?? GRANULARITIES[0]).label;
}

const ENDINGS = {
  exception: "raised an exception",
  deadlock: "deadlocked",
  "time-limit": "hit the time limit",
  "output-limit": "printed too much and was cut",
  unsupported: "used something this browser cannot run",
  internal: "the Python runner failed",
};

// How the runs of one outcome ended.
export function ending(outcome) {
  if (outcome.state === "done") return "finished";
  return ENDINGS[outcome.reason] ?? "ended with an error";
}

// Whether an outcome is the output the page shows from CPython (its `#>` lines).
export function isRecordedOutput(outcome, recordedLines) {
  if (!recordedLines?.length || outcome.state !== "done") return false;
  return outcome.stdout === recordedLines.map((line) => `${line}\n`).join("");
}
