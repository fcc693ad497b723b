// A run's schedule as a token: compact, URL-safe, and naming what it was recorded on.
//
//   s1.<python>.<runtime>.<payload>
//
// `s1` is this format; <python> the Python version with dashes (3-14-0); <runtime> the
// runtime's own id (webthreads/install.py: a hash of its files and of sys.version);
// <payload> the recorded inputs, deflated and in base64url. A token from another
// format, Python or runtime is refused with a sentence that says so, never replayed:
// the same choices on other code or another interpreter would make another run.
//
// The payload holds, in order: the mode ("timed" for a normal run, else the explorer's
// or Step through's granularity; plus RACE_CHECKED when the race check watched the run,
// whose watcher allocates, so that its replay must watch too), a hash of the program's source and of what the run printed (so that a
// replay can tell it went its own way), the key of the run's random numbers, then one
// section per recorded stream (schedule-log.mjs): the interpreter's signal polls, the
// two clocks and the scheduler's choices.

export const FORMAT = "s1";
export const MODES = ["timed", "switch-points", "line", "bytecode", "blocking"];
const RACE_CHECKED = 64; // added to the mode's number; tokens without it read as before

export class ScheduleError extends Error {}

const DAMAGED = "This schedule token is damaged: it cannot be read. Run the program to record a new one.";

// FNV-1a over the UTF-16 code units of a string: enough to tell programs apart. Go on
// from `hash` to hash text that comes in parts.
export function hashText(text, hash = 0x811c9dc5) {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// --- bytes ---------------------------------------------------------------------------

class Writer {
  constructor() {
    this.bytes = new Uint8Array(256);
    this.length = 0;
  }
  room(n) {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  byte(value) {
    this.room(1);
    this.bytes[this.length++] = value;
  }
  varint(value) {
    // Unsigned, up to 2**53: seven bits a byte, low bits first.
    if (!(value >= 0) || !Number.isSafeInteger(value)) throw new RangeError(`not a count: ${value}`);
    while (value >= 0x80) {
      this.byte((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.byte(value);
  }
  signed(value) {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }
  raw(bytes) {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  float(value) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    this.raw(new Uint8Array(view.buffer));
  }
  done() {
    return this.bytes.slice(0, this.length);
  }
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }
  byte() {
    if (this.at >= this.bytes.length) throw new ScheduleError(DAMAGED);
    return this.bytes[this.at++];
  }
  varint() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new ScheduleError(DAMAGED);
    }
  }
  signed() {
    const value = this.varint();
    return value % 2 ? -(value + 1) / 2 : value / 2;
  }
  raw(n) {
    if (this.at + n > this.bytes.length) throw new ScheduleError(DAMAGED);
    const bytes = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return bytes;
  }
  float() {
    return new DataView(this.raw(8).buffer).getFloat64(0, true);
  }
}

// --- streams -------------------------------------------------------------------------

// Clock readings in milliseconds, as performance.now() and Date.now() give them: each
// is stored as the change from the one before in whole microseconds when that gives
// back the very same number (and is not too large), else as the number itself (1, then
// 8 bytes).
function writeTimes(writer, times) {
  writer.varint(times.length);
  let previous = 0;
  for (const time of times) {
    const micros = Math.round(time * 1000);
    // A change stored as 4 times itself must stay a safe integer: a time of day is
    // about 2**51 microseconds after 1970 some time in 2041.
    if (micros / 1000 === time && Number.isSafeInteger(4 * (micros - previous))) {
      writer.signed(2 * (micros - previous)); // even: a change in microseconds
      previous = micros;
    } else {
      writer.signed(1);
      writer.float(time);
      previous = Math.round(time * 1000);
    }
  }
}

function readTimes(reader) {
  const count = reader.varint();
  const times = new Array(count);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const step = reader.signed();
    if (step === 1) {
      times[i] = reader.float();
      previous = Math.round(times[i] * 1000);
    } else {
      previous += step / 2;
      times[i] = previous / 1000;
    }
  }
  return times;
}

function writeCounts(writer, counts) {
  writer.varint(counts.length);
  for (const count of counts) writer.varint(count);
}

function readCounts(reader) {
  const length = reader.varint();
  if (length > reader.bytes.length) throw new ScheduleError(DAMAGED);
  const counts = new Array(length);
  for (let i = 0; i < length; i++) counts[i] = reader.varint();
  return counts;
}

// --- base64url and deflate -----------------------------------------------------------

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ScheduleError(DAMAGED);
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  let binary;
  try {
    binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  } catch {
    throw new ScheduleError(DAMAGED);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function transform(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

// --- the token -----------------------------------------------------------------------

// schedule: {mode, raceCheck, code, printed, key, polls, perf, date, choices}
// (schedule-log.mjs; `raceCheck` true when the run was watched by the race check);
// made: {python, runtime}, what it was recorded on.
export async function encodeSchedule(schedule, made) {
  const writer = new Writer();
  writer.varint(MODES.indexOf(schedule.mode) + (schedule.raceCheck ? RACE_CHECKED : 0));
  writer.varint(schedule.code);
  writer.varint(schedule.printed);
  writer.raw(schedule.key);
  writeCounts(writer, schedule.polls);
  writeTimes(writer, schedule.perf);
  writeTimes(writer, schedule.date);
  writeCounts(writer, schedule.choices);
  const payload = toBase64Url(await transform(writer.done(), new CompressionStream("deflate-raw")));
  return [FORMAT, made.python.replaceAll(".", "-"), made.runtime, payload].join(".");
}

// Reads a token made by encodeSchedule on `made`, or throws a ScheduleError saying in a
// sentence why it cannot be replayed here.
export async function decodeSchedule(token, made) {
  if (typeof token !== "string") throw new ScheduleError(DAMAGED);
  const parts = token.trim().split(".");
  if (parts.length !== 4 || !parts[0].startsWith("s")) throw new ScheduleError(DAMAGED);
  const [format, python, runtime, payload] = parts;
  if (format !== FORMAT) {
    throw new ScheduleError(
      "This schedule was recorded in another format, by another version of the runner. " +
        "Run the program to record a new one.",
    );
  }
  const recordedOn = python.replaceAll("-", ".");
  if (recordedOn !== made.python || runtime !== made.runtime) {
    const where = recordedOn === made.python ? `another build of the runtime (${runtime})` : `Python ${recordedOn}`;
    throw new ScheduleError(
      `This schedule was recorded on ${where}, and this page runs Python ${made.python} ` +
        `(runtime ${made.runtime}): a schedule replays only on the runtime that recorded it. ` +
        "Run the program to record a new one.",
    );
  }
  let bytes;
  try {
    bytes = await transform(fromBase64Url(payload), new DecompressionStream("deflate-raw"));
  } catch (error) {
    if (error instanceof ScheduleError) throw error;
    throw new ScheduleError(DAMAGED);
  }
  const reader = new Reader(bytes);
  const modeField = reader.varint();
  const raceCheck = modeField >= RACE_CHECKED;
  const mode = MODES[modeField - (raceCheck ? RACE_CHECKED : 0)];
  if (!mode) throw new ScheduleError(DAMAGED);
  const schedule = {
    mode,
    raceCheck,
    code: reader.varint(),
    printed: reader.varint(),
    key: reader.raw(32),
    polls: readCounts(reader),
    perf: readTimes(reader),
    date: readTimes(reader),
    choices: readCounts(reader),
  };
  if (reader.at !== bytes.length) throw new ScheduleError(DAMAGED);
  return schedule;
}

export const OTHER_CODE =
  "This schedule was recorded for a different program: it replays only the code it was " +
  "recorded with. Run the program to record a new one.";
