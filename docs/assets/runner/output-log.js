// The output of a run. It is text, never HTML: everything goes in with text nodes.
// stdout and stderr go into spans of their own (`data-stream`), told apart by style and,
// for screen readers, by a hidden "Error output:" before each stretch of stderr.
// Programs can print far faster than a screen refreshes, so chunks are queued and
// written once per animation frame; the page stays responsive during a flood.

const NEAR_BOTTOM_PX = 24;
// Long output goes into many text nodes, not one: the browser then lays out only what
// was added, and a flood stays cheap to show.
const SPAN_CHARS = 8192;

export class OutputLog {
  constructor() {
    this.element = document.createElement("pre");
    this.element.className = "runner-log";
    this.element.setAttribute("role", "log");
    this.element.setAttribute("aria-label", "Output");
    // Scrollable, so it must be reachable with the keyboard.
    this.element.tabIndex = 0;
    this.reset({ maxOutputLines: Infinity, maxOutputChars: Infinity });
  }

  reset(limits) {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.element.replaceChildren();
    this.tail = null; // { stream, text: Text } of the last span written
    this.endsWithNewline = true;
    this.lines = 0;
    this.chars = 0;
    this.full = false;
    this.maxLines = limits.maxOutputLines;
    this.maxChars = limits.maxOutputChars;
  }

  // Queue what the program printed. Returns false once the output cap is reached:
  // what goes past it is dropped.
  write(stream, text) {
    if (this.lines >= this.maxLines && text) this.full = true;
    if (this.full || !text) return !this.full;
    let kept = text;
    if (this.chars + kept.length > this.maxChars) {
      kept = kept.slice(0, this.maxChars - this.chars);
      this.full = true;
    }
    let newline = kept.indexOf("\n");
    while (newline !== -1) {
      this.lines += 1;
      if (this.lines >= this.maxLines && newline < kept.length - 1) {
        kept = kept.slice(0, newline + 1);
        this.full = true;
        break;
      }
      newline = kept.indexOf("\n", newline + 1);
    }
    this.chars += kept.length;
    if (kept) this.queue({ stream, text: kept });
    return !this.full;
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
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  // Write everything queued now (before a run's final state is shown).
  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.pending.length) return;
    const log = this.element;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
    for (const chunk of this.pending.splice(0)) this.render(chunk);
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  render({ stream, text, tone }) {
    if (stream === "stdout" || stream === "stderr") {
      const continued = this.tail?.stream === stream;
      if (!continued || this.tail.text.length > SPAN_CHARS) {
        this.tail = this.openSpan(stream, continued);
      }
      this.tail.text.appendData(text);
    } else {
      const span = this.openSpan(stream).span;
      if (tone) span.classList.add(`runner-note--${tone}`);
      span.append(this.endsWithNewline ? "" : "\n", text.endsWith("\n") ? text : text + "\n");
      this.tail = null;
      this.endsWithNewline = true;
      return;
    }
    this.endsWithNewline = text.endsWith("\n");
  }

  openSpan(stream, continued = false) {
    if (stream === "stderr" && !continued) {
      const label = document.createElement("span");
      label.className = "runner-sr-only";
      label.textContent = "Error output: ";
      this.element.append(label);
    }
    const span = document.createElement("span");
    span.className = `runner-${stream}`;
    span.dataset.stream = stream;
    const text = document.createTextNode("");
    span.append(text);
    this.element.append(span);
    return { stream, span, text };
  }
}
