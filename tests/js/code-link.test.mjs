// Playground links (runner/page/code-link.js): `#code=<base64url of the UTF-8 source>`,
// padding optional. Node's own base64url encoder is the reference.
import assert from "node:assert/strict";
import { test } from "node:test";

import { codeFromHash, playgroundLink } from "../../runner/page/code-link.js";

const PLAYGROUND = "https://example.org/site/playground/";
const hashOf = (code) => new URL(playgroundLink(PLAYGROUND, code)).hash;
const base64url = (text) => Buffer.from(text, "utf8").toString("base64url");

const PROGRAMS = {
  ascii: "import threading\nprint('hi')\n",
  "UTF-8": "print('héllo, 世界, 🧵')\n",
  // Bytes whose plain base64 has "+", "/" and padding.
  "base64's own symbols": "~~~???",
  empty: "",
  // Longer than one chunk of the encoder.
  long: "# ünïcode\n".repeat(20000),
};

for (const [name, code] of Object.entries(PROGRAMS)) {
  test(`a link carries the code: ${name}`, () => {
    const link = playgroundLink(PLAYGROUND, code);
    assert.ok(link.startsWith(`${PLAYGROUND}#code=`), link.slice(0, 80));
    assert.equal(new URL(link).hash, `#code=${base64url(code)}`);
    assert.equal(codeFromHash(hashOf(code)), code);
  });
}

test("padding is optional, plain or percent-encoded", () => {
  assert.equal(codeFromHash("#code=aGk"), "hi");
  assert.equal(codeFromHash("#code=aGk="), "hi");
  assert.equal(codeFromHash("#code=aGk%3D"), "hi");
});

test("plain base64 is read too", () => {
  assert.equal(codeFromHash("#code=fn5+Pz8/"), "~~~???");
});

test("a hash that is not a code link gives no code", () => {
  for (const hash of ["", "#", "#codes=aGk", "#code=a b", "#other=aGk"]) {
    assert.equal(codeFromHash(hash), null, hash);
  }
});

test("a malformed code throws", () => {
  // Bad percent-encoding, a length no base64 has, bytes that are not UTF-8.
  for (const hash of ["#code=%%%", "#code=a", "#code=aGk==x", `#code=${Buffer.from([0xff, 0xfe]).toString("base64url")}`]) {
    assert.throws(() => codeFromHash(hash), undefined, hash);
  }
});
