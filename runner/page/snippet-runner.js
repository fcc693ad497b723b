// A runnable snippet on a chapter page. The page's highlighted code stays as it is;
// below it come Run and Stop, Edit (which swaps in an editable copy, with Reset to
// go back to the original), Open in playground, and the output.
import { button } from "./buttons.js";
import { createCodeEditor } from "./code-editor.js";
import { playgroundLink } from "./code-link.js";
import { playgroundUrl } from "./config.js";
import { RunControls } from "./run-controls.js";

export function mountSnippetRunner(root, pool) {
  const original = root.dataset.source;
  const name = root.dataset.snippet;
  const codeBlock = root.querySelector(".highlight");
  let editing = false;

  const editor = createCodeEditor({ code: original, label: `Editable code of ${name}` });
  const caption = document.createElement("div");
  caption.className = "runner-editor-caption";
  caption.textContent = `${name} (your copy)`;
  const editorArea = document.createElement("div");
  editorArea.className = "runner-editor-area";
  editorArea.hidden = true;
  editorArea.append(caption, editor.textarea, editor.hint);

  const controls = new RunControls(root, {
    pool,
    getCode: () => (editing ? editor.textarea.value : original),
    recordedOutput: JSON.parse(root.dataset.expected || "[]"),
  });
  const editButton = button("Edit", "edit");
  const resetButton = button("Reset", "reset");
  resetButton.hidden = true;
  const openLink = button("Open in playground", "open", { href: playgroundLink(playgroundUrl, original) });
  controls.addButtons(editButton, resetButton, openLink);

  // The link opens the code as it is now, with the last run ready to replay when it
  // ran that very code.
  function updateLink() {
    const code = editing ? editor.textarea.value : original;
    const last = controls.lastRun;
    const schedule = last && last.token && last.code === code ? last.token : null;
    openLink.href = playgroundLink(playgroundUrl, code, schedule);
  }
  root.addEventListener("runner-started", updateLink);
  root.addEventListener("runner-finished", updateLink);

  function setEditing(on) {
    editing = on;
    codeBlock.hidden = on;
    editorArea.hidden = !on;
    editButton.hidden = on;
    resetButton.hidden = !on;
  }

  editButton.addEventListener("click", () => {
    setEditing(true);
    editor.fit();
    editor.textarea.focus();
  });
  resetButton.addEventListener("click", () => {
    editor.textarea.value = original;
    setEditing(false);
    updateLink();
    editButton.focus();
  });
  editor.textarea.addEventListener("input", updateLink);

  codeBlock.after(editorArea, controls.toolbar, controls.panel);
  return controls;
}
