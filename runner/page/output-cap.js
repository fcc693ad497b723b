// The output cap of one run: at most `maxOutputLines` lines and `maxOutputChars`
// characters of what the program prints are shown. What goes past the cap is cut, and
// the run is stopped (run-session.js); output of exactly the cap is shown whole.

export class OutputCap {
  constructor({ maxOutputLines, maxOutputChars }) {
    this.maxLines = maxOutputLines;
    this.maxChars = maxOutputChars;
    this.lines = 0; // newlines let through
    this.chars = 0;
    this.full = false; // something was cut: the cap is reached
  }

  // The part of `text` that fits under the cap ("" once it is full).
  take(text) {
    if (this.lines >= this.maxLines && text) this.full = true;
    if (this.full || !text) return "";
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
    return kept;
  }

  // The runner's note once the cap is reached: which of the two it was.
  note() {
    const cap = this.lines >= this.maxLines
      ? `${this.maxLines.toLocaleString("en")} lines`
      : `${this.maxChars.toLocaleString("en")} characters`;
    return `Output cut after ${cap}: the program was stopped.`;
  }
}
