export * from "./coursecost_staff.js";
export { default } from "./coursecost_staff.js";
export { PlanError } from "./errors.js";
export type { PlanErrorData } from "./errors.js";

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
