// When the visitor page's parts load and draw: modules fetched the first
// time a visitor asks for what they hold, the rest of the page once the
// first estimate is painted, and work put after a frame is painted.

/**
 * A module of the page's that loads when a visitor first asks for what it
 * holds (a file of the built site, beside the page's module): `load()`
 * imports it once (again after a failure) and resolves to
 * it; `load.module` is it once loaded.
 */
export function onRequest(file) {
  const load = () => (load.promise ??= import(new URL(file, import.meta.url).href).then((m) => (load.module = m), (err) => {
    load.promise = null;
    throw err;
  }));
  return load;
}

/**
 * Runs `fn` once the next frame is painted: a task queued from an animation
 * frame callback runs after that frame. (A plain `setTimeout` may run first
 * and hold the frame back.)
 */
export const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn));

/**
 * The form, the detail and the footer: index.html's `<template id="rest">`,
 * which the built site serves as rest.html (scripts/build-site.mjs), so the
 * first screen downloads only what it shows. Unbundled, the template is in
 * the page.
 */
export async function restOfPage(document) {
  const inPage = document.getElementById("rest");
  if (inPage) {
    inPage.remove();
    return inPage.content;
  }
  const res = await fetch(new URL("rest.html", import.meta.url), { credentials: "omit" });
  if (!res.ok) throw new Error(`rest.html: HTTP ${res.status}`);
  const template = document.createElement("template");
  template.innerHTML = await res.text(); // the site's own file
  return template.content;
}
