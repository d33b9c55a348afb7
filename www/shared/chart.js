// A cumulative-cost line chart as inline SVG, with an accessible title and
// description and the same numbers as a table for screen readers and for
// anyone who would rather read. It draws what the engine returned; it
// computes nothing but pixel positions and round axis values.
//
// The chart is drawn at the width it is shown at (and again when that
// changes), so its labels are as large on a phone as on a desktop.
import { h, s, fill, table } from "./dom.js";
import { formatMoney, formatMonth, formatMonthShort } from "./format.js";

const COLOURS = ["#0b5fad", "#b3261e", "#1b7a3a", "#7a4bbd", "#a15c00", "#00707a", "#5d5d5d"];
const FONT = 12; // px, the size the labels are read at

/** A round step for about four intervals up to `max`: 1, 2, 2.5 or 5 × 10^k. */
export function roundTicks(max) {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((x) => x >= raw);
  const ticks = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

const daysIn = (ym) => new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 0)).getUTCDate();

/**
 * Draws `series` (each `{ name, values }`: the cumulative amount at the end
 * of each of `months`) into `figure`. `marks` are `{ date, label }` drawn as
 * dashed vertical lines; `words` has the page's `chartTable`, `month` and
 * `locale`.
 */
export function lineChart(figure, { id, title, desc, months, series, currency, digits, marks = [], words }) {
  const draw = () => {
    // The width the ResizeObserver last saw: reading clientWidth here would
    // lay out the whole page in the middle of every redraw.
    const W = Math.max(280, Math.round((figure.width ??= figure.clientWidth) || 640));
    const H = W < 480 ? 240 : 280, LEFT = 64, RIGHT = 16, TOP = marks.length ? 30 : 12, BOTTOM = 28;
    const unit = 10 ** digits;
    const ticks = roundTicks(Math.max(0, ...series.flatMap((x) => x.values)) / unit);
    const top = ticks.at(-1);
    const n = months.length;
    // Position p in [0, n]: 0 is the first month's first day, i + 1 the end of month i.
    const x = (p) => LEFT + (p * (W - LEFT - RIGHT)) / Math.max(1, n);
    const y = (v) => TOP + (H - TOP - BOTTOM) * (1 - v / unit / top);
    const at = (date) => {
      const k = months.indexOf(date.slice(0, 7));
      return k < 0 ? null : k + (Number(date.slice(8, 10)) - 1) / daysIn(months[k]);
    };
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((W - LEFT - RIGHT) / 72))));
    // Tick values are round: whole units, written without their zero decimals.
    const zeros = digits ? new RegExp(`[.,]${"0".repeat(digits)}(?=\\D*$)`) : /$^/;
    const whole = (v) => formatMoney(Math.round(v * unit), currency, digits, words.locale).replace(zeros, "");
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: "svg" },
      s("title", { id: `${id}-title` }, title),
      s("desc", { id: `${id}-desc` }, desc),
      ticks.map((t) => [
        s("line", { x1: LEFT, x2: W - RIGHT, y1: y(t * unit), y2: y(t * unit), class: "grid" }),
        s("text", { x: LEFT - 6, y: y(t * unit) + FONT / 3, class: "tick", "text-anchor": "end" }, whole(t)),
      ]),
      months.map((m, i) => (i % every === 0 ? s("text", { x: x(i + 0.5), y: H - BOTTOM + FONT + 6, class: "tick", "text-anchor": "middle" }, formatMonthShort(m, words.locale)) : null)),
      marks.map((mk, k) => {
        const p = at(mk.date);
        return p === null ? null : s("g", { class: "mark" },
          s("line", { x1: x(p), x2: x(p), y1: TOP - 4, y2: H - BOTTOM }),
          s("text", { x: x(p), y: FONT + (k % 2) * (FONT + 2) - 2, class: "tick", "text-anchor": p > n / 2 ? "end" : "start" }, mk.label));
      }),
      series.map((ser, k) => {
        const colour = COLOURS[k % COLOURS.length];
        const pts = [[0, 0], ...ser.values.map((v, i) => [i + 1, v])];
        return s("g", {},
          s("polyline", { points: pts.map(([p, v]) => `${x(p).toFixed(1)},${y(v).toFixed(1)}`).join(" "), fill: "none", stroke: colour, "stroke-width": 2.5, "stroke-dasharray": k % 2 ? "6 3" : undefined }),
          pts.slice(1).map(([p, v]) => s("circle", { cx: x(p).toFixed(1), cy: y(v).toFixed(1), r: 2.5, fill: colour })));
      }),
    );
    figure.querySelector("svg")?.replaceWith(svg);
    return svg;
  };

  const legend = series.length > 1
    ? h("ul", { class: "legend" }, series.map((ser, k) => h("li", {}, h("span", { class: `swatch swatch-${k % COLOURS.length}`, "aria-hidden": "true" }), ser.name)))
    : null;
  const data = h("table", { class: "stack" });
  table(data, null, [words.month, ...series.map((x) => x.name)],
    months.map((m, i) => [formatMonth(m, words.locale), ...series.map((x) => formatMoney(x.values[i], currency, digits, words.locale))]),
    { num: series.map((_, i) => i + 1) });
  fill(figure, h("figcaption", {}, title), h("svg"), legend, h("details", {}, h("summary", {}, words.chartTable), data));
  draw();
  figure.redraw = draw;
  if (!figure.observed && typeof ResizeObserver === "function") {
    figure.observed = true;
    new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width !== Math.round(figure.width ?? -1) && figure.redraw) {
        figure.width = width;
        figure.redraw();
      }
    }).observe(figure);
  }
}
