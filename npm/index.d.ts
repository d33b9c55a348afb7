export * from "./coursecost.js";
export { default } from "./coursecost.js";
import type { Preset } from "./coursecost.js";

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
