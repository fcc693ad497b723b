// The playground page: a program to edit and run, opened from and shared as a link
// `playground/#code=<base64url of the program>`, with `&schedule=<token>` when the link
// holds a recorded run of it too: Run then replays that run, once.
import { button } from "./buttons.js";
import { createCodeEditor } from "./code-editor.js";
import { linkFromHash, playgroundLink } from "./code-link.js";
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

const CODE_UNREADABLE = "The code in this link could not be read, so the playground shows its own example.";
const SCHEDULE_UNREADABLE =
  "The recorded run in this link could not be read: Run runs the code afresh and records a new one.";
const SCHEDULE_READY = "This link holds a recorded run of this code: Run replays it.";
const SCHEDULE_FOR_OLD_CODE =
  "The link's recorded run was for the code as it was in the link, so this run is a new one.";

// The longest link Firefox opens (its network.standard-url.max-length, 1 MiB);
// Chromium's limit is twice that (url::kMaxURLChars, 2 MiB). A longer link is still
// copied, with a warning.
const LONGEST_LINK = 1048576;

function withLengthWarning(said, link) {
  if (link.length <= LONGEST_LINK) return said;
  return (
    `${said} It is ${link.length.toLocaleString("en")} characters long: browsers ` +
    `open links of up to about ${LONGEST_LINK.toLocaleString("en")}, so it may not open. ` +
    "Share the program as a file instead."
  );
}

export function mountPlayground(root, pool) {
  const editor = createCodeEditor({ code: "", label: "Python code" });
  // The link's recorded run, {code, token}, until the first Run uses it (or not).
  let fromLink = null;
  const controls = new RunControls(root, {
    pool,
    getCode: () => editor.textarea.value,
    // A Run: the link's recorded run if the code is still the link's; recorded anew after.
    adjustRun(options) {
      if (!fromLink || options.schedule) return options;
      const { code, token } = fromLink;
      fromLink = null;
      if (options.code === code) return { ...options, schedule: token };
      return { ...options, notes: [...options.notes, SCHEDULE_FOR_OLD_CODE] };
    },
  });
  const copyButton = button("Copy link", "link");
  const copyStatus = document.createElement("span");
  copyStatus.className = "runner-copy-status";
  copyStatus.setAttribute("role", "status");
  controls.addButtons(copyButton, copyStatus);

  function load() {
    fromLink = null;
    let link = null;
    let message = "";
    try {
      link = linkFromHash(location.hash);
    } catch {
      message = CODE_UNREADABLE;
    }
    if (link?.scheduleUnreadable) message = SCHEDULE_UNREADABLE;
    else if (link?.schedule) {
      fromLink = { code: link.code, token: link.schedule };
      message = SCHEDULE_READY;
    }
    editor.textarea.value = link ? link.code : STARTER;
    copyStatus.textContent = message;
    editor.fit();
  }

  // The token to put in a link for this code: the last run's, if it ran this code.
  function scheduleOf(code) {
    const last = controls.lastRun;
    if (last?.token && last.code === code) return last.token;
    if (fromLink?.code === code) return fromLink.token;
    return null;
  }

  copyButton.addEventListener("click", async () => {
    const code = editor.textarea.value;
    const link = playgroundLink(playgroundUrl, code, scheduleOf(code));
    // The address bar holds the link too, so it can be copied from there as well.
    history.replaceState(null, "", link);
    try {
      await navigator.clipboard.writeText(link);
      copyStatus.textContent = withLengthWarning("Link copied.", link);
    } catch {
      copyStatus.textContent = withLengthWarning("Copy the link from the address bar.", link);
    }
  });
  editor.textarea.addEventListener("input", () => (copyStatus.textContent = ""));
  window.addEventListener("hashchange", load);

  load();
  // Run above the code, the output beside it on a wide screen (below it on a narrow
  // one): after Run, the output is in sight without scrolling. Its place is kept from
  // the start, so that nothing moves when the first run starts.
  const editorPane = document.createElement("div");
  editorPane.className = "runner-playground__editor";
  editorPane.append(editor.textarea, editor.hint);
  const panes = document.createElement("div");
  panes.className = "runner-playground__panes";
  panes.append(editorPane, controls.panel);
  controls.panel.hidden = false;
  root.replaceChildren(controls.toolbar, panes);
  return controls;
}
