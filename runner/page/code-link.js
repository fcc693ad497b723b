// A program travels in a link as `#code=<base64url of its UTF-8 text>`: nothing is
// uploaded anywhere, and the link works on any copy of the site.

export function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

// Accepts padded or unpadded base64url (and plain base64); throws on anything else.
export function decodeCode(text) {
  const base64 = text.trim().replaceAll("-", "+").replaceAll("_", "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function codeFromHash(hash) {
  const match = /^#code=([A-Za-z0-9_\-+/=%]*)$/.exec(hash);
  return match ? decodeCode(decodeURIComponent(match[1])) : null;
}

export function playgroundLink(playgroundUrl, code) {
  return new URL(`#code=${encodeCode(code)}`, playgroundUrl).href;
}
