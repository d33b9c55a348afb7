// `coursecost/staff` under Node (ES modules; staff-node.cjs is this file
// built for `require`): the staff wasm is compiled as the module is
// imported, from the bytes it carries (as node.js does, for the same reason).
import wasm from "./coursecost_staff_wasm.js";
import { fromBase64 } from "./base64.js";
import { initSync } from "./staff-main.js";

const exports = initSync({ module: fromBase64(wasm) });

/** Already initialised under Node; kept so isomorphic code can `await init()`. */
export default async function init() {
  return exports;
}

export {
  initSync, estimate, validate, range, compare, version, minorUnits, planFields, currency,
  ClinicSheet, validateClinic, quote, goodFaithEstimate, quoteCsv, PlanError, gfeBundle, PROFILES,
} from "./staff-main.js";
