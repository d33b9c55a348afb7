// Building DOM from data. Text always goes in as text nodes, never as HTML,
// so nothing a visitor types (or a shared link carries) can become markup.

/** `h("td", { class: "num" }, "12")` → an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element, like `h`. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * A table from a header row and body rows; `num` marks numeric columns.
 * Each cell carries its column's name (`data-label`), so a narrow screen can
 * show a row as a card of labelled values (`table.stack` in style.css).
 */
export function table(el, caption, head, rows, { num = [], foot } = {}) {
  const cell = (tag, v, i) => h(tag, { class: num.includes(i) ? "num" : undefined, scope: tag === "th" ? "col" : undefined, "data-label": tag === "td" ? head[i] : undefined }, v);
  fill(
    el,
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, head.map((v, i) => cell("th", v, i)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((v, i) => cell("td", v, i))))),
    foot ? h("tfoot", {}, h("tr", {}, foot.map((v, i) => cell("td", v, i)))) : null,
  );
}

/**
 * File pickers that are buttons like the others: each `<button
 * data-file="id">` opens the file input `id`, which is hidden and out of
 * the tab order (a bare "Choose file" control sat apart from its label).
 */
export function filePickers(root) {
  for (const button of root.querySelectorAll("button[data-file]")) {
    button.addEventListener("click", () => root.getElementById(button.dataset.file).click());
  }
}

/** Saves `text` as a file called `name`, from the page itself (nothing is sent). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
