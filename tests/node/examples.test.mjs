// Every JavaScript example in README.md, npm/README.md and docs/ runs as
// printed, against the built package (pkg/, imported as "coursecost"):
//  - each ```js block is one ES module, run with Node;
//  - a block with no `import` line gets every export of "coursecost" in
//    scope (docs/ shows calls on their own);
//  - a `console.log(…); // text` line must print the start of `text`, up
//    to a space or the end (so `// 300000 (minor units)` expects 300000);
//  - a block preceded by `<!-- not run: why -->` is skipped (browser-only
//    pages; shell, HTML, JSON and Rust blocks are not JavaScript and are not run).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const files = ["README.md", "npm/README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const EVERY = "estimate, validate, range, compare, presets, preset, coverageExamples, currency, minorUnits, planFields, version, PlanError";

/** The ```js blocks of a Markdown text: { line, code, skipped }. */
function blocks(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^```(js|javascript|mjs)\s*$/.test(lines[i])) continue;
    const end = lines.indexOf("```", i + 1);
    const skipped = /^<!-- not run: .+ -->$/.test(lines[i - 1] ?? "");
    out.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n"), skipped });
    i = end;
  }
  return out;
}

let project;
before(() => {
  project = mkdtempSync(join(tmpdir(), "coursecost-examples-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(join(root, "pkg"), join(project, "node_modules/coursecost"), "dir");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "examples", private: true, type: "module" }));
});

test("the documents have JavaScript examples to run", () => {
  const all = files.flatMap((f) => blocks(readFileSync(join(root, f), "utf8")));
  assert.ok(all.filter((b) => !b.skipped).length >= 7, "the examples were found");
});

for (const file of files) {
  for (const block of blocks(readFileSync(join(root, file), "utf8"))) {
    test(`${file}:${block.line} runs as printed`, { skip: block.skipped && "marked not run" }, () => {
      const code = /^import /m.test(block.code) ? block.code : `import { ${EVERY} } from "coursecost";\n${block.code}`;
      const name = join(project, `${file.replaceAll("/", "_")}-${block.line}.mjs`);
      writeFileSync(name, code);
      const printed = execFileSync(process.execPath, [name], { cwd: project, encoding: "utf8" }).split("\n").filter((l) => l !== "");
      const expected = [...block.code.matchAll(/^\s*console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1]);
      assert.equal(printed.length, expected.length, `printed ${JSON.stringify(printed)}`);
      printed.forEach((out, i) => {
        assert.ok(expected[i] === out || expected[i].startsWith(`${out} `), `line ${i + 1}: printed ${JSON.stringify(out)}, the comment says ${JSON.stringify(expected[i])}`);
      });
    });
  }
}
