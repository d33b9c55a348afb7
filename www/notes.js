// The catalogue's notes in English: each treatment's summary, assumptions,
// sources and review date. The visitor page loads this module only when a
// visitor opens "What it is" or "Assumptions and sources", downloads the
// estimate or prints it; its first screen needs none of them. (Bundled, this
// import is only those texts; unbundled, it is the whole catalogue, a
// superset the page reads the same way.)
import catalogue from "./pkg/catalogue.js";

/** Preset id → `{ summary, assumptions, sources, reviewed }`. */
export default Object.fromEntries(catalogue.presets.map(({ id, summary, assumptions, sources, reviewed }) => [id, { summary, assumptions, sources, reviewed }]));
