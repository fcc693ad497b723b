// What a terminal does with the control characters programs print, for one stream of
// the output log: ANSI escape sequences (colours, cursor moves) are left out, never
// shown raw, and a lone `\r` is handed on alone, to take the line back to its start
// (output-log.js). A sequence cut between two writes is kept until its end comes.

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and two-character escapes.
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
const UNFINISHED = /\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?)?$|\r$/;

export class TerminalText {
  constructor() {
    this.carry = "";
  }

  // The pieces of `text` to show: text, and "\r" on its own. `\r\n` is a newline.
  pieces(text) {
    let all = this.carry + text;
    const unfinished = UNFINISHED.exec(all);
    this.carry = unfinished ? unfinished[0] : "";
    if (unfinished) all = all.slice(0, unfinished.index);
    const plain = all.replace(ESCAPE, "").replaceAll("\r\n", "\n");
    return plain.split(/(\r)/).filter(Boolean);
  }
}
