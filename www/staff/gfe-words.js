// What the Good Faith Estimate says about each item beyond the engine's
// figures, read from the price sheet's treatment: where it is given, how
// often it recurs, and the discounts a patient gets only by how or when they
// pay (which the engine leaves out of the expected charges). Plain data in,
// words out.

/** The phase, fee or package of `treatment` an estimate item comes from. */
function sourceOf(treatment, item) {
  if (item.kind === "session") return (treatment.phases ?? []).find((p) => p.name === item.service);
  if (item.kind === "fee") return (treatment.fees ?? []).find((f) => f.name === item.service);
  return (treatment.packages ?? []).find((p) => p.name === item.service);
}

/**
 * Where an item is given: the provider or facility its phase or fee names
 * as its `location`, else the clinic itself (a package is paid to the
 * clinic). `{ name, address, placeOfService }`, the code as printed (two
 * digits), the engine's.
 */
export function whereGiven(sheet, treatment, item) {
  const from = item.kind === "package" ? undefined : sourceOf(treatment, item);
  const place = (sheet.providers ?? []).find((p) => p.id === from?.location) ?? sheet;
  return { id: place === sheet ? undefined : place.id, name: place.name, address: place.address, placeOfService: String(item.placeOfService).padStart(2, "0") };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One phase's schedule in words: "3 a week for 4 weeks", "every 4 weeks", "every week, 6 times", "once". */
export function phaseFrequency(phase) {
  const e = phase.every;
  const every = (n, unit) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
  const perWeek = e.weekdays?.length;
  const rate = perWeek ? `${perWeek} a week` : e.days ? every(e.days, "day") : e.weeks ? every(e.weeks, "week") : every(e.months, "month");
  if (phase.sessions === 1) return "once";
  if (phase.sessions && perWeek && phase.sessions % perWeek === 0) return `${rate} for ${plural(phase.sessions / perWeek, "week")}`;
  if (phase.sessions) return `${rate}, ${phase.sessions} times`;
  if (phase.weeks) return `${rate} for ${plural(phase.weeks, "week")}`;
  return rate;
}

/**
 * How often an item recurs, in words from the schedule: a session its
 * phase's, a fee charged at each session every phase's in turn ("3 a week
 * for 4 weeks, then every 4 weeks"), a monthly fee "every month"; a
 * package or a fee charged once: undefined.
 */
export function frequency(treatment, item) {
  const from = sourceOf(treatment, item);
  if (!from || item.kind === "package") return undefined;
  const phases = treatment.phases ?? [];
  if (item.kind === "session") return phaseFrequency(from);
  if (from.when === "month") return "every month";
  if (from.when !== "session") return undefined;
  return phases.filter((p) => !from.phase || p.name === from.phase).map(phaseFrequency).join(", then ");
}

/** Each discount of `treatment` that has a condition, as a sentence for the estimate. */
export function conditionalDiscounts(treatment) {
  return (treatment.discounts ?? []).filter((d) => d.condition).map((d) => {
    const kinds = (d.appliesTo ?? ["session", "package", "fee"]).join(" and ");
    return `${d.name}: ${d.percent}% off each ${kinds} charge if ${d.condition}. The expected charges above do not include it.`;
  });
}
