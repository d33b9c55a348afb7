import type { CoverageExample, Preset } from "./coursecost.js";

/** Read-only all the way down: the module deep-freezes its data. */
type Frozen<T> = T extends (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** The built-in treatment catalogue (data/presets.json), deep-frozen. */
export interface Catalogue {
    /** What the catalogue is and where its numbers come from. */
    about: string;
    /** One entry per treatment, every plan starting on 2026-01-05. */
    presets: Preset[];
    /** Examples of insurance, each an ordinary `coverage` object. */
    coverageExamples: CoverageExample[];
}

declare const catalogue: Frozen<Catalogue>;
export default catalogue;
