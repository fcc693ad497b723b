// Copy output: puts the whole of a run's output on the clipboard, as text. The log's
// blocks out of view are skipped by layout, so a copy of what is selected on screen is
// not always all of it; this copies the log's text itself.
import { button } from "./buttons.js";

const COPIED = "Output copied.";
const NOT_ALLOWED = "This browser did not allow copying: select the output (Ctrl+A in it) and copy that.";

export class OutputCopy {
  // textOf(): the text to copy, all of it.
  constructor(textOf) {
    this.button = button("Copy output", "copy", { className: "runner-button--small" });
    this.status = document.createElement("span");
    this.status.className = "runner-output__copy-status";
    this.status.setAttribute("role", "status");
    this.element = document.createElement("span");
    this.element.className = "runner-output__copy";
    this.element.append(this.status, this.button);
    this.button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(textOf());
        this.status.textContent = COPIED;
      } catch {
        this.status.textContent = NOT_ALLOWED;
      }
    });
  }

  clear() {
    this.status.textContent = "";
  }
}
