// The dyad chart, drawn as plain SVG: the tension index with its 95% band and alert markers on top,
// events per period below, conflict up from the zero line and cooperation down from it (the same
// direction as the tension index). No library, so it works offline.
import { signed, svg } from "./common.js";

const HEIGHT = 380;
const MARGIN = { left: 52, right: 16, top: 24, gap: 34, bottom: 40 };
const TOP_SHARE = 0.6;

function ticks(low, high, count) {
  const step = niceStep((high - low) / count);
  const first = Math.ceil(low / step) * step;
  const out = [];
  for (let value = first; value <= high + step / 1e6; value += step) out.push(Number(value.toFixed(6)));
  return out;
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

function linePath(points) {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}

const cooperation = (p) => (p.events_q1 || 0) + (p.events_q2 || 0);
const conflict = (p) => (p.events_q3 || 0) + (p.events_q4 || 0);
// Events of a period with a known QuadClass.
export const periodTotal = (p) => cooperation(p) + conflict(p);

// periods: rows of /api/series; alerts: /api/alerts' alerts; onPeriod(period) when a period is clicked.
export function drawDyadChart(container, periods, alerts, { onPeriod } = {}) {
  const width = Math.max(container.clientWidth || 0, 480);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const usable = HEIGHT - MARGIN.top - MARGIN.gap - MARGIN.bottom;
  const topHeight = usable * TOP_SHARE;
  const barHeight = usable - topHeight;
  const topY0 = MARGIN.top;
  const barY0 = MARGIN.top + topHeight + MARGIN.gap;
  const n = periods.length;
  const step = plotWidth / Math.max(n, 1);
  const x = (i) => MARGIN.left + (i + 0.5) * step;

  const lows = periods.map((p) => p.low ?? 0), highs = periods.map((p) => p.high ?? 0);
  const tLow = Math.max(-10, Math.min(-1, ...lows)), tHigh = Math.min(10, Math.max(1, ...highs));
  const ty = (v) => topY0 + (tHigh - Math.max(tLow, Math.min(tHigh, v))) / (tHigh - tLow) * topHeight;
  const coops = periods.map(cooperation), conflicts = periods.map(conflict);
  const totals = periods.map(periodTotal);
  const [up, down] = [Math.max(1, ...conflicts), Math.max(1, ...coops)];
  const by = (v) => barY0 + ((up - v) / (up + down)) * barHeight;  // v > 0 conflict, v < 0 cooperation

  const chart = svg("svg", { class: "chart", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", "aria-label": "tension index and events per period" });

  // axes and grid
  const grid = svg("g", { class: "grid" });
  for (const v of ticks(tLow, tHigh, 4)) {
    grid.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: ty(v), y2: ty(v), class: v === 0 ? "zero" : null }),
      svg("text", { x: MARGIN.left - 6, y: ty(v) + 4, "text-anchor": "end" }, signed(v, Math.abs(v) < 1 && v !== 0 ? 1 : 0)));
  }
  for (const v of ticks(-down, up, 4)) {
    grid.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: by(v), y2: by(v), class: v === 0 ? "zero bar-zero" : null }),
      svg("text", { x: MARGIN.left - 6, y: by(v) + 4, "text-anchor": "end" }, String(Math.abs(v))));
  }
  chart.append(grid,
    svg("text", { class: "panel-label", x: MARGIN.left, y: topY0 - 8 }, "tension index (conflict > 0 > cooperation), 95% band"),
    svg("text", { class: "panel-label", x: MARGIN.left, y: barY0 - 8 }, "events per period: conflict above the line, cooperation below"));

  if (n) {
    const band = [...periods.map((p, i) => [x(i), ty(p.high ?? 0)]), ...periods.map((p, i) => [x(i), ty(p.low ?? 0)]).reverse()];
    chart.append(svg("path", { class: "tension-band", d: `${linePath(band)}Z` }));
    chart.append(svg("path", { class: "tension-line", d: linePath(periods.map((p, i) => [x(i), ty(p.tension ?? 0)])) }));

    const bars = svg("g", { class: "bars" });
    const barWidth = Math.max(1, step * 0.8);
    periods.forEach((p, i) => {
      const [coop, against] = [coops[i], conflicts[i]];
      if (against) bars.append(svg("rect", { class: "conflict", x: x(i) - barWidth / 2, width: barWidth, y: by(against), height: by(0) - by(against) }));
      if (coop) bars.append(svg("rect", { class: "coop", x: x(i) - barWidth / 2, width: barWidth, y: by(0), height: by(-coop) - by(0) }));
    });
    chart.append(bars);

    // x axis: about eight labelled periods
    const axis = svg("g", { class: "axis" });
    const every = Math.max(1, Math.ceil(n / 8));
    for (let i = 0; i < n; i += every) {
      axis.append(svg("text", { x: x(i), y: HEIGHT - MARGIN.bottom + 18, "text-anchor": "middle" }, periods[i].period));
    }
    chart.append(axis);

    // one invisible column per period: its numbers on hover, the period's events on click
    const hover = svg("g", { class: "hover" });
    periods.forEach((p, i) => {
      const column = svg("rect", {
        x: x(i) - step / 2, width: step, y: MARGIN.top, height: HEIGHT - MARGIN.top - MARGIN.bottom, "data-period": p.period,
        onclick: () => onPeriod && onPeriod(p.period),
      }, svg("title", {}, `${p.period}: tension ${signed(p.tension, 2)} (${signed(p.low, 2)} to ${signed(p.high, 2)}), ` +
        `${totals[i]} events, ${conflicts[i]} in conflict, ${coops[i]} in cooperation`));
      hover.append(column);
    });
    chart.append(hover);

    const index = new Map(periods.map((p, i) => [p.period, i]));
    const markers = svg("g", { class: "alerts" });
    for (const alert of alerts) {
      const i = index.get(alert.period);
      if (i === undefined) continue;
      const [cx, cy] = [x(i), topY0 + 2];
      markers.append(svg("path", { class: "alert-marker", "data-period": alert.period, d: `M${cx - 6},${cy - 8}L${cx + 6},${cy - 8}L${cx},${cy + 2}Z`, onclick: () => onPeriod && onPeriod(alert.period) },
        svg("title", {}, `alert ${alert.dyad}, ${alert.period}: ${alert.events} conflict events (x${alert.ratio_short.toFixed(1)} the last 4 periods, x${alert.ratio_long.toFixed(1)} the last 52)`)));
      markers.append(svg("line", { class: "alert-rule", x1: cx, x2: cx, y1: topY0, y2: topY0 + topHeight }));
    }
    chart.append(markers);
  } else {
    chart.append(svg("text", { class: "empty", x: width / 2, y: HEIGHT / 2, "text-anchor": "middle" }, "no dated events for this selection"));
  }
  container.replaceChildren(chart);
  return chart;
}
