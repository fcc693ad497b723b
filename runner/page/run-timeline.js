// The Timeline view under a run's output: when the worker sent the run's timeline
// (`{type: "timeline", data}` before `done`), a Timeline toggle appears once the run is
// over, and opening it draws the timeline with timeline/timeline.js,
// loaded only then.
import { button } from "./buttons.js";

let views = 0;

export class RunTimeline {
  constructor() {
    this.toggle = button("Timeline", "timeline", { className: "runner-button--timeline" });
    this.view = document.createElement("div");
    this.view.className = "runner-timeline__view";
    this.view.id = `runner-timeline-${++views}`;
    this.toggle.setAttribute("aria-controls", this.view.id);
    this.element = document.createElement("div");
    this.element.className = "runner-timeline";
    this.element.append(this.toggle, this.view);
    this.toggle.addEventListener("click", () => this.setOpen(!this.open));
    this.reset();
  }

  // A new run: nothing to show until it sends its timeline.
  reset() {
    this.data = null;
    this.drawn = false;
    this.open = false;
    this.element.hidden = true;
    this.view.hidden = true;
    this.view.replaceChildren();
    this.toggle.setAttribute("aria-expanded", "false");
  }

  receive(data) {
    this.data = data;
  }

  // The run is over: offer the timeline if it came.
  finish() {
    this.element.hidden = this.data == null;
  }

  async setOpen(open) {
    this.open = open;
    this.toggle.setAttribute("aria-expanded", String(open));
    this.view.hidden = !open;
    if (!open || this.drawn || this.data == null) return;
    this.drawn = true;
    const data = this.data;
    try {
      const { renderTimeline } = await import("../timeline/timeline.js");
      if (this.data === data) renderTimeline(this.view, data);
    } catch (error) {
      this.drawn = false;
      const note = document.createElement("p");
      note.className = "runner-note runner-note--error";
      note.textContent = `The timeline could not be drawn: ${error.message || error}`;
      this.view.replaceChildren(note);
    }
  }
}
