// wasm-opt (from the npm binaryen package) as every shipped wasm file gets
// it: the package's two engines (scripts/build-pkg.mjs) and the visitor
// page's own (scripts/build-site.mjs).
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Optimises the wasm file at `path` in place, for size. */
export function optimise(path) {
  execFileSync(join(root, "node_modules/.bin/wasm-opt"), [
    // --converge: -Oz again until the size stops falling (about 0.3 % smaller).
    "-Oz", "--converge", "--strip-debug", "--strip-producers",
    // The features Rust's wasm32 target emits by default; wasm-opt must accept them.
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    path, "-o", path,
  ], { stdio: "inherit", cwd: root });
}
