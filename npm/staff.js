// `coursecost/staff` for browsers and bundlers: call `await init()` once
// (it also loads the main entry's wasm when the page imported `coursecost`;
// either entry's `init()` loads both). It fetches coursecost_staff_bg.wasm
// from beside this file; for bundlers that do not copy it, import
// `coursecost/staff/inline`. The implementation is staff-main.js.
export {
  default, initSync, estimate, validate, range, compare, version, minorUnits, planFields, currency,
  ClinicSheet, validateClinic, quote, goodFaithEstimate, quoteCsv, PlanError, gfeBundle, PROFILES,
} from "./staff-main.js";
