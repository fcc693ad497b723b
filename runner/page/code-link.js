// A program travels in a link as `#code=<base64url of its UTF-8 text>`: nothing is
// uploaded anywhere, and the link works on any copy of the site. A recorded run of it
// can come along: `#code=…&schedule=<token>` (the worker's schedule-token.mjs).

function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

// Accepts padded or unpadded base64url (and plain base64): atob takes either, as the
// HTML standard's "forgiving base64" says. Throws on anything else.
function decodeCode(text) {
  const base64 = text.trim().replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

const CODE = /^code=([A-Za-z0-9_\-+/=%]*)$/;
// A token's shape: four parts, all URL-safe. Whether it can be replayed only the worker
// can tell (its format, Python and runtime, its payload), and it says why not.
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function isScheduleToken(text) {
  return typeof text === "string" && TOKEN.test(text);
}

// The code of a link that holds nothing else, or null. Throws when it cannot be read.
export function codeFromHash(hash) {
  const match = hash.startsWith("#") && CODE.exec(hash.slice(1));
  return match ? decodeCode(decodeURIComponent(match[1])) : null;
}

// What a playground link holds: null when the hash is no code link (a heading's
// anchor, say), else { code, schedule, scheduleUnreadable }: `schedule` is the token
// when there is one of the right shape, `scheduleUnreadable` true when there is one of
// another. Throws when the code cannot be read.
export function linkFromHash(hash) {
  if (!hash.startsWith("#code=")) return null;
  const [codePart, ...rest] = hash.slice(1).split("&");
  const code = CODE.exec(codePart);
  if (!code) throw new Error("the code in this link is not base64url");
  const link = {
    code: decodeCode(decodeURIComponent(code[1])),
    schedule: null,
    scheduleUnreadable: false,
  };
  const schedulePart = rest.find((part) => part.startsWith("schedule="));
  if (schedulePart !== undefined) {
    let token = null;
    try {
      token = decodeURIComponent(schedulePart.slice("schedule=".length));
    } catch {
      // bad percent-encoding: unreadable, like any other bad shape
    }
    if (isScheduleToken(token)) link.schedule = token;
    else link.scheduleUnreadable = true;
  }
  return link;
}

export function playgroundLink(playgroundUrl, code, schedule = null) {
  const scheduled = schedule ? `&schedule=${schedule}` : "";
  return new URL(`#code=${encodeCode(code)}${scheduled}`, playgroundUrl).href;
}
