// The pages' client of the engine's worker (www/shared/engine-client.js),
// driven with a double of a worker: it records what is posted, and the test
// answers by hand, in the order it chooses, as the worker would
// (`{ id, ...answer }`, or `{ id, failed }` when a handler threw). Also the
// one wording for text that is not JSON (www/shared/json-text.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { engineClient } = await import(pathToFileURL(join(root, "www/shared/engine-client.js")));
const { readJson } = await import(pathToFileURL(join(root, "www/shared/json-text.js")));

/** A worker double: `posted` holds each message; `answer(data)` delivers one as the worker's reply. */
function fakeWorker() {
  const w = {
    posted: [],
    onmessage: null,
    postMessage(message) {
      w.posted.push(message);
    },
    answer(data) {
      w.onmessage({ data });
    },
  };
  return w;
}

test("a request is posted with its own number, its type and its arguments", async () => {
  const w = fakeWorker();
  const { ask } = engineClient(w);
  assert.equal(typeof w.onmessage, "function", "the client listens to the worker");
  const started = ask("start", {});
  const checked = ask("check", { sheet: { currency: "USD" } });
  // Numbered 1, 2 in the order asked; the arguments spread beside id and type.
  assert.deepEqual(w.posted, [{ id: 1, type: "start" }, { id: 2, type: "check", sheet: { currency: "USD" } }]);
  w.answer({ id: 1, version: "9.9.9" });
  w.answer({ id: 2, problems: [] });
  assert.deepEqual(await started, { id: 1, version: "9.9.9" });
  assert.deepEqual(await checked, { id: 2, problems: [] });
});

test("answers out of order each reach the request that asked", async () => {
  const w = fakeWorker();
  const { ask } = engineClient(w);
  const a = ask("lines", { month: "2026-01" });
  const b = ask("lines", { month: "2026-02" });
  const c = ask("lines", { month: "2026-03" });
  // The worker answers 3, then 1, then 2: each promise gets the lines of its own month.
  w.answer({ id: 3, lines: ["march"] });
  w.answer({ id: 1, lines: ["january"] });
  w.answer({ id: 2, lines: ["february"] });
  assert.deepEqual((await a).lines, ["january"]);
  assert.deepEqual((await b).lines, ["february"]);
  assert.deepEqual((await c).lines, ["march"]);
});

test("a failed answer rejects its request with the worker's message, and only that one", async () => {
  const w = fakeWorker();
  const { ask } = engineClient(w);
  const bad = ask("quote", { input: {} });
  const good = ask("start");
  assert.deepEqual(w.posted[1], { id: 2, type: "start" }, "no arguments: only id and type");
  w.answer({ id: 1, failed: "engine.quote is not a function" });
  w.answer({ id: 2, version: "1.0.0" });
  await assert.rejects(bad, (err) => err instanceof Error && err.message === "engine.quote is not a function");
  assert.deepEqual(await good, { id: 2, version: "1.0.0" });
});

test("an answer is taken once: a second answer with the same number, or one to no request, changes nothing", async () => {
  const w = fakeWorker();
  const { ask } = engineClient(w);
  const first = ask("start");
  w.answer({ id: 1, version: "1.0.0" });
  w.answer({ id: 1, failed: "late" }); // already settled: ignored
  w.answer({ id: 7, version: "never asked" }); // no request 7: ignored
  assert.deepEqual(await first, { id: 1, version: "1.0.0" });
  // The next request is number 2, and it is still waiting for its own answer.
  let settled = false;
  const second = ask("start").then((x) => ((settled = true), x));
  assert.deepEqual(w.posted.at(-1), { id: 2, type: "start" });
  await Promise.resolve();
  assert.equal(settled, false);
  w.answer({ id: 2, version: "2.0.0" });
  assert.deepEqual(await second, { id: 2, version: "2.0.0" });
});

test("two clients of two workers number their requests apart", async () => {
  const w1 = fakeWorker(), w2 = fakeWorker();
  const one = engineClient(w1), two = engineClient(w2);
  const x = one.ask("start");
  const y = two.ask("start");
  assert.deepEqual([w1.posted, w2.posted], [[{ id: 1, type: "start" }], [{ id: 1, type: "start" }]]);
  w2.answer({ id: 1, version: "two" });
  w1.answer({ id: 1, version: "one" });
  assert.equal((await x).version, "one");
  assert.equal((await y).version, "two");
});

test("text that is not JSON is worded one way, with the parser's reason", () => {
  assert.deepEqual(readJson('{"a": [1, 2]}'), { value: { a: [1, 2] } });
  assert.deepEqual(readJson("null"), { value: null });
  // The reason is the parser's own (its words differ between engines): only the frame is ours.
  let reason;
  try {
    JSON.parse('{"name": "x", "treatm');
  } catch (e) {
    reason = e.message;
  }
  assert.deepEqual(readJson('{"name": "x", "treatm'), { error: `not JSON (${reason})` });
  assert.match(readJson("").error, /^not JSON \(.+\)$/);
});
