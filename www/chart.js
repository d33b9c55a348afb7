// A cumulative-cost line chart as inline SVG, with an accessible title and
// description and the same numbers as a table for screen readers and for
// anyone who would rather read. It draws what the engine returned; it
// computes nothing but pixel positions.
import { h, s, fill, table } from "./dom.js";
import { formatMoney, formatMoneyShort, formatMonth, formatMonthShort } from "./format.js";

const W = 640, H = 260, LEFT = 64, RIGHT = 28, TOP = 12, BOTTOM = 36;
const COLOURS = ["#0b5fad", "#b3261e", "#1b7a3a", "#7a4bbd", "#a15c00", "#00707a", "#5d5d5d"];

/**
 * Draws `series` (each `{ name, values }`, values aligned with `months`)
 * into `figure`, titled `title`.
 */
export function lineChart(figure, { id, title, months, series, currency, digits }) {
  const max = Math.max(1, ...series.flatMap((x) => x.values));
  const n = months.length;
  const x = (i) => LEFT + (n <= 1 ? 0 : (i * (W - LEFT - RIGHT)) / (n - 1));
  const y = (v) => TOP + (H - TOP - BOTTOM) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const every = Math.max(1, Math.ceil(n / 8));
  const last = series.map((x) => `${x.name}: ${formatMoney(x.values.at(-1) ?? 0, currency, digits)}`).join("; ");

  const svg = s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: "svg" },
    s("title", { id: `${id}-title` }, title),
    s("desc", { id: `${id}-desc` }, `Cumulative amount you pay, month by month, from ${formatMonth(months[0])} to ${formatMonth(months.at(-1))}. By the end: ${last}.`),
    ticks.map((t) => [
      s("line", { x1: LEFT, x2: W - RIGHT, y1: y(t), y2: y(t), class: "grid" }),
      s("text", { x: LEFT - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, formatMoneyShort(t, currency, digits)),
    ]),
    months.map((m, i) => (i % every === 0 ? s("text", { x: x(i), y: H - BOTTOM + 18, class: "tick", "text-anchor": "middle" }, formatMonthShort(m)) : null)),
    series.map((ser, k) => {
      const colour = COLOURS[k % COLOURS.length];
      const points = ser.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      return s("g", {},
        s("polyline", { points, fill: "none", stroke: colour, "stroke-width": 2.5, "stroke-dasharray": k % 2 ? "6 3" : undefined }),
        ser.values.map((v, i) => s("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5, fill: colour })),
      );
    }),
  );

  const legend = series.length > 1
    ? h("ul", { class: "legend" }, series.map((ser, k) => h("li", {}, h("span", { class: `swatch swatch-${k % COLOURS.length}`, "aria-hidden": "true" }), ser.name)))
    : null;
  const data = h("table", {});
  table(data, `${title} (table)`, ["Month", ...series.map((x) => x.name)],
    months.map((m, i) => [formatMonth(m), ...series.map((x) => formatMoney(x.values[i], currency, digits))]),
    { num: series.map((_, i) => i + 1) });
  fill(figure, h("figcaption", {}, title), svg, legend, h("details", {}, h("summary", {}, "Show the numbers as a table"), h("div", { class: "table-wrap" }, data)));
}
