// The `currency(code)` of both entries and of the embed, made once from an
// engine's `minorUnits`: `{ currency, minorUnits }`, USD when `code` is
// absent (the engine's default currency), the engine's `PlanError` for
// anything else.

/** `currency(code)` over an engine's `minorUnits` export. */
export const currencyFrom = (minorUnits) => (code) => ({ currency: code ?? "USD", minorUnits: minorUnits(code) });
