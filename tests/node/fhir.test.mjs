// The Good Faith Estimate as an HL7 FHIR R4 Bundle (www/staff/fhir.js) against
// the Da Vinci PCT 2.0.1 GFE profiles' required elements, and its totals
// against the engine's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const engine = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
// The Bundle writer as the package exports it (the staff view loads it from there).
const { gfeBundle, PROFILES } = engine;
const { MAX_GFE_CLAIM_ITEMS } = await import(pathToFileURL(join(root, "www/shared/limits.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));
const input = (treatment) => ({ treatment, start: "2026-12-07", date: "2026-11-21", scheduledOn: "2026-11-20", payment: "self-pay",
  patient: { name: "Ana María Pérez", birthDate: "1958-03-14" } });
const cents = (money) => Math.round(money.value * 100);
/** A text as FHIR R4 strings carry it: white space runs one space, none at either end. */
const printed = (text) => text.replace(/\s+/gu, " ").trim();

/** Every `reference` anywhere under `value`. */
function references(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference") out.push(v);
      else references(v, out);
    }
  }
  return out;
}

/** The checks every Bundle passes: PCT GFE Bundle, Summary, Professional, Patient, Organization/Practitioner. */
function checkBundle(bundle, gfe) {
  assert.equal(bundle.resourceType, "Bundle");
  assert.deepEqual(bundle.meta.profile, [PROFILES.bundle]);
  assert.equal(bundle.type, "collection");
  assert.ok(bundle.identifier?.system && bundle.identifier?.value, "identifier 1..1");
  assert.match(bundle.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, "timestamp 1..1, an instant");
  const urls = bundle.entry.map((e) => e.fullUrl);
  assert.ok(urls.every((u) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(u)), "entry.fullUrl 1..1");
  assert.equal(new Set(urls).size, urls.length);
  for (const e of bundle.entry) assert.ok(!e.search && !e.request && !e.response);
  // pct-gfe-bundle-2: every reference is to an entry of the Bundle.
  for (const ref of references(bundle.entry.map((e) => e.resource))) assert.ok(urls.includes(ref), `unresolved ${ref}`);
  const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
  const of = (type) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
  // pct-gfe-bundle-3: the first entry is the estimate summary.
  const summary = bundle.entry[0].resource;
  assert.equal(summary.resourceType, "Claim");
  assert.deepEqual(summary.meta.profile, [PROFILES.summary]);
  assert.deepEqual(summary.type.coding[0], { system: "http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTEstimateTypeSummaryCSTemporaryTrialUse", code: "estimate-summary", display: "Estimate Summary" });
  assert.equal(summary.item, undefined, "summary: item 0..0");
  assert.equal(summary.provider.reference, undefined, "summary: provider.reference 0..0");
  assert.equal(summary.provider.extension[0].valueCode, "not-applicable");
  assert.ok(summary.billablePeriod.start <= summary.billablePeriod.end);
  // Base Claim's required elements, on every Claim.
  const claims = of("Claim");
  assert.ok(claims.length >= 2, "gfe 2..*");
  for (const c of claims) {
    assert.equal(c.status, "active");
    assert.equal(c.use, "predetermination");
    assert.ok(c.type.coding[0].code);
    assert.equal(byUrl.get(c.patient.reference)?.resourceType, "Patient");
    assert.equal(c.created, gfe.date);
    assert.ok(c.priority.coding[0].code);
    assert.ok(c.insurance.length >= 1 && c.insurance[0].coverage);
    assert.equal(c.total.currency, "USD");
    if (gfe.diagnosisCodes.length) assert.deepEqual(c.diagnosis.map((d) => d.diagnosisCodeableConcept.coding[0]), gfe.diagnosisCodes.map((code) => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code })));
    if (gfe.diagnosisCodes.length) assert.equal(c.diagnosis[0].type[0].coding[0].code, "principal");
  }
  const professional = claims.slice(1);
  for (const c of professional) {
    assert.deepEqual(c.meta.profile, [PROFILES.professional]);
    assert.deepEqual(c.type.coding[0], { system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "professional", display: "Professional" });
    const plac = c.identifier.filter((i) => i.type.coding[0].code === "PLAC");
    assert.equal(plac.length, 1, "identifier[PLAC] 1..1");
    assert.ok(plac[0].value);
    const provider = byUrl.get(c.provider.reference);
    assert.ok(["Organization", "Practitioner"].includes(provider?.resourceType));
    assert.equal(c.provider.extension.filter((x) => x.url.endsWith("/providerTaxonomy")).length, 1, "provider.extension[providerTaxonomy] 1..1");
    assert.ok(c.item.length >= 1 && c.item.length <= MAX_GFE_CLAIM_ITEMS, "item 1..50");
    let sum = 0;
    c.item.forEach((item, i) => {
      assert.equal(item.sequence, i + 1);
      assert.equal(item.extension.filter((x) => x.url.endsWith("/serviceDescription")).length, 1, "item serviceDescription 1..1");
      assert.ok(item.productOrService.coding.length >= 1);
      for (const cd of item.productOrService.coding) if (cd.system === "http://www.ama-assn.org/go/cpt") assert.ok(cd.display, "pct-cpt-display");
      assert.ok(item.servicedDate || item.servicedPeriod, "serviced[x] 1..1");
      assert.ok(item.locationCodeableConcept.coding[0].code, "locationCodeableConcept 1..1");
      assert.ok(item.quantity.value >= 1);
      assert.equal(cents(item.unitPrice) * item.quantity.value, cents(item.net));
      sum += cents(item.net);
    });
    assert.equal(cents(c.total), sum, "a Claim's total is the sum of its items");
  }
  // Totals: the summary's is the engine's total; the providers' Claims add up to it.
  assert.equal(cents(summary.total), gfe.total);
  assert.equal(professional.reduce((n, c) => n + cents(c.total), 0), gfe.total);
  for (const group of gfe.providers) {
    const mine = professional.filter((c) => byUrl.get(c.provider.reference)?.identifier.some((i) => i.value === group.npi));
    assert.equal(mine.reduce((n, c) => n + cents(c.total), 0), group.subtotal, `${group.name}'s subtotal`);
    assert.equal(mine.reduce((n, c) => n + c.item.length, 0), group.items.length);
  }
  // The patient (US Core Patient 7.0.0: identifier, name, gender, birthDate).
  const [patient, ...others] = of("Patient");
  assert.equal(others.length, 0);
  assert.deepEqual(patient.meta.profile, [PROFILES.patient]);
  assert.ok(patient.identifier[0].system && patient.identifier[0].value);
  assert.equal(patient.name[0].text, printed(gfe.patient.name));
  assert.ok(patient.name[0].family);
  assert.ok(["male", "female", "other", "unknown"].includes(patient.gender));
  assert.equal(patient.birthDate, gfe.patient.birthDate);
  // The providers, with their NPI and TIN.
  const parties = [...of("Organization"), ...of("Practitioner")];
  assert.equal(parties.length, gfe.providers.length);
  for (const group of gfe.providers) {
    const r = parties.find((p) => p.identifier.some((i) => i.system === "http://hl7.org/fhir/sid/us-npi" && i.value === group.npi));
    assert.ok(r, `${group.name} by NPI`);
    const tin = r.identifier.find((i) => i.system === "urn:oid:2.16.840.1.113883.4.4");
    assert.equal(tin?.value, group.tin);
    assert.equal(tin.type.coding[0].code, "TAX");
    assert.deepEqual(r.meta.profile, [r.resourceType === "Organization" ? PROFILES.organization : PROFILES.practitioner]);
    assert.equal(r.address[0].postalCode, group.address.postalCode);
    if (r.resourceType === "Organization") {
      assert.equal(r.name, printed(group.name));
      assert.ok(r.type.length >= 1 && r.active === true);
    } else {
      assert.equal(r.name[0].text, printed(group.name));
      assert.equal(r.name[0].given.length, 1, "PCT Practitioner: name.given 1..1");
    }
  }
  return { summary, professional, byUrl };
}

test("the ECT estimate: a Summary, a Claim per provider with codes and charges, the patient, both organizations", () => {
  const gfe = engine.goodFaithEstimate(sheet, input("ect"));
  assert.equal(gfe.providers.length, 2);
  const bundle = gfeBundle(gfe, { timestamp: "2026-11-21T09:30:00Z" });
  const { summary, professional, byUrl } = checkBundle(bundle, gfe);
  assert.equal(professional.length, 2);
  const anaesthesia = professional.find((c) => byUrl.get(c.provider.reference).name === "Lakeside Anesthesia Associates (sample)");
  assert.deepEqual(anaesthesia.item.map((i) => i.productOrService.coding[0].code), ["00104"]);
  assert.equal(anaesthesia.provider.extension[0].valueCodeableConcept.coding[0].code, "207L00000X");
  const clinic = professional.find((c) => c !== anaesthesia);
  assert.ok(clinic.item.some((i) => i.productOrService.coding[0].code === "90870"));
  // The disclaimers travel on the summary, word for word.
  const said = summary.extension.filter((x) => x.url.endsWith("/gfeDisclaimer")).map((x) => x.valueString);
  for (const d of gfe.disclaimers) assert.ok(said.includes(d));
  assert.ok(said.includes(gfe.separatelyScheduledNote));
  // JSON, and no number written through floating point noise.
  const text = JSON.stringify(bundle);
  assert.doesNotMatch(text, /\d\.\d*0000\d|\d\.\d*9999\d/);
});

test("more items than one Claim holds go into further Claims; a practitioner co-provider is a Practitioner; an uncoded item says so", () => {
  const daily = structuredClone(sheet);
  daily.treatments = [{ id: "daily", name: "Daily sessions", diagnosisCodes: [],
    phases: [{ name: "Evaluation", every: { days: 1 }, sessions: 1, price: 30000, code: "90792", provider: "dr-lee" },
      { name: "Daily", every: { days: 1 }, price: 10000, code: "G2082" }],
    fees: Array.from({ length: 50 }, (_, i) => ({ name: `Supply ${i + 1}`, amount: 101 + i, when: "session", ...(i % 2 ? { code: `A${String(4000 + i)}` } : {}) })) }];
  daily.providers.push({ id: "dr-lee", kind: "practitioner", name: "Dana Lee", npi: "1987654328", tin: "55-1234567",
    address: { street: "1 Side St", city: "Springfield", state: "IL", postalCode: "62702" } });
  daily.payers = [];
  assert.deepEqual(engine.validateClinic(daily), []);
  const gfe = engine.goodFaithEstimate(daily, { ...input("daily"), horizon: { months: 1 } });
  assert.equal(gfe.items.length, 52);
  const bundle = gfeBundle(gfe);
  const { professional, byUrl } = checkBundle(bundle, gfe);
  const clinicClaims = professional.filter((c) => byUrl.get(c.provider.reference).resourceType === "Organization");
  assert.equal(clinicClaims.length, 2, "50 items, then the rest");
  assert.equal(clinicClaims[0].item.length, MAX_GFE_CLAIM_ITEMS);
  const lee = professional.find((c) => byUrl.get(c.provider.reference).resourceType === "Practitioner");
  assert.deepEqual(byUrl.get(lee.provider.reference).name[0], { text: "Dana Lee", family: "Lee", given: ["Dana"] });
  const uncoded = professional.flatMap((c) => c.item).find((i) => i.productOrService.coding[0].code === "not-applicable");
  assert.ok(uncoded.productOrService.text);
  const hcpcs = professional.flatMap((c) => c.item).find((i) => i.productOrService.coding[0].code === "G2082");
  assert.equal(hcpcs.productOrService.coding[0].system, "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets");
  // No diagnosis code: no Claim.diagnosis at all (0..*).
  assert.ok(professional.every((c) => c.diagnosis === undefined));
});

test("a name of two equal words keeps its given name; one word is a family name alone", () => {
  for (const [name, expected] of [
    ["Mary Mary", { text: "Mary Mary", family: "Mary", given: ["Mary"] }],
    ["Ana María Pérez", { text: "Ana María Pérez", family: "Pérez", given: ["Ana María"] }],
    ["Cher", { text: "Cher", family: "Cher" }],
    [" Jo\u00A0 Jo ", { text: "Jo Jo", family: "Jo", given: ["Jo"] }],
  ]) {
    const gfe = engine.goodFaithEstimate(sheet, { ...input("tms"), patient: { name, birthDate: "1961-07-04" } });
    const patient = gfeBundle(gfe).entry.map((e) => e.resource).find((r) => r.resourceType === "Patient");
    assert.deepEqual(patient.name, [expected], name);
  }
});

// FHIR R4's primitive types (https://hl7.org/fhir/R4/datatypes.html), for
// the values the Bundle writes: a string is not empty and has no leading or
// trailing white space (which JSON's FHIR readers may strip: round trips
// must keep the text); a code is words separated by single spaces.
const R4 = {
  string: /^[ \r\n\t\S]+$/u,
  code: /^[^\s]+( [^\s]+)*$/u,
  date: /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/,
  uri: /^\S*$/,
};
const CODES = new Set(["code", "valueCode", "status", "use", "gender", "resourceType", "type", "currency"]);

/** Every string of `value` with its JSON path. */
function strings(value, path = "", out = []) {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

test("the Bundle of a hostile but valid sheet passes FHIR R4 validation", async () => {
  const { default: fhirjs } = await import("fhir");
  const validator = new fhirjs.Fhir(); // FHIR.js: the R4 (4.0) base StructureDefinitions
  // Valid to the engine, awkward to print: white space at the ends and
  // inside (no-break spaces, a byte-order mark), joiners, right-to-left
  // text and an override, an emoji, a formula, a practitioner called
  // "Mary Mary", CPT Category III and ICD-10-CM codes with letters.
  const hostile = structuredClone(sheet);
  hostile.name = "  Clínica\u00A0Ñandú\u200D (sample)  ";
  hostile.phone = "\u00A0(555) 010-0199\u00A0";
  hostile.address.street = "\u202Eطريق الملك 1";
  const ect = hostile.treatments.find((t) => t.id === "ect");
  ect.name = "ECT ⚡ \uFEFFindex course";
  ect.diagnosisCodes = ["F32.A", "F33"];
  ect.phases[0].code = "0019T";
  ect.fees[0].name = "=HYPERLINK(\"http://x\")";
  ect.scheduledSeparately = ["\uFEFF Laboratory tests "];
  Object.assign(hostile.providers[0], { kind: "practitioner", name: " Mary Mary " });
  assert.deepEqual(engine.validateClinic(hostile), []);
  const gfe = engine.goodFaithEstimate(hostile, { ...input("ect"), patient: { name: "\u202E Mary  Mary ", birthDate: "1961-07-04" } });
  let n = 0;
  const bundle = gfeBundle(gfe, { timestamp: "2026-11-21T09:30:00Z", uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}` });
  checkBundle(bundle, gfe);
  const result = validator.validate(bundle, { errorOnUnexpected: true });
  assert.deepEqual(result.messages.filter((m) => m.severity === "error"), []);
  assert.equal(result.valid, true);
  for (const [path, value] of strings(bundle)) {
    assert.match(value, R4.string, path);
    assert.equal(value, value.trim(), `${path}: white space at an end`);
    const key = path.split(".").at(-1).replace(/\[\d+\]$/, "");
    if (CODES.has(key)) assert.match(value, R4.code, path);
    if (key === "birthDate" || key === "created" || key === "servicedDate" || key === "start" || key === "end") assert.match(value, R4.date, path);
    if (key === "system" || key === "url" || key === "fullUrl" || key === "reference") assert.match(value, R4.uri, path);
  }
  const resources = bundle.entry.map((e) => e.resource);
  const patient = resources.find((r) => r.resourceType === "Patient");
  assert.deepEqual(patient.name, [{ text: "\u202E Mary Mary", family: "Mary", given: ["\u202E Mary"] }]);
  const mary = resources.find((r) => r.resourceType === "Practitioner");
  assert.deepEqual(mary.name[0], { text: "Mary Mary", family: "Mary", given: ["Mary"] });
  const clinic = resources.find((r) => r.resourceType === "Organization");
  assert.equal(clinic.name, "Clínica Ñandú\u200D (sample)");
  assert.deepEqual(resources[0].diagnosis.map((d) => d.diagnosisCodeableConcept.coding[0].code), ["F32.A", "F33"]);
});
