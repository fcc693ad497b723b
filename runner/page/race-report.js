// The race report under a run's output: each race the runtime's race check saw, in
// words (the variable, the two threads, their lines with the source, read or write,
// the locks each held, and how to fix it), with a link to the Replay of the run.
// `div.runner-races` carries `data-races`, a JSON list of `{variable, accesses:
// [{thread, line, kind, locks}]}`. Text only, never HTML: code in a sentence is in
// backquotes, shown as <code>.

export const NO_RACES = "No races seen in this run.";

// The interface's fields of each race, in the interface's order.
export function racesData(races) {
  return races.map(({ variable, accesses }) => ({
    variable,
    accesses: accesses.map(({ thread, line, kind, locks }) => ({ thread, line, kind, locks })),
  }));
}

// "2 races seen in this run:"
export function heading(races) {
  if (!races.length) return NO_RACES;
  return `${races.length === 1 ? "1 race" : `${races.length} races`} seen in this run:`;
}

function lockWords(locks) {
  if (!locks.length) return "holding no lock";
  return `holding ${locks.map((lock) => `\`${lock}\``).join(" and ")}`;
}

// One access in a sentence: "Thread-1 (deposit) writes `total` on line 15, holding no lock:"
export function accessWords(variable, { thread, line, kind, locks }) {
  const verb = kind === "write" ? "writes" : "reads";
  return `${thread} ${verb} \`${variable}\` on line ${line}, ${lockWords(locks)}:`;
}

// Text with `code` in backquotes, as nodes: text nodes and <code> elements.
export function withCode(text) {
  return text.split("`").map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement("code");
    code.textContent = part;
    return code;
  });
}

function paragraph(className, text) {
  const p = document.createElement("p");
  p.className = className;
  p.append(...withCode(text));
  return p;
}

function accessItem(variable, access) {
  const item = document.createElement("li");
  item.className = "runner-race__access";
  item.dataset.kind = access.kind;
  item.append(paragraph("runner-race__where", accessWords(variable, access)));
  const source = document.createElement("pre");
  source.className = "runner-race__source";
  const code = document.createElement("code");
  code.textContent = access.source ?? "";
  source.append(code);
  item.append(source);
  return item;
}

function raceItem(race, replayHref) {
  const item = document.createElement("li");
  item.className = "runner-race";
  const title = document.createElement("p");
  title.className = "runner-race__variable";
  title.append(...withCode(`A race on \`${race.variable}\``));
  const accesses = document.createElement("ol");
  accesses.className = "runner-race__accesses";
  accesses.append(...race.accesses.map((access) => accessItem(race.variable, access)));
  item.append(title, accesses);
  if (race.fix) item.append(paragraph("runner-race__fix", `Fix: ${race.fix}.`));
  if (replayHref) {
    const link = document.createElement("a");
    link.className = "runner-race__replay";
    link.href = replayHref;
    link.textContent = "Replay the run where it was seen";
    item.append(link);
  }
  return item;
}

export class RaceReport {
  constructor() {
    this.element = document.createElement("div");
    this.element.className = "runner-races";
    this.reset();
  }

  // A new run: nothing to show until its races come.
  reset() {
    this.element.hidden = true;
    this.element.removeAttribute("data-races");
    this.element.replaceChildren();
  }

  // `races` as the worker sends them; `replayHref` the link to the Replay of the run
  // where they were seen (none: no link), or a function of each race that gives its
  // own (an exploration's races come from different runs).
  show(races, { replayHref = null } = {}) {
    const hrefOf = typeof replayHref === "function" ? replayHref : () => replayHref;
    this.element.dataset.races = JSON.stringify(racesData(races));
    const summary = document.createElement("p");
    summary.className = "runner-races__summary";
    summary.textContent = heading(races);
    this.element.replaceChildren(summary);
    if (races.length) {
      const list = document.createElement("ol");
      list.className = "runner-races__list";
      list.append(...races.map((race) => raceItem(race, hrefOf(race))));
      this.element.append(list);
    }
    this.element.hidden = false;
  }
}
