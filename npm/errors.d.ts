import type { ErrorCode, Problem } from "./coursecost.js";

/** A `PlanError` as plain data: what `toJSON()` returns and `PlanError.from` takes. */
export interface PlanErrorData {
    name: "PlanError";
    /** The first problem as a sentence, `"path: …"`. */
    message: string;
    /** The first problem's code. */
    code: ErrorCode;
    /** The first problem's path, e.g. `phases[1].every.weeks`; empty for the input as a whole. */
    path: string;
    /** Every problem, in order. */
    problems: Problem[];
}

/**
 * Invalid input (a plan, an option, a price sheet, a quote's input): the
 * message is the first problem, `code` and `path` are that problem's,
 * `problems` lists every one. Both entries throw this one class
 * (under Node, as long as both are loaded the same way: both imported or
 * both required).
 *
 * An `Error`'s own fields do not survive `structuredClone` or
 * `postMessage`: send `err.toJSON()` and revive it with `PlanError.from`.
 */
export declare class PlanError extends Error {
    readonly name: "PlanError";
    /** The first problem's code. */
    code: ErrorCode;
    /** The first problem's path; empty for the input as a whole. */
    path: string;
    /** Every problem, in order. */
    problems: Problem[];
    /** Plain data that `structuredClone`, `postMessage` and `JSON.stringify` keep. */
    toJSON(): PlanErrorData;
    /** A `PlanError` again from `toJSON()`'s data (`name` may be left out). */
    static from(data: Omit<PlanErrorData, "name"> & { name?: string }): PlanError;
}
