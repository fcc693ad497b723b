// The output of a run. It is text, never HTML: everything goes in with text nodes.
// stdout and stderr go into spans of their own (`data-stream`), told apart by style and,
// for screen readers, by a hidden "Error output:" before each stretch of stderr.
// Programs can print far faster than a screen refreshes, so chunks are queued and
// written once per animation frame; the page stays responsive during a flood.
import { OutputCap } from "./output-cap.js";
import { OutputCopy } from "./output-copy.js";
import { TerminalText } from "./terminal-text.js";

const NEAR_BOTTOM_PX = 24;
// The log is cut into blocks ("pages") of whole lines. A browser lays out the text of
// one block as one paragraph: appending to a single huge one costs more with every
// line, while appending to a small last page costs the same at line 10 and 10,000.
// Pages out of view are skipped by layout (`content-visibility: auto` in runner.css)
// while the program prints; once the run is over they are laid out again, a few in
// each frame (`runner-log__page--settled`): skipped pages are missing from `innerText`
// and, in Chromium, from the accessibility tree, which would leave screen readers most
// of a long output. All at once, 2,000,000 characters would hold the page for half a
// second.
const PAGE_CHARS = 4096;
// A line without end (a flood of print(..., end="")) goes on in a new page past this
// size: each page is laid out alone, so the page keeps answering and Stop is quick.
// The line then breaks there on screen, and in a copy of it.
const LINE_PAGE_CHARS = 16384;
const LINE_HEIGHT_EM = 1.4; // as in runner.css
// What one animation frame writes at most; the rest waits for the next frames, so that
// a flood cannot hold the page for long.
const FRAME_CHARS = 32768;
const SETTLE_PAGES = 8; // about as many characters in a frame

export class OutputLog {
  constructor() {
    this.element = document.createElement("pre");
    this.element.className = "runner-log";
    this.element.setAttribute("role", "log");
    this.element.setAttribute("aria-label", "Output");
    // Scrollable, so it must be reachable with the keyboard.
    this.element.tabIndex = 0;
    // Ctrl+A (⌘+A) in the log selects the output, all of it, not the whole page.
    this.element.addEventListener("keydown", (event) => {
      if (event.key.toLowerCase() !== "a" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      getSelection().selectAllChildren(this.element);
    });
    this.copy = new OutputCopy(() => this.fullText());
    this.reset({ maxOutputLines: Infinity, maxOutputChars: Infinity });
  }

  reset(limits) {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.settling) cancelAnimationFrame(this.settling);
    this.frame = 0;
    this.settling = 0;
    this.pending = [];
    this.element.replaceChildren();
    this.copy.clear();
    this.page = null;
    this.pageChars = 0;
    this.tail = null; // { stream, text: Text } of the span being written to
    this.lastStream = null; // what the last program output was (stdout or stderr)
    this.endsWithNewline = true;
    this.cap = new OutputCap(limits);
    this.terminal = { stdout: new TerminalText(), stderr: new TerminalText() };
  }

  // Queue what the program printed. Returns false once the output cap is reached:
  // what goes past it is dropped.
  write(stream, text) {
    const kept = this.cap.take(text);
    if (kept) this.queue({ stream, text: kept });
    return !this.cap.full;
  }

  // All that was written to one stream ("stdout" or "stderr"), once flushed.
  text(stream) {
    const spans = this.element.querySelectorAll(`[data-stream="${stream}"]`);
    return Array.from(spans, (span) => span.textContent).join("");
  }

  // All of the log as a reader sees it, in order: output, notes and recorded lines.
  fullText() {
    this.flush();
    const spans = this.element.querySelectorAll("[data-stream]");
    return Array.from(spans, (span) => span.textContent).join("");
  }

  // The run is over: every page is laid out, for innerText and screen readers.
  settle() {
    this.flush();
    const pages = Array.from(this.element.querySelectorAll(".runner-log__page"));
    const step = () => {
      this.settling = 0;
      for (const page of pages.splice(0, SETTLE_PAGES)) page.classList.add("runner-log__page--settled");
      if (pages.length) this.settling = requestAnimationFrame(step);
    };
    step();
  }

  // A message from the runner itself, on a line of its own.
  note(text, tone = "info") {
    this.queue({ stream: "note", text, tone });
  }

  // Lines recorded on CPython, shown when this browser cannot run the program.
  recorded(lines) {
    this.queue({ stream: "recorded", text: lines.map((line) => line + "\n").join("") });
  }

  queue(chunk) {
    this.pending.push(chunk);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush(FRAME_CHARS));
  }

  // Write what is queued: everything (before a run's final state is shown), or about
  // `budget` characters, the rest in the next frame.
  flush(budget = Infinity) {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const log = this.element;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
    let left = budget;
    while (this.pending.length && left > 0) {
      const chunk = this.pending[0];
      if (chunk.text.length > left && (chunk.stream === "stdout" || chunk.stream === "stderr")) {
        this.render({ stream: chunk.stream, text: chunk.text.slice(0, left) });
        chunk.text = chunk.text.slice(left);
        break;
      }
      this.render(this.pending.shift());
      left -= chunk.text.length;
    }
    if (atBottom) log.scrollTop = log.scrollHeight;
    if (this.pending.length) this.frame = requestAnimationFrame(() => this.flush(FRAME_CHARS));
  }

  render({ stream, text, tone }) {
    if (stream === "stdout" || stream === "stderr") return this.renderOutput(stream, text);
    const span = this.openSpan(stream);
    if (tone) span.classList.add(`runner-note--${tone}`);
    span.append(this.endsWithNewline ? "" : "\n", text.endsWith("\n") ? text : text + "\n");
    this.pageChars += text.length;
    this.tail = null;
    this.lastStream = null;
    this.endsWithNewline = true;
  }

  // The text as a terminal shows it: colours left out, `\r` back to the line's start.
  renderOutput(stream, text) {
    for (const piece of this.terminal[stream].pieces(text)) {
      if (piece === "\r") this.clearLine();
      else this.append(stream, piece);
    }
  }

  // Empties the line being written, as far back as this page goes.
  clearLine() {
    if (!this.page || this.endsWithNewline) return;
    const spans = this.page.querySelectorAll("[data-stream]");
    for (let index = spans.length - 1; index >= 0; index--) {
      if (!["stdout", "stderr"].includes(spans[index].dataset.stream)) return;
      const text = spans[index].firstChild;
      const lineStart = text.data.lastIndexOf("\n") + 1;
      this.pageChars -= text.length - lineStart;
      text.deleteData(lineStart, text.length - lineStart);
      if (lineStart > 0) return;
    }
  }

  append(stream, text) {
    let rest = text;
    while (rest) {
      const full = this.pageChars >= (this.endsWithNewline ? PAGE_CHARS : LINE_PAGE_CHARS);
      if (!this.page || full) this.newPage();
      // Fill the page up to the end of the line that crosses its size.
      let piece = rest;
      const room = PAGE_CHARS - this.pageChars;
      if (rest.length > room) {
        const lineEnd = rest.indexOf("\n", Math.max(room - 1, 0));
        if (lineEnd !== -1) piece = rest.slice(0, lineEnd + 1);
      }
      const lineRoom = LINE_PAGE_CHARS - this.pageChars;
      if (piece.length > lineRoom && piece.lastIndexOf("\n", lineRoom - 1) === -1) {
        piece = rest.slice(0, Math.max(lineRoom, 1));
      }
      if (this.tail?.stream !== stream) {
        const span = this.openSpan(stream);
        this.tail = { stream, text: span.firstChild };
      }
      this.tail.text.appendData(piece);
      this.pageChars += piece.length;
      this.endsWithNewline = piece.endsWith("\n");
      this.lastStream = stream;
      rest = rest.slice(piece.length);
    }
  }

  newPage() {
    // A finished page that scrolls out of view keeps about its height.
    if (this.page) {
      const lines = this.page.textContent.split("\n").length - 1;
      this.page.style.containIntrinsicSize = `auto ${lines * LINE_HEIGHT_EM}em`;
    }
    this.page = document.createElement("span");
    this.page.className = "runner-log__page";
    this.element.append(this.page);
    this.pageChars = 0;
    this.tail = null;
  }

  openSpan(stream) {
    if (!this.page) this.newPage();
    if (stream === "stderr" && this.lastStream !== "stderr") {
      const label = document.createElement("span");
      label.className = "runner-sr-only";
      label.textContent = "Error output: ";
      this.page.append(label);
    }
    const span = document.createElement("span");
    span.className = `runner-${stream}`;
    span.dataset.stream = stream;
    span.append(document.createTextNode(""));
    this.page.append(span);
    return span;
  }
}
