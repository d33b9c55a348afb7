// The errors of every entry of the package, and the wrapper that gives the
// engine's functions those errors. The wasm throws an `Error` named
// "PlanError" carrying `code`, `path` and `problems`; each entry passes its
// calls through `engine(…).call`, which rethrows that as a `PlanError`, so
// a caller can test `err instanceof PlanError` and TypeScript knows its
// fields. Both entries import this one module, so the main entry's and the
// staff entry's errors are the same class. (Kept small: the visitor page
// carries it within its byte budget.)

/**
 * Invalid input (a plan, an option, a price sheet, a quote's input): the
 * message is the first problem (`"path: …"`), `code` and `path` are that
 * problem's, `problems` lists every one.
 *
 * An `Error` loses its own fields through `structuredClone` and
 * `postMessage`, so send `err.toJSON()` (plain data) and revive it on the
 * other side with `PlanError.from(data)`.
 */
export class PlanError extends Error {
  /** Plain data that `structuredClone`, `postMessage` and `JSON.stringify` keep. */
  toJSON() {
    return { ...this, message: this.message };
  }

  /** A `PlanError` from `toJSON()`'s data (`message`, `code`, `path`, `problems`). */
  static from(data) {
    return Object.assign(new PlanError(data.message), data, { name: "PlanError" });
  }
}

/**
 * The engine of one entry over its wasm-bindgen `glue`: `ready` once its
 * wasm is loaded; `check()`, which throws an `Error` saying to await
 * `init()` until then; `call(f)`, which wraps one of its functions so that
 * a call before `init()` says so and the engine's errors (`Error`s named
 * "PlanError" with `code`, `path` and `problems`) become `PlanError`s: the
 * same object, given the class (the wasm-bindgen functions throw a
 * TypeError when called before `init()`, hence the check only when
 * something was thrown); `init(input)` and `initSync(input)`, which load
 * the wasm (with no `input`, `init` loads every registered entry's, and
 * each loads from `useSource`'s bytes when the inline entry set them, else
 * from the file beside the glue).
 */
export const engine = (entry, glue) => {
  let source; // a function giving the wasm's bytes (the inline entries), or undefined for the file
  const loaded = (output) => ((state.ready = true), output);
  const start = (input) => glue.default(input ?? (source ? { module_or_path: source() } : undefined)).then(loaded);
  register(() => start());
  const state = {
    useSource: (bytes) => (source = bytes),
    init: async (input) => {
      if (input !== undefined) return start(input);
      await startAll();
      return start();
    },
    initSync: (input) => loaded(glue.initSync(input ?? (source ? { module: source() } : undefined))),
    check() {
      if (!state.ready) throw Error(`${entry}: await init() before calling the engine`);
    },
    call: (f) => (...args) => {
      try {
        return f(...args);
      } catch (err) {
        state.check();
        throw err?.name === "PlanError" ? Object.setPrototypeOf(err, PlanError.prototype) : err;
      }
    },
  };
  return state;
};

// Every entry imported on the page registers how to load its wasm, so one
// `await init()` from any of them loads them all (and an entry that is not
// imported is never downloaded).
const starters = [];

/** Registers an entry's loader; `init()` of any entry calls them all. */
export const register = (start) => starters.push(start);

/** Loads the wasm of every registered entry. */
export const startAll = () => Promise.all(starters.map((s) => s()));
