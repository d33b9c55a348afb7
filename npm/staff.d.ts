export * from "./coursecost_staff.js";
import type { GoodFaithEstimate } from "./coursecost_staff.js";
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

/** Options of `gfeBundle`, for a reproducible Bundle. */
export interface GfeBundleOptions {
    /** The Bundle's `timestamp`, an instant; default now. */
    timestamp?: string;
    /** Returns a new UUID for each `urn:uuid:` URL; default `crypto.randomUUID`. */
    uuid?: () => string;
    /** Further sentences printed with the estimate, carried as disclaimers. */
    notes?: string[];
}

/**
 * A Good Faith Estimate (`goodFaithEstimate`'s result) as an HL7 FHIR R4
 * Bundle following the Da Vinci Patient Cost Transparency GFE profiles: a
 * GFE Summary Claim, a GFE Professional Claim per provider (at most 50
 * items each), the Patient and the providers. Plain JSON, ready to send.
 */
export function gfeBundle(gfe: GoodFaithEstimate, options?: GfeBundleOptions): Record<string, unknown>;

/** The canonical URLs of the profiles each resource of a `gfeBundle` claims. */
export const PROFILES: {
    readonly bundle: string;
    readonly summary: string;
    readonly professional: string;
    readonly organization: string;
    readonly practitioner: string;
    readonly patient: string;
};
