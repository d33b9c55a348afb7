// `coursecost/staff` under Node: instantiates the staff wasm synchronously
// at import, so `import { quote } from "coursecost/staff"` needs no init call.
import { readFileSync } from "node:fs";
import { initSync } from "./coursecost_staff.js";

const exports = initSync({ module: readFileSync(new URL("./coursecost_staff_bg.wasm", import.meta.url)) });

/** Already initialised under Node; kept so isomorphic code can `await init()`. */
export default async function init() {
  return exports;
}

export {
  initSync, estimate, validate, range, compare, version, currency, minorUnits, planFields,
  ClinicSheet, validateClinic, quote, goodFaithEstimate, quoteCsv, gfeBundle, PROFILES,
} from "./staff.js";
