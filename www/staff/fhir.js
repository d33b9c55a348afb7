// The FHIR Bundle writer of the staff view, loaded when a Bundle is first
// downloaded: `gfeBundle` of `coursecost/staff` (npm/fhir.js).
export { gfeBundle } from "./pkg/fhir.js";
