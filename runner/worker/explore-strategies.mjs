// How the explorer chooses a schedule for each run. A run asks at each choice: at a
// switch point, `choose(current, ready)` (0 lets `current` go on, i switches to
// ready[i - 1]); when the running thread blocks, ends or gives way, `pick(ready)` (an
// index into `ready`). Idents are the threads', `ready` in the order they became
// runnable. Each strategy gives a fresh decider per run (`next()`), or null when it has
// nothing left to try.
//
// - exhaustive: depth-first through every sequence of choices, each exactly once (the
//   first run makes no switch at all); finished when none is left.
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
  let steps = 0;
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
        choose: (current, ready) => decide(at++, ready.length + 1),
        pick: (ready) => decide(at++, ready.length),
        end() {
          steps = Math.max(steps, at);
          if (size === 1) size = path.reduce((product, node) => product * node.options, 1);
        },
      };
    },
    // After the first run: how many runs a search of its choices alone would take.
    estimate: () => size,
    steps: () => steps,
  };
}

export function pct({ seed = 1, depth = 3, steps = 1 } = {}) {
  const random = seededRandom(seed);
  let longest = Math.max(1, steps);

  return {
    name: "pct",
    depth,
    seed,
    next() {
      const priority = new Map(); // ident -> priority; the highest runs
      let lowered = 0; // priorities given at change points: below every first priority
      const changes = new Set();
      while (changes.size < Math.min(depth - 1, longest)) {
        changes.add(1 + Math.floor(random() * longest));
      }
      let step = 0;
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
        choose(current, ready) {
          step++;
          if (changes.has(step)) priority.set(current, -++lowered);
          return highest([current, ...ready]);
        },
        pick(ready) {
          step++;
          return highest(ready);
        },
        end() {
          longest = Math.max(longest, step);
        },
      };
    },
  };
}
