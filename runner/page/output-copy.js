// Copy output: puts the whole of a run's output on the clipboard, as text. The log's
// blocks out of view are skipped by layout, so a copy of what is selected on screen is
// not always all of it; this copies the log's text itself.
import { button } from "./buttons.js";

// Two sheets, one over the other.
const COPY_ICON = "M8 3h10a2 2 0 0 1 2 2v12h-2V5H8zM5 7h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v10h9V9z";
const COPIED = "Output copied.";
const NOT_ALLOWED = "This browser did not allow copying: select the output (Ctrl+A in it) and copy that.";

export class OutputCopy {
  // textOf(): the text to copy, all of it.
  constructor(textOf) {
    this.button = button("Copy output", "link", { className: "runner-button--small" });
    this.button.querySelector("path").setAttribute("d", COPY_ICON);
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
