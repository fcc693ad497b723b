// A program travels in a link as `#code=<base64url of its UTF-8 text>`: nothing is
// uploaded anywhere, and the link works on any copy of the site.

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

export function codeFromHash(hash) {
  const match = /^#code=([A-Za-z0-9_\-+/=%]*)$/.exec(hash);
  return match ? decodeCode(decodeURIComponent(match[1])) : null;
}

export function playgroundLink(playgroundUrl, code) {
  return new URL(`#code=${encodeCode(code)}`, playgroundUrl).href;
}
