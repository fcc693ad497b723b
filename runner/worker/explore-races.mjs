// The races an exploration found across its runs: each race (a variable and a pair of
// lines, as the race check reports them) once, with the token of the first run that
// showed it, in the order they were found.

export function raceKey(race) {
  const lines = race.accesses.map((access) => access.line).sort((a, b) => a - b);
  return JSON.stringify([race.variable, lines]);
}

export class RacesSeen {
  constructor() {
    this.races = new Map(); // key -> race with its schedule
  }

  // One run's races; `schedule()` resolves with that run's token (asked for only when
  // the run showed a race not seen before, as encoding it takes time).
  async add(races, schedule) {
    let token;
    for (const race of races) {
      const key = raceKey(race);
      if (this.races.has(key)) continue;
      if (token === undefined) token = await schedule();
      this.races.set(key, { ...race, schedule: token });
    }
  }

  list() {
    return [...this.races.values()];
  }
}
