// Node entry point: instantiates the WebAssembly module synchronously at
// import, so `import { estimate } from "coursecost"` needs no init call.
// Browsers and bundlers get ./index.js and call `await init()` once.
import { readFileSync } from "node:fs";
import { initSync } from "./coursecost.js";

const exports = initSync({ module: readFileSync(new URL("./coursecost_bg.wasm", import.meta.url)) });

/** Already initialised under Node; kept so isomorphic code can `await init()`. */
export default async function init() {
  return exports;
}

export { initSync, estimate, validate, range, compare, version, currency, minorUnits, planFields, presets, preset, coverageExamples } from "./index.js";
