export * from "./coursecost.js";
export { default } from "./coursecost.js";
export { PlanError } from "./errors.js";
export type { PlanErrorData } from "./errors.js";
import type { CoverageExample, Preset } from "./coursecost.js";

/**
 * The built-in treatment catalogue, every plan starting on `start`
 * (`YYYY-MM-DD`; default: the catalogue's documented start, 2026-01-05).
 *
 * Throws a `PlanError` when `start` is not a real date.
 */
export function presets(start?: string): Preset[];

/**
 * One preset of the catalogue by id, starting on `start`.
 *
 * Throws a `PlanError` (code `unknown_name`, path `id`) listing the known
 * ids when there is no such preset.
 */
export function preset(id: string, start?: string): Preset;

/**
 * The catalogue's examples of insurance (typical employer plan,
 * high-deductible plan, Medicare Part B alone, with Medigap Plan G, with a
 * Part D drug plan), each an ordinary `coverage` object with its sources and
 * Spanish texts. Copies: `range(preset, { coverage: example.coverage })`.
 */
export function coverageExamples(): CoverageExample[];

/** A currency as the engine counts it. */
export interface CurrencyUnit {
    /** The three-letter code. */
    currency: string;
    /** Decimal places of its minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
    minorUnits: number;
}

/**
 * A currency as the engine counts it (`code` absent: USD). Throws a
 * `PlanError` (`invalid_currency`, empty path) for anything else.
 */
export function currency(code?: string): CurrencyUnit;
