// Builds the npm package into pkg/ from the release wasm:
//   wasm-bindgen (web target) → wasm-opt -Oz → entries (index.js, node.js),
//   the catalogue module, package.json, README.
// The shipped wasm is built without std, and so without tsify (which needs
// std); the TypeScript declarations come from wasm-bindgen's run over a
// second build of the same exports with `--features types`.
// Run through `make pkg`, which builds the wasm and installs the tools first.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { optimise } from "./wasm-opt.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "pkg");
// The two builds of the crate (see the Makefile): the visitor engine and
// the staff engine (clinic sheets, quotes, Good Faith Estimates).
const builds = ["coursecost", "coursecost_staff"];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", cwd: root });

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
const types = join(root, "target/wasm/types");
const exported = (file) => [...readFileSync(file, "utf8").matchAll(/^export function (\w+)/gm)].map((m) => m[1]).join(" ");
for (const name of builds) {
  run("wasm-bindgen", ["--target", "web", "--out-dir", pkg, "--out-name", name, join(root, `target/wasm/${name}.wasm`)]);
  run("wasm-bindgen", ["--target", "web", "--out-dir", types, "--out-name", name, join(root, `target/wasm/${name}.types.wasm`)]);
  if (exported(join(pkg, `${name}.js`)) !== exported(join(types, `${name}.js`))) {
    throw new Error(`${name}: the types build exports other functions than the shipped build`);
  }
  // wasm-bindgen declares `[Symbol.dispose]()` on classes, which only
  // compiles against TypeScript's esnext.disposable lib: a consumer on
  // ES2022 with skipLibCheck off would fail on our types. The package's
  // class offers it only where the runtime has Symbol.dispose, so the
  // declaration is left out; `free()` is the documented way.
  const dts = readFileSync(join(types, `${name}.d.ts`), "utf8").replace(/^ *\[Symbol\.dispose\]\(\): void;\n/gm, "");
  writeFileSync(join(pkg, `${name}.d.ts`), dts);
  optimise(join(pkg, `${name}_bg.wasm`));
}

const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const manifest = JSON.parse(readFileSync(join(root, "npm/package.json"), "utf8"));
manifest.version = version;
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const f of ["node.js", "index.js", "index.d.ts", "staff.js", "staff.d.ts", "staff-node.js", "currency.js", "fhir.js"]) copyFileSync(join(root, "npm", f), join(pkg, f));
// The catalogue as a JavaScript module (JSON is a JavaScript expression):
// importable everywhere ES modules are, with no JSON-module support needed.
// Deep-frozen as the module is evaluated, before any importer runs: the
// package validates the catalogue once per start and then hands out copies,
// so no importer of `coursecost/catalogue.js` may change what was validated.
const catalogue = JSON.parse(readFileSync(join(root, "data/presets.json"), "utf8"));
writeFileSync(
  join(pkg, "catalogue.js"),
  "// Generated from data/presets.json by scripts/build-pkg.mjs; deep-frozen.\n" +
    "const freeze = (v) => { if (typeof v === \"object\" && v !== null) { for (const x of Object.values(v)) freeze(x); Object.freeze(v); } return v; };\n" +
    `export default freeze(${JSON.stringify(catalogue)});\n`,
);
copyFileSync(join(root, "npm/README.md"), join(pkg, "README.md"));
for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(join(root, f), join(pkg, f));
rmSync(join(pkg, ".gitignore"), { force: true });

const size = (f) => {
  const bytes = readFileSync(join(pkg, f));
  return `${f}: ${statSync(join(pkg, f)).size} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip`;
};
console.log(`built pkg/ (coursecost ${version})\n  ${size("coursecost_bg.wasm")}\n  ${size("coursecost.js")}\n  ${size("coursecost_staff_bg.wasm")}\n  ${size("catalogue.js")}`);
