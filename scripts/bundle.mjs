// How the pages' modules are bundled (esbuild), for the site
// (scripts/build-site.mjs) and the package's embed (scripts/build-pkg.mjs):
// the package imported as `./pkg/…`, and the catalogue in parts.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** esbuild's options for a page's modules, in the repository at `root`. */
export function bundling(root) {
  /** The pages import the package as `./pkg/…` (where the server puts it). */
  const pkgFromRoot = {
    name: "pkg",
    setup(b) {
      b.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(root, args.path) }));
    },
  };

  /**
   * The catalogue in parts, so a page downloads only the texts it shows. A
   * module says which part it imports in the import itself
   * (`./pkg/catalogue.js?part=notes`); unbundled, the query is ignored and the
   * whole catalogue loads, which holds every part:
   *  - `page` (no query: the visitor page's bundle, through the package's
   *    index.js): the plans, names and optional fees the estimate needs, and
   *    the typical insurance plans' ids; nothing the page does not read
   *    (`UNREAD`), no Spanish (`es` is optional, so the
   *    engine validates the plans the same) and none of the texts below;
   *  - `typical` (examples.js, loaded when a visitor says insurance pays
   *    part): the typical insurance plans' names, summaries and coverage;
   *  - `notes` (notes.js, loaded when a visitor opens "What it is" or
   *    "Assumptions and sources", downloads or prints): each preset's summary,
   *    assumptions, sources and review date;
   *  - `es` (es.js, loaded when a visitor chooses Español): the Spanish texts;
   *  - `examples` (the embed): the typical insurance plans in both languages.
   */
  const NOTES = ["summary", "assumptions", "sources", "reviewed"];
  /** What the visitor page does not read of a preset (the tests read it natively). */
  const UNREAD = ["expectedWarnings"];
  const catalogueParts = {
    name: "catalogue",
    setup(b) {
      const data = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
      const freeze = "const freeze = (v) => { if (typeof v === \"object\" && v !== null) { for (const x of Object.values(v)) freeze(x); Object.freeze(v); } return v; };\n";
      const pick = (x, keys) => Object.fromEntries(keys.filter((k) => x[k] !== undefined).map((k) => [k, x[k]]));
      const omit = (x, keys) => Object.fromEntries(Object.entries(x).filter(([k]) => !keys.includes(k)));
      const parts = {
        page: () => ({ presets: data.presets.map((p) => omit(p, ["es", ...NOTES, ...UNREAD])), coverageExamples: (data.coverageExamples ?? []).map((x) => pick(x, ["id"])) }),
        typical: () => ({ coverageExamples: (data.coverageExamples ?? []).map((x) => omit(x, ["es", "sources"])) }),
        notes: () => ({ presets: data.presets.map((p) => pick(p, ["id", ...NOTES])) }),
        es: () => ({ presets: data.presets.map((p) => pick(p, ["id", "es"])), coverageExamples: (data.coverageExamples ?? []).map((x) => pick(x, ["id", "es"])) }),
        examples: () => ({ coverageExamples: data.coverageExamples ?? [] }),
      };
      b.onResolve({ filter: /catalogue\.js(\?part=\w+)?$/ }, (args) => {
        const part = /\?part=(\w+)$/.exec(args.path)?.[1] ?? "page";
        if (!parts[part]) return { errors: [{ text: `no catalogue part "${part}" (${Object.keys(parts).join(", ")})` }] };
        return { path: part, namespace: "catalogue" };
      });
      b.onLoad({ filter: /.*/, namespace: "catalogue" }, ({ path }) => ({
        // JSON.parse of a string: V8 reads this much data faster as JSON than as an object literal.
        contents: `${freeze}export default freeze(JSON.parse(${JSON.stringify(JSON.stringify(parts[path]()))}));\n`,
        loader: "js",
      }));
    },
  };
  return { bundle: true, format: "esm", minify: true, sourcemap: "linked", target: "es2022", plugins: [catalogueParts, pkgFromRoot], logLevel: "warning" };
}
