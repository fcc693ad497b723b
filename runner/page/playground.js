// The playground page: a program to edit and run, opened from and shared as a link
// `playground/#code=<base64url of the program>`.
import { button } from "./buttons.js";
import { createCodeEditor } from "./code-editor.js";
import { codeFromHash, playgroundLink } from "./code-link.js";
import { playgroundUrl } from "./config.js";
import { RunControls } from "./run-controls.js";

const STARTER = `import threading
import time


def worker(name, delay):
    time.sleep(delay)
    print(f"{name} finished after {delay} s")


threads = [
    threading.Thread(target=worker, args=(f"thread-{i}", 0.1 * (3 - i)))
    for i in range(3)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("all done")
`;

export function mountPlayground(root, pool) {
  const editor = createCodeEditor({ code: "", label: "Python code" });
  const controls = new RunControls(root, { pool, getCode: () => editor.textarea.value });
  const copyButton = button("Copy link", "link");
  const copyStatus = document.createElement("span");
  copyStatus.className = "runner-copy-status";
  copyStatus.setAttribute("role", "status");
  controls.addButtons(copyButton, copyStatus);

  function load() {
    try {
      editor.textarea.value = codeFromHash(location.hash) ?? STARTER;
      copyStatus.textContent = "";
    } catch {
      editor.textarea.value = STARTER;
      copyStatus.textContent = "The code in this link could not be read.";
    }
    editor.fit();
  }

  copyButton.addEventListener("click", async () => {
    const link = playgroundLink(playgroundUrl, editor.textarea.value);
    // The address bar holds the link too, so it can be copied from there as well.
    history.replaceState(null, "", link);
    try {
      await navigator.clipboard.writeText(link);
      copyStatus.textContent = "Link copied.";
    } catch {
      copyStatus.textContent = "Copy the link from the address bar.";
    }
  });
  editor.textarea.addEventListener("input", () => (copyStatus.textContent = ""));
  window.addEventListener("hashchange", load);

  load();
  root.replaceChildren(editor.textarea, editor.hint, controls.toolbar, controls.panel);
}
