// The pages' side of the engine's worker (quote-worker.js): each request
// carries a number of its own, and the worker's answer carries it back, so
// answers may come in any order and each still reaches the request that
// asked. An answer holding `failed` (the worker's handler threw) rejects
// that request with the worker's message; the others are untouched. The
// page makes the worker (its address is the page's to know) and hands it
// here; a test hands in a double with the same two members.

/**
 * A client for `worker` (anything with `postMessage` and an `onmessage` it
 * may set): `ask(type, args)` posts `{ id, type, ...args }` and resolves
 * with the answer whose `id` matches, or rejects with `Error(failed)`.
 */
export function engineClient(worker) {
  const calls = new Map(); // a request's id → what settles it
  let next = 0;
  worker.onmessage = ({ data }) => {
    const settle = calls.get(data?.id);
    if (!settle) return; // an answer to no request waiting: nothing to settle
    calls.delete(data.id);
    settle(data);
  };
  const ask = (type, args = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    calls.set(id, (data) => (data.failed ? reject(new Error(data.failed)) : resolve(data)));
    worker.postMessage({ id, type, ...args });
  });
  return { ask };
}
