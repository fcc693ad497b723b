// How the explorer chooses a schedule for each run. A run asks at each choice: at a
// switch point, `choose(points, current, ready)`, where `points` counts the switch
// points so far (webthreads/switch_points.py): the answer is `choice + (ready.length +
// 1) * skip`, where choice 0 lets `current` go on and i switches to ready[i - 1], and
// `skip` points pass without asking; when the running thread blocks, ends or gives
// way, `pick(ready)` (an index into `ready`). Idents are the threads', `ready` in the order they became
// runnable. Each strategy gives a fresh decider per run (`next()`), or null when it has
// nothing left to try.
//
// - exhaustive: depth-first through every sequence of choices, each exactly once (the
//   first run makes no switch at all); finished when none is left. It asks at every
//   switch point.
// - pct: Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): threads get
//   random distinct priorities, the highest runnable one runs, and at `depth - 1`
//   random steps of the run the running thread drops below all others. A bug that
//   needs d ordering constraints among n threads and k steps is found by a run with
//   probability at least 1/(n·k^(d-1)). Seeded: the same seed tries the same runs.

// A small seeded generator (mulberry32): the explorer's own choices, nothing secret.
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export function exhaustive() {
  const path = []; // the choices of the last run: {chosen, options}
  let started = false;
  let points = 0;
  let size = 1; // how many runs the first run's choices alone would make

  function decide(at, options) {
    if (at < path.length) {
      const node = path[at];
      // The same prefix of choices leads to the same choice: a run is a function of
      // its schedule. Should it not, the run is counted as one more, not as a match.
      if (node.options === options) return node.chosen;
      path.length = at;
    }
    path.push({ chosen: 0, options });
    return 0;
  }

  return {
    name: "exhaustive",
    next() {
      if (started) {
        while (path.length && path.at(-1).chosen + 1 >= path.at(-1).options) path.pop();
        if (!path.length) return null;
        path.at(-1).chosen++;
      }
      started = true;
      let at = 0;
      return {
        choose(seen, current, ready) {
          points = Math.max(points, seen);
          return decide(at++, ready.length + 1);
        },
        pick: (ready) => decide(at++, ready.length),
        end() {
          if (size === 1) size = path.reduce((product, node) => product * node.options, 1);
        },
      };
    },
    // After the first run: how many runs a search of its choices alone would take, and
    // how many switch points the longest run had.
    estimate: () => size,
    points: () => points,
  };
}

const MOST_SKIPPED = 2 ** 30;

// Two runs for each switch point of the first run: each switches, at that point, to
// the thread that has waited longest, and makes no other preemption; when a thread
// blocks, the first runs the thread that has waited longest, the second the one that
// became runnable last. Most outcomes that one preemption can cause (the bound 1 of
// CHESS's iterative preemption bounding) come out of them, for certain, in twice as
// many runs as there are points.
export function singlePreemptions({ points }) {
  let run = 0;
  return {
    name: "single-preemptions",
    runs: 2 * points,
    next() {
      if (run >= 2 * points) return null;
      const switchAt = 1 + Math.floor(run / 2);
      const lastFirst = run % 2 === 1;
      run++;
      return {
        choose(seen, current, ready) {
          const options = ready.length + 1;
          if (seen < switchAt) return options * (switchAt - seen - 1);
          return (seen === switchAt ? 1 : 0) + options * MOST_SKIPPED;
        },
        pick: (ready) => (lastFirst ? ready.length - 1 : 0),
        end() {},
      };
    },
  };
}

// points: how many switch points a run has (the first run's count), among which the
// priority changes fall.
export function pct({ seed = 1, depth = 3, points = 1 } = {}) {
  const random = seededRandom(seed);
  const longest = Math.max(1, points);

  return {
    name: "pct",
    depth,
    seed,
    points: longest,
    next() {
      const priority = new Map(); // ident -> priority; the highest runs
      let lowered = 0; // priorities given at change points: below every first priority
      const changes = new Set();
      while (changes.size < Math.min(depth - 1, longest)) {
        changes.add(1 + Math.floor(random() * longest));
      }
      const order = [...changes].sort((a, b) => a - b);
      const of = (ident) => {
        if (!priority.has(ident)) priority.set(ident, depth + random());
        return priority.get(ident);
      };
      const highest = (idents) => {
        let best = 0;
        for (let i = 1; i < idents.length; i++) if (of(idents[i]) > of(idents[best])) best = i;
        return best;
      };
      return {
        choose(points, current, ready) {
          if (changes.has(points)) priority.set(current, -++lowered);
          const next = order.find((change) => change > points) ?? Infinity;
          const skip = Math.min(next - points - 1, MOST_SKIPPED);
          return highest([current, ...ready]) + (ready.length + 1) * skip;
        },
        pick: (ready) => highest(ready),
        end() {},
      };
    },
  };
}
