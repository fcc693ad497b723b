// The Race check switch: a checkbox with that accessible name, and a line on what it
// does. Off for Run (the check slows a run down), on in Explore and Step through.
let toggles = 0;

export function raceToggle({ checked }) {
  const id = `runner-race-check-${++toggles}`;
  const element = document.createElement("span");
  element.className = "runner-race-toggle";
  const input = document.createElement("input");
  input.type = "checkbox";
  input.id = id;
  input.checked = checked;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = "Race check";
  label.title = "Watch the program's shared variables and report the accesses no lock protects";
  element.append(input, label);
  return { element, input, get on() { return input.checked; } };
}
