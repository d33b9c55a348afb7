// `coursecost` under Node (ES modules; node.cjs is this file built for
// `require`): the wasm is compiled as the module is imported, so
// `import { estimate } from "coursecost"` needs no init call. The wasm
// travels inside the JavaScript (coursecost_wasm.js), not read from a path:
// a server bundle (Next.js, webpack or esbuild for Node) moves this code
// away from the package's files, and a path beside it would then not exist.
import wasm from "./coursecost_wasm.js";
import { fromBase64 } from "./base64.js";
import { initSync } from "./main.js";

const exports = initSync({ module: fromBase64(wasm) });

/** Already initialised under Node; kept so isomorphic code can `await init()`. */
export default async function init() {
  return exports;
}

export {
  initSync, estimate, validate, range, compare, version, minorUnits, planFields,
  currency, presets, preset, coverageExamples, PlanError,
} from "./main.js";
