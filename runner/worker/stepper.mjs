// Step through: the program runs under the reader's schedule. Each request carries the
// reader's steps so far (thread idents, one per choice the run came to); the run is
// made from the interpreter as it was before the first (memory put back, as the
// explorer does), answers each choice with the next step, and at the first choice with
// no step left pauses: Python describes every thread (webthreads/stepping.py) and the
// run ends there. A run is an exact function of its steps (virtual clocks, the same
// random numbers in every run), so a step is the last run plus one answer, an undo is
// the run with one step fewer, and a finished run's token replays it anywhere.
//
// page → worker {type: "step", code, granularity, steps, finish?, raceCheck?,
//                timeLimitSeconds, maxOutputChars}
//                                  finish: after the steps, go on with the default
//                                  schedule (each thread on until it blocks) to the end;
//                                  raceCheck: watched by the race check (the default)
// worker → page {type: "step-state", steps, stdout, stderr, paused, ended, races,
//                token, timeline}  paused: {threads, shared, options} where the run
//                                  stopped to ask, else null; ended: {status, reason,
//                                  message} when the program ended, else null; races:
//                                  the race check's report of the run so far, or null

import { exploring, newKey, realDateNow, realNow } from "./run-inputs.mjs";
import { encodeSchedule, hashText } from "./schedule-token.mjs";

export const STEP_GRANULARITIES = ["line", "bytecode", "blocking"];
const PAUSE = -1; // webthreads/stepping.py
const UNASKED = 1_000_000; // after the steps of a finished run: points that pass unasked

// A turn of the event loop: the run's Python has left the stack by then.
function nextTurn() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

// The scheduler's questions, answered from the reader's steps. `options` are the
// threads that could run, in the order of the answers: at a switch point the asking
// thread (answer 0, go on) then the ready ones; where a thread blocked, the ready ones.
class StepDecider {
  constructor(steps, finish) {
    this.steps = steps;
    this.finish = finish;
    this.used = 0;
    this.wrong = null; // a step naming a thread that could not run there
  }

  answer(options, unasked) {
    if (this.used >= this.steps.length) return this.finish ? unasked : PAUSE;
    const ident = this.steps[this.used++];
    const index = options.indexOf(ident);
    if (index >= 0) return index;
    this.wrong ??= ident;
    return 0;
  }

  choose(points, current, ready) {
    const options = [current, ...ready];
    return this.answer(options, options.length * UNASKED);
  }

  pick(ready) {
    return this.answer(ready, 0);
  }

  end() {}
}

// parts: {runOnce, memory, made, post} from the worker.
export function createStepper(parts) {
  let image = null; // the interpreter before the first stepped run
  const key = newKey();
  const origin = { perf: realNow(), date: realDateNow() };

  return async function step(request) {
    const code = String(request.code);
    const granularity = STEP_GRANULARITIES.includes(request.granularity) ? request.granularity : "line";
    const steps = Array.isArray(request.steps) ? request.steps.map(Number) : [];
    const maxChars = Number(request.maxOutputChars) || 2000000;
    const memory = parts.memory();
    if (image === null) image = memory.save();
    else memory.restore(image);
    const inputs = exploring(granularity, key, origin);
    const decider = new StepDecider(steps, Boolean(request.finish));
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
    const timeLimitMs = (Number(request.timeLimitSeconds) || 30) * 1000;
    const raceCheck = request.raceCheck ?? true;
    const ended = await parts.runOnce(code, { inputs, write, decider, timeLimitMs, wantsTimeline: true, raceCheck });
    await nextTurn();
    const paused = ended.reason === "paused" ? ended.paused : null;
    const message = {
      type: "step-state",
      steps: decider.used,
      stdout: printed.stdout,
      stderr: printed.stderr,
      paused,
      ended: paused ? null : { status: ended.status, reason: ended.reason || null, message: ended.message },
      races: ended.races || null,
      token: null,
      timeline: null,
    };
    if (decider.wrong !== null) {
      message.ended = { status: "error", reason: "internal", message: `thread ${decider.wrong} could not run there` };
    } else if (!paused && ended.reason !== "internal") {
      if (!inputs.tooLong) {
        const schedule = { ...inputs.schedule(hashText(code), printed.hash), raceCheck: Boolean(raceCheck) };
        message.token = await encodeSchedule(schedule, parts.made());
      }
      if (ended.timelineJson) message.timeline = JSON.parse(ended.timelineJson);
    }
    parts.post(message);
  };
}
