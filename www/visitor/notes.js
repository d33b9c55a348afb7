// What the visitor page shows only on request: the catalogue's notes in
// English (each treatment's summary, assumptions, sources and review date),
// the assumptions under an estimate (assumptions.js) and what the visitor
// entered (entries.js). The page loads this module
// when a visitor opens "What it is" or "Assumptions and sources", downloads
// the estimate or prints it, or picks a treatment (an entry's line saying
// when to choose it); its first screen needs none of it. (Bundled,
// the catalogue import is only those texts; unbundled, it is the whole
// catalogue, a superset the page reads the same way.)
import catalogue from "./pkg/catalogue.js?part=notes";

import { words as entryWords } from "../shared/entries.js";
import { words as assumptionWords } from "./assumptions.js";

export { entries } from "../shared/entries.js";
export { assumptionsOf } from "./assumptions.js";

/** The English words of both. */
export const words = { ...entryWords, ...assumptionWords };

/** Preset id → `{ summary, assumptions, sources, reviewed, choose }`. */
export const presets = Object.fromEntries(catalogue.presets.map(({ id, summary, assumptions, sources, reviewed, choose }) => [id, { summary, assumptions, sources, reviewed, choose }]));
