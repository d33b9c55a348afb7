// The baseline for `make bench`: the engine's glue and the same wasm as the
// visitor page, one estimate, one amount painted. The visitor page's first
// estimate is measured against this page's, in the same run.
import init, { estimate } from "./pkg/coursecost.js";

await init({ module_or_path: new URL("pkg/coursecost_bg.wasm", import.meta.url) });
const e = estimate({ start: "2026-01-05", phases: [{ name: "Session", every: { weeks: 1 }, sessions: 16, price: 59000 }] });
document.getElementById("out").textContent = new Intl.NumberFormat("en-US", { style: "currency", currency: e.currency }).format(e.totals.patientPays / 10 ** e.minorUnits);
