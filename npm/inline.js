// `coursecost/inline`: the main entry with its wasm inside the JavaScript
// (coursecost_wasm.js, base64), for bundlers that do not copy the wasm file
// a `new URL(…, import.meta.url)` names (esbuild, Rollup, `bun build`).
// `await init()` as with the main entry; it compiles the carried bytes and
// downloads nothing. It costs about a third more bytes than the wasm file
// (base64), measured in README.md.
import wasm from "./coursecost_wasm.js";
import { fromBase64 } from "./base64.js";
import { useSource } from "./main.js";

useSource(() => fromBase64(wasm));

export {
  default, initSync, estimate, validate, range, compare, version, minorUnits, planFields,
  currency, presets, preset, coverageExamples, PlanError,
} from "./main.js";
