// `coursecost/staff/inline`: `coursecost/staff` with its wasm inside the
// JavaScript (coursecost_staff_wasm.js, base64), for bundlers that do not
// copy the wasm file (esbuild, Rollup, `bun build`). `await init()` as with
// `coursecost/staff`.
import wasm from "./coursecost_staff_wasm.js";
import { fromBase64 } from "./base64.js";
import { useSource } from "./staff-main.js";

useSource(() => fromBase64(wasm));

export {
  default, initSync, estimate, validate, range, compare, version, minorUnits, planFields, currency,
  ClinicSheet, validateClinic, quote, goodFaithEstimate, quoteCsv, PlanError, gfeBundle, PROFILES,
} from "./staff-main.js";
