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
 * The engine of one entry: `ready` once its wasm is loaded, `check()`,
 * which throws an `Error` saying to await `init()` until then, and
 * `call(f)`, which wraps one of its functions so that a call before
 * `init()` says so and the engine's errors (`Error`s named "PlanError" with
 * `code`, `path` and `problems`) become `PlanError`s: the same object, given
 * the class. (The wasm-bindgen functions throw a TypeError when called
 * before `init()`, hence the check only when something was thrown.)
 */
export const engine = (entry) => {
  const state = {
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
