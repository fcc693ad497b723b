// The explorer: runs one program many times, each under another schedule, and counts
// the outcomes. Every run starts from the interpreter as it was before the first (its
// memory is copied once and put back before each run), so each is exactly the run a
// fresh worker would make with that schedule, and its token replays it anywhere. The
// clocks are virtual: a program that sleeps does not wait.
//
// Strategy (explore-strategies.mjs): a depth-first search of every schedule when the
// first run's choices are few enough to enumerate them within the budget (the outcome
// is then proven for every schedule at that granularity), for at most half the budget;
// else, or when the search did not finish by then, sampling: when the first run had
// few enough switch points, two runs with a single preemption at each of them (at
// most three quarters of what is left); then PCT with depth 3, seeded, for the rest.
//
// Messages to the page: {type: "explore-progress"} about every PROGRESS_MS, then
// {type: "explore-done"}, each with {runs, exhaustive, strategy, outcomes}; an outcome
// is {stdout, stderr, state, reason, count, schedule}, most frequent first. With
// `raceCheck` in the request every run is watched by the race check, and the messages
// have `races` too: each race found, once, as the race check reports it, with the
// `schedule` of the first run that showed it (explore-races.mjs).

import { RacesSeen } from "./explore-races.mjs";
import { exhaustive, pct, singlePreemptions } from "./explore-strategies.mjs";
import { exploring, newKey, realDateNow, realNow } from "./run-inputs.mjs";
import { encodeSchedule, hashText } from "./schedule-token.mjs";

export const GRANULARITIES = ["switch-points", "line", "bytecode"];
const PROGRESS_MS = 100;
const DEFAULT_BUDGET = 200;
const PCT_DEPTH = 3;

// A turn of the event loop: the run's Python has left the stack by then.
function nextTurn() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

// What was done, for the page to say: {name: "exhaustive"} when every schedule was
// run; else {name: "sampled", points, singlePreemptions, pct: {depth, seed} | null}.
function describe(points, sweepRuns, sampling, exhaustiveDone) {
  if (exhaustiveDone) return { name: "exhaustive" };
  return {
    name: "sampled",
    points,
    singlePreemptions: sweepRuns || 0,
    pct: sampling ? { depth: sampling.depth, seed: sampling.seed } : null,
  };
}

// request: {granularity, budget, seed, timeLimitSeconds, maxOutputChars, raceCheck};
// parts: {runOnce, endRun, made, memory, post} from the worker.
export async function explore(code, request, parts) {
  const granularity = GRANULARITIES.includes(request.granularity) ? request.granularity : "switch-points";
  const budget = Math.max(1, Math.min(100000, Math.floor(Number(request.budget) || DEFAULT_BUDGET)));
  const seed = Number.isFinite(Number(request.seed)) ? Number(request.seed) >>> 0 : 1;
  const timeLimitMs = (Number(request.timeLimitSeconds) || 30) * 1000;
  const maxChars = Number(request.maxOutputChars) || 2000000;
  const memory = parts.memory();
  const image = memory.save();
  const key = newKey(); // the same random numbers in every run: only the schedule varies
  const origin = { perf: realNow(), date: realDateNow() };
  const codeHash = hashText(code);
  const raceCheck = Boolean(request.raceCheck);
  const racesSeen = raceCheck ? new RacesSeen() : null;
  const outcomes = new Map(); // key -> outcome
  const search = exhaustive();
  let plan = [search]; // the strategies still to use, in turn
  let sweep = null; // the single preemptions, if they are tried
  let sweepRuns = 0;
  let sampling = null; // PCT, if it is used
  let runs = 0;
  let exhaustiveDone = false;
  let lastPost = realNow();

  let firstPoints = 0; // the switch points of the first run, which makes no switch
  const searchLimit = Math.max(2, Math.floor(budget / 2));
  // One preemption at each point, if they are few enough, then PCT.
  const sample = (left) => {
    const plan = [];
    if (2 * firstPoints <= ((left - 1) * 3) / 4) plan.push((sweep = singlePreemptions({ points: firstPoints })));
    plan.push((sampling = pct({ seed, depth: PCT_DEPTH, points: firstPoints })));
    return plan;
  };

  const report = (type) => {
    const list = [...outcomes.values()].sort((a, b) => b.count - a.count);
    const races = racesSeen ? { races: racesSeen.list() } : {};
    parts.post({
      type,
      ...races,
      runs,
      exhaustive: exhaustiveDone,
      strategy: describe(firstPoints, sweep && sweepRuns, sampling, exhaustiveDone),
      outcomes: list.map(({ stdout, stderr, state, reason, count, schedule }) => ({
        stdout,
        stderr,
        state,
        reason,
        count,
        schedule,
      })),
    });
  };

  while (runs < budget) {
    let decider = null;
    while (plan.length && !(decider = plan[0].next())) {
      if (plan[0] === search) exhaustiveDone = true; // every schedule has run
      plan = exhaustiveDone ? [] : plan.slice(1);
    }
    if (!decider) break;
    if (plan[0] === sweep) sweepRuns++;
    if (runs > 0) memory.restore(image);
    const inputs = exploring(granularity, key, origin);
    const printed = { stdout: "", stderr: "", chars: 0, hash: hashText("") };
    const write = (stream, text) => {
      if (printed.chars + text.length > maxChars) {
        text = text.slice(0, Math.max(0, maxChars - printed.chars));
        parts.endRun("output-limit");
      }
      printed.chars += text.length;
      printed[stream] += text;
      printed.hash = hashText(stream[3] + text, printed.hash);
    };
    const ended = await parts.runOnce(code, { inputs, write, decider, timeLimitMs, wantsTimeline: false, raceCheck });
    decider.end();
    runs++;
    await nextTurn();
    const state = ended.status === "ok" ? "done" : "error";
    const reason = ended.reason || null;
    const outcomeKey = JSON.stringify([printed.stdout, printed.stderr, state, reason]);
    // The token says whether the race check watched the run (it did when it reported):
    // its replay must be watched too, or it would not be the same run.
    const watched = Array.isArray(ended.races);
    let token;
    const schedule = async () => {
      if (token === undefined) {
        token = inputs.tooLong
          ? null
          : await encodeSchedule({ ...inputs.schedule(codeHash, printed.hash), raceCheck: watched }, parts.made());
      }
      return token;
    };
    const known = outcomes.get(outcomeKey);
    if (known) known.count++;
    else {
      const outcome = { stdout: printed.stdout, stderr: printed.stderr, state, reason, count: 1 };
      outcomes.set(outcomeKey, { ...outcome, schedule: await schedule() });
    }
    if (racesSeen && watched) await racesSeen.add(ended.races, schedule);
    if (reason === "internal") break; // the interpreter itself failed: no run after it is worth more
    if (runs === 1) firstPoints = search.points();
    // Too many schedules to run them all (as the first run's choices tell, or as the
    // search finds after half the budget): sample instead.
    if ((runs === 1 && search.estimate() > budget) || (plan[0] === search && runs >= searchLimit)) {
      plan = sample(budget - runs);
    }
    if (realNow() - lastPost >= PROGRESS_MS) {
      lastPost = realNow();
      report("explore-progress");
    }
  }
  // A search that used the whole budget may have been complete just then.
  if (!exhaustiveDone && plan[0] === search && search.next() === null) exhaustiveDone = true;
  memory.restore(image);
  report("explore-done");
}
