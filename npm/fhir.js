// A Good Faith Estimate (the engine's `goodFaithEstimate`) as an HL7 FHIR
// R4 Bundle following the Da Vinci Patient Cost Transparency (PCT) IG 2.0.1
// GFE profiles: a PCT GFE Bundle (a `collection`) whose first entry is a PCT
// GFE Summary Claim, then one PCT GFE Professional Claim per provider (more
// when a provider bills more items than one Claim may hold), the patient
// (US Core Patient 7.0.0) and the providers (PCT Organization, or PCT
// Practitioner for a co-provider who is one person) with their NPI and TIN.
//
// Every amount is the engine's: a Claim's items are the provider's items,
// its total their subtotal, and the Summary's total the estimate's. This
// module only re-expresses them; it is plain JavaScript with no engine
// dependency: `coursecost/staff` exports it (`gfeBundle`), and the staff
// view loads it from there when a Bundle is first downloaded.

/** Items in one Claim (the engine's MAX_GFE_CLAIM_ITEMS); more go into further Claims. */
const MAX_GFE_CLAIM_ITEMS = 50;
/** `minor` minor units with `digits` decimals, in major units. */
const toMajor = (minor, digits) => minor / 10 ** digits;

const PCT = "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/";
/** The canonical URLs of the profiles each resource claims. */
export const PROFILES = {
  bundle: `${PCT}davinci-pct-gfe-bundle`,
  summary: `${PCT}davinci-pct-gfe-summary`,
  professional: `${PCT}davinci-pct-gfe-professional`,
  organization: `${PCT}davinci-pct-organization`,
  practitioner: `${PCT}davinci-pct-practitioner`,
  patient: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|7.0.0",
};
const EXT = {
  disclaimer: `${PCT}gfeDisclaimer`,
  serviceDescription: `${PCT}serviceDescription`,
  linking: `${PCT}gfeServiceLinkingInfo`,
  taxonomy: `${PCT}providerTaxonomy`,
  absent: "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
};
const SYSTEM = {
  npi: "http://hl7.org/fhir/sid/us-npi",
  tin: "urn:oid:2.16.840.1.113883.4.4",
  v2: "http://terminology.hl7.org/CodeSystem/v2-0203",
  icd10: "http://hl7.org/fhir/sid/icd-10-cm",
  diagnosisType: "http://terminology.hl7.org/CodeSystem/diagnosistype",
  cpt: "http://www.ama-assn.org/go/cpt",
  hcpcs: "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
  absent: "http://terminology.hl7.org/CodeSystem/data-absent-reason",
  nucc: "http://nucc.org/provider-taxonomy",
  pos: "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
  orgType: "http://terminology.hl7.org/CodeSystem/organization-type",
  claimType: "http://terminology.hl7.org/CodeSystem/claim-type",
  estimateType: "http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTEstimateTypeSummaryCSTemporaryTrialUse",
  priority: "http://terminology.hl7.org/CodeSystem/processpriority",
  uri: "urn:ietf:rfc:3986",
};
/** The names of the CMS place-of-service codes a clinic's items are most often given in. */
const PLACES = {
  1: "Pharmacy", 2: "Telehealth Provided Other than in Patient's Home", 10: "Telehealth Provided in Patient's Home",
  11: "Office", 19: "Off Campus-Outpatient Hospital", 21: "Inpatient Hospital", 22: "On Campus-Outpatient Hospital",
  24: "Ambulatory Surgical Center", 49: "Independent Clinic", 52: "Psychiatric Facility-Partial Hospitalization",
  53: "Community Mental Health Center", 71: "Public Health Clinic", 72: "Rural Health Clinic",
};
/** Where an item is given: the engine's `placeOfService` as CMS writes it, two digits. */
const place = (code) => coding(SYSTEM.pos, String(code).padStart(2, "0"), PLACES[code]);
const coding = (system, code, display) => ({ coding: [display ? { system, code, display } : { system, code }] });
const absent = (code) => ({ extension: [{ url: EXT.absent, valueCode: code }] });

/** Money of `minor` minor units with `digits` decimals, as FHIR's decimal `value` (exact to the cent). */
const money = (minor, digits, currency) => ({ value: Number(toMajor(minor, digits).toFixed(digits)), currency });

/**
 * A service code as a coding: CPT for five characters that start with a
 * digit (99205, 0001F), HCPCS Level II for a letter and four digits
 * (G2082), with the service's name as the display (PCT requires one for CPT).
 */
function service(code, name) {
  if (/^\d{4}[0-9A-Z]$/.test(code ?? "")) return { coding: [{ system: SYSTEM.cpt, code, display: name }], text: name };
  if (/^[A-Z]\d{4}$/.test(code ?? "")) return { coding: [{ system: SYSTEM.hcpcs, code, display: name }], text: name };
  // No code the value set knows: PCT's value set allows "not applicable".
  return { coding: [{ system: SYSTEM.absent, code: "not-applicable", display: "Not Applicable" }], text: code ? `${name} (${code})` : name };
}

/**
 * A person's name as FHIR's HumanName: the full text, the last word as
 * family, the words before it as one given name ("Mary Mary": given Mary,
 * family Mary); one word is a family name alone.
 */
function humanName(full) {
  const words = full.trim().split(/\s+/u);
  const family = words.pop();
  return { text: full, family, ...(words.length ? { given: [words.join(" ")] } : {}) };
}

/**
 * Every string of `value` as FHIR R4 strings must be: each run of white
 * space (a no-break space, a byte-order mark…) one space, none leading or
 * trailing. The engine refuses blank names and control characters, so no
 * string ends up empty.
 */
function tidy(value) {
  if (typeof value === "string") return value.replace(/\s+/gu, " ").trim();
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

const address = (a) => [{ use: "work", line: [a.street], city: a.city, state: a.state, postalCode: a.postalCode, country: "US" }];
const tinOf = (tin) => ({ system: SYSTEM.tin, type: coding(SYSTEM.v2, "TAX", "Tax ID number"), value: tin });

/** A provider of the estimate as a PCT Organization, or a PCT Practitioner for one person. */
function providerResource(p) {
  const identifier = [{ system: SYSTEM.npi, value: p.npi }, tinOf(p.tin)];
  const telecom = p.phone ? [{ system: "phone", value: p.phone, use: "work" }] : undefined;
  if (p.kind === "practitioner") {
    return { resourceType: "Practitioner", meta: { profile: [PROFILES.practitioner] }, identifier, active: true, name: [humanName(p.name)], telecom, address: address(p.address) };
  }
  return {
    resourceType: "Organization", meta: { profile: [PROFILES.organization] }, identifier, active: true,
    type: [coding(SYSTEM.orgType, "prov", "Healthcare Provider")], name: p.name, telecom, address: address(p.address),
  };
}

/** The estimate's diagnosis codes as Claim.diagnosis: the first principal, the others secondary. */
const diagnoses = (codes) => codes.map((code, i) => ({
  sequence: i + 1,
  diagnosisCodeableConcept: coding(SYSTEM.icd10, code),
  type: [coding(SYSTEM.diagnosisType, i === 0 ? "principal" : "secondary")],
}));

/** `list` in chunks of at most `size`. */
const chunks = (list, size) => Array.from({ length: Math.max(1, Math.ceil(list.length / size)) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * The Bundle for `gfe` (a Good Faith Estimate from the engine).
 * `options.timestamp` (an instant; default now) and `options.uuid` (a
 * function returning a new UUID; default `crypto.randomUUID`) make it
 * reproducible; `options.notes` are further sentences printed with the
 * estimate (a discount on a condition), carried as disclaimers.
 */
export function gfeBundle(gfe, { timestamp = new Date().toISOString(), uuid = () => crypto.randomUUID(), notes = [] } = {}) {
  const url = () => `urn:uuid:${uuid()}`;
  const digits = gfe.minorUnits;
  const m = (minor) => money(minor, digits, gfe.currency);
  const bundleId = url();
  const patientUrl = url();
  const patient = {
    resourceType: "Patient", meta: { profile: [PROFILES.patient] },
    // US Core asks for an identifier: the estimate's own for this patient.
    identifier: [{ system: SYSTEM.uri, value: patientUrl }],
    name: [humanName(gfe.patient.name)], gender: "unknown", birthDate: gfe.patient.birthDate,
  };
  const dates = gfe.items.flatMap((i) => [i.first, i.last]).sort();
  const period = { start: dates[0] ?? gfe.date, end: dates.at(-1) ?? gfe.date };
  const common = {
    status: "active", use: "predetermination", patient: { reference: patientUrl }, created: gfe.date,
    priority: coding(SYSTEM.priority, "normal"),
    // Self-pay: no coverage, which PCT marks as not applicable.
    insurance: [{ sequence: 1, focal: true, coverage: absent("not-applicable") }],
    ...(gfe.diagnosisCodes.length ? { diagnosis: diagnoses(gfe.diagnosisCodes) } : {}),
  };
  const linking = {
    url: EXT.linking,
    extension: [
      { url: "plannedPeriodOfService", valuePeriod: period },
      { url: "linkingIdentifier", valueIdentifier: { system: SYSTEM.uri, value: bundleId } },
    ],
  };
  const disclaimers = [...gfe.disclaimers, ...notes, gfe.separatelyScheduledNote,
    ...gfe.scheduledSeparately.map((s) => `Scheduled separately: ${s}`)]
    .map((text) => ({ url: EXT.disclaimer, valueString: text }));

  const entries = [];
  const providers = [];
  const claims = [];
  gfe.providers.forEach((group, g) => {
    const fullUrl = url();
    const resource = providerResource(group);
    providers.push({ fullUrl, resource });
    const taxonomy = group.taxonomy ? coding(SYSTEM.nucc, group.taxonomy) : { text: "Taxonomy not stated on the price sheet" };
    chunks(group.items, MAX_GFE_CLAIM_ITEMS).forEach((items, part) => {
      const subtotal = items.reduce((n, i) => n + i.expectedCharge, 0);
      claims.push({
        fullUrl: url(),
        resource: {
          resourceType: "Claim", meta: { profile: [PROFILES.professional] },
          extension: [linking],
          identifier: [{ type: coding(SYSTEM.v2, "PLAC", "Placer Identifier"), value: `${gfe.number}/${g + 1}.${part + 1}` }],
          type: coding(SYSTEM.claimType, "professional", "Professional"),
          ...common,
          provider: { reference: fullUrl, display: group.name, extension: [{ url: EXT.taxonomy, valueCodeableConcept: taxonomy }] },
          item: items.map((item, i) => ({
            extension: [{ url: EXT.serviceDescription, valueString: item.service }],
            sequence: i + 1,
            productOrService: service(item.code, item.service),
            ...(item.first === item.last ? { servicedDate: item.first } : { servicedPeriod: { start: item.first, end: item.last } }),
            locationCodeableConcept: place(item.placeOfService),
            quantity: { value: item.times },
            unitPrice: m(item.unitCharge),
            net: m(item.expectedCharge),
          })),
          total: m(subtotal),
        },
      });
    });
  });
  const summary = {
    fullUrl: url(),
    resource: {
      resourceType: "Claim", meta: { profile: [PROFILES.summary] },
      extension: [...disclaimers, { url: EXT.serviceDescription, valueString: gfe.primaryService.name }],
      type: coding(SYSTEM.estimateType, "estimate-summary", "Estimate Summary"),
      ...common,
      billablePeriod: period,
      // Several providers: PCT's summary names none.
      provider: absent("not-applicable"),
      total: m(gfe.total),
    },
  };
  // PCT: the first entry is the summary.
  entries.push(summary, ...claims, { fullUrl: patientUrl, resource: patient }, ...providers);
  return tidy({
    resourceType: "Bundle", meta: { profile: [PROFILES.bundle] },
    identifier: { system: SYSTEM.uri, value: bundleId },
    type: "collection", timestamp, entry: entries,
  });
}
