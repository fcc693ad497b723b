// A plain <textarea> for Python, styled like the site's code blocks. Tab indents
// (Shift+Tab dedents) so code can be written comfortably; pressing Escape first lets
// Tab move the focus on, so the keyboard never gets stuck here.

const INDENT = "    ";
let hintCount = 0;

export function createCodeEditor({ code, label }) {
  const textarea = document.createElement("textarea");
  textarea.className = "runner-editor";
  textarea.value = code;
  textarea.spellcheck = false;
  textarea.wrap = "off";
  textarea.setAttribute("autocapitalize", "off");
  textarea.setAttribute("autocomplete", "off");
  textarea.setAttribute("aria-label", label);

  const hint = document.createElement("p");
  hint.className = "runner-hint";
  hint.id = `runner-hint-${++hintCount}`;
  hint.textContent = "Ctrl+Enter (⌘+Enter) runs · Tab indents · Esc then Tab leaves the editor";
  textarea.setAttribute("aria-describedby", hint.id);

  let tabMovesFocus = false;
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Escape") tabMovesFocus = true;
    else if (event.key === "Tab" && !tabMovesFocus && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      indent(textarea, event.shiftKey ? -1 : 1);
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      newlineWithIndent(textarea);
    }
    if (event.key !== "Escape") tabMovesFocus = false;
  });
  textarea.addEventListener("input", () => fitHeight(textarea));
  textarea.addEventListener("blur", () => (tabMovesFocus = false));

  return { textarea, hint, fit: () => fitHeight(textarea) };
}

// Show the whole program without an inner scrollbar, up to a limit.
function fitHeight(textarea) {
  const lines = textarea.value.split("\n").length;
  textarea.rows = Math.min(Math.max(lines, 3), 40);
}

// Through execCommand, the browser's undo keeps working; setRangeText where it is gone.
function insert(textarea, text, start, end) {
  textarea.setSelectionRange(start, end);
  if (!document.execCommand("insertText", false, text)) {
    textarea.setRangeText(text, start, end, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function indent(textarea, direction) {
  const { value, selectionStart, selectionEnd } = textarea;
  const lineStart = value.lastIndexOf("\n", selectionStart - 1) + 1;
  if (direction > 0 && selectionStart === selectionEnd) {
    const column = selectionStart - lineStart;
    insert(textarea, " ".repeat(INDENT.length - (column % INDENT.length)), selectionStart, selectionEnd);
    return;
  }
  const blockEnd = value.indexOf("\n", Math.max(selectionEnd - 1, selectionStart));
  const end = blockEnd === -1 ? value.length : blockEnd;
  const lines = value.slice(lineStart, end).split("\n");
  const changed = lines
    .map((line) => (direction > 0 ? INDENT + line : line.replace(/^ {1,4}/, "")))
    .join("\n");
  insert(textarea, changed, lineStart, end);
  textarea.setSelectionRange(lineStart, lineStart + changed.length);
}

function newlineWithIndent(textarea) {
  const { value, selectionStart, selectionEnd } = textarea;
  const lineStart = value.lastIndexOf("\n", selectionStart - 1) + 1;
  const line = value.slice(lineStart, selectionStart);
  let leading = /^[ \t]*/.exec(line)[0];
  if (/:\s*(#.*)?$/.test(line)) leading += INDENT;
  insert(textarea, "\n" + leading, selectionStart, selectionEnd);
}
