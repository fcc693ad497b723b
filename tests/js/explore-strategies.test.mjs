// How the explorer chooses schedules (runner/worker/explore-strategies.mjs), on programs
// simulated here: the depth-first search visits every sequence of choices once and
// then says it is done; PCT is the same for the same seed and preempts a run at most
// depth - 1 times.
import assert from "node:assert/strict";
import { test } from "node:test";

import { exhaustive, pct, seededRandom } from "../../runner/worker/explore-strategies.mjs";

// Asks a decider as webthreads/switch_points.py does: at a switch point, with the
// switch points counted so far; an answer of `choice + options * skip` lets `skip`
// points pass without asking, unless the number of ready threads changes.
function asker(decider) {
  let points = 0;
  let askAt = 0;
  let askedWith = -1;
  return {
    choose(current, ready) {
      points++;
      if (points < askAt && ready.length === askedWith) return 0;
      const options = ready.length + 1;
      const answer = decider.choose(points, current, ready);
      assert.ok(Number.isSafeInteger(answer) && answer >= 0, `answer ${answer}`);
      askAt = points + 1 + Math.floor(answer / options);
      askedWith = ready.length;
      return answer % options;
    },
    pick: (ready) => decider.pick(ready),
    end: () => decider.end(),
    points: () => points,
  };
}

// A tree of choices: at each node, how many options, from the choices made so far
// (an empty list of options is a leaf). It asks `choose` where the running thread
// could go on (one option more than the ready threads) and `pick` elsewhere.
function treeOptions(path) {
  if (path.length >= 4) return 0;
  const sum = path.reduce((total, chosen) => total + chosen, 0);
  return [3, 2, 1, 2, 0][(sum + path.length) % 5];
}

function walkTree(decider) {
  const ask = asker(decider);
  const path = [];
  for (let options = treeOptions(path); options > 0; options = treeOptions(path)) {
    const ready = Array.from({ length: options }, (_, i) => 100 + i);
    const chosen =
      path.length % 2 ? ask.choose(99, ready.slice(1)) : ask.pick(ready);
    assert.ok(Number.isInteger(chosen) && chosen >= 0 && chosen < options, `${chosen} of ${options}`);
    path.push(chosen);
  }
  ask.end();
  return path;
}

function leaves(path = []) {
  const options = treeOptions(path);
  if (options === 0) return [path];
  return Array.from({ length: options }, (_, i) => leaves([...path, i])).flat();
}

// Threads that each take `steps` steps and never block: after each step the running
// thread may be preempted (`choose`); when it ends, the next is picked. What ran, in
// order, and how often a thread was preempted.
function runThreads(decider, threads = 3, steps = 5) {
  const ask = asker(decider);
  const left = new Map(Array.from({ length: threads }, (_, i) => [i + 1, steps]));
  const ran = [];
  let preemptions = 0;
  let current = null;
  while (left.size) {
    if (current === null) {
      const ready = [...left.keys()];
      current = ready[ask.pick(ready)];
    }
    ran.push(current);
    left.set(current, left.get(current) - 1);
    if (left.get(current) === 0) {
      left.delete(current);
      current = null;
      continue;
    }
    const ready = [...left.keys()].filter((ident) => ident !== current);
    if (!ready.length) continue;
    const chosen = ask.choose(current, ready);
    if (chosen > 0) {
      preemptions++;
      current = ready[chosen - 1];
    }
  }
  ask.end();
  return { ran, preemptions, points: ask.points() };
}

test("the search visits every sequence of choices exactly once, then has none left", () => {
  const search = exhaustive();
  const visited = [];
  for (let decider = search.next(); decider; decider = search.next()) {
    visited.push(walkTree(decider));
    assert.ok(visited.length <= 1000, "the search does not end");
  }
  const all = leaves();
  assert.ok(all.length > 10, `a tree of ${all.length} leaves`);
  const seen = visited.map((path) => path.join(","));
  assert.equal(new Set(seen).size, seen.length, "a sequence visited twice");
  assert.deepEqual(seen.toSorted(), all.map((path) => path.join(",")).toSorted());
  assert.equal(search.next(), null);
  assert.equal(search.next(), null);
});

test("the first run of the search makes the first choice everywhere", () => {
  const decider = exhaustive().next();
  assert.deepEqual(walkTree(decider), leaves()[0]);
  assert.ok(leaves()[0].every((chosen) => chosen === 0));
});

test("after its first run, the search says how many runs that run's choices make", () => {
  const search = exhaustive();
  const first = walkTree(search.next());
  let product = 1;
  for (let at = 0; at < first.length; at++) product *= treeOptions(first.slice(0, at));
  assert.equal(search.estimate(), product);
});

test("the search counts the switch points of its longest run", () => {
  const search = exhaustive();
  let most = 0;
  for (let decider = search.next(); decider; decider = search.next()) {
    most = Math.max(most, runThreads(decider, 2, 3).points);
  }
  assert.equal(search.points(), most);
});

test("the search through threads runs every order of their steps", () => {
  const search = exhaustive();
  const orders = [];
  for (let decider = search.next(); decider; decider = search.next()) {
    orders.push(runThreads(decider, 2, 3).ran.join(""));
  }
  // Two threads of three steps: every arrangement of 111 and 222, C(6, 3), once each.
  assert.equal(new Set(orders).size, 20);
  assert.equal(orders.length, 20);
});

test("a program with no choice at all is one run", () => {
  const search = exhaustive();
  const decider = search.next();
  decider.end();
  assert.equal(search.next(), null);
  assert.equal(search.estimate(), 1);
});

test("PCT tries the same runs for the same seed", () => {
  const runs = (seed) => {
    const strategy = pct({ seed, depth: 3, points: 10 });
    return Array.from({ length: 30 }, () => runThreads(strategy.next()).ran.join(""));
  };
  assert.deepEqual(runs(7), runs(7));
  assert.notDeepEqual(runs(7), runs(8));
  assert.ok(new Set(runs(7)).size > 5, "the runs of a seed differ among themselves");
});

test("PCT preempts a run at most depth - 1 times, and that often in some runs", () => {
  for (const depth of [1, 2, 3, 4]) {
    let most = 0;
    for (const seed of [1, 2, 3]) {
      const strategy = pct({ seed, depth, points: 12 });
      assert.equal(strategy.depth, depth);
      assert.equal(strategy.seed, seed);
      for (let run = 0; run < 100; run++) {
        const { preemptions } = runThreads(strategy.next());
        assert.ok(preemptions <= depth - 1, `depth ${depth}: ${preemptions} preemptions`);
        most = Math.max(most, preemptions);
      }
    }
    assert.equal(most, depth - 1, `depth ${depth}`);
  }
});

test("PCT always has a next run", () => {
  const strategy = pct();
  for (let run = 0; run < 50; run++) assert.ok(strategy.next());
});

test("the explorer's own random numbers are seeded, and in [0, 1)", () => {
  const draw = (seed) => Array.from({ length: 1000 }, seededRandom(seed));
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
  assert.ok(draw(42).every((value) => value >= 0 && value < 1));
  assert.ok(new Set(draw(42)).size > 990);
});
