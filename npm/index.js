// `coursecost` for browsers and bundlers: call `await init()` once, which
// fetches coursecost_bg.wasm from beside this file (`new URL(…,
// import.meta.url)`, which Vite, webpack and Next.js follow and copy). For
// bundlers that do not copy it (esbuild, Rollup, `bun build`) import
// `coursecost/inline` instead: the same functions, the wasm inside the
// JavaScript. The implementation is main.js.
export {
  default, initSync, estimate, validate, range, compare, version, minorUnits, planFields,
  currency, presets, preset, coverageExamples, PlanError,
} from "./main.js";
