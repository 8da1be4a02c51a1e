// Live canary-vs-baseline charts for the rollout page, drawn on a <canvas>.
// The server sends the recent history once (mount) and then only new points (append),
// coalesced to about one call per 100 ms; this script keeps a bounded window of points per
// series, redraws at most once per animation frame, and follows the element's size.

const MAX_POINTS = 1500;
const PROBE_LIMIT = 20000;
const COLORS = { canary: '#e65100', baseline: '#3949ab', grid: '#e3e6ee', text: '#5a6478' };

function formatter(metric) {
  if (metric === 'error_rate') {
    return v => v === 0 ? '0%' : (v * 100).toFixed(Math.abs(v) < 0.001 ? 3 : 2) + '%';
  }
  if (metric.endsWith('_ms')) {
    return v => (v === 0 ? '0' : Math.abs(v) < 10 ? v.toFixed(1) : Math.round(v).toString()) + ' ms';
  }
  return v => (v === 0 ? '0' : Math.abs(v) < 10 ? v.toFixed(2) : Math.round(v).toString());
}

// Seconds matter while a chart spans a few minutes; beyond that they are noise.
function timeLabel(ms, seconds = true) {
  const options = seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : { hour: '2-digit', minute: '2-digit', hour12: false };
  return new Date(ms).toLocaleTimeString([], options);
}

// A series as parallel arrays, kept in time order; a point older than the last is dropped
// (the server sends only newer ones; this guards a replay after a reconnect).
class Series {
  constructor() { this.t = []; this.v = []; }
  add(flat) {
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const t = flat[i], v = flat[i + 1];
      if (!Number.isFinite(t) || !Number.isFinite(v)) continue;
      if (this.t.length && t <= this.t[this.t.length - 1]) continue;
      this.t.push(t); this.v.push(v);
    }
  }
  trim(from) {
    let drop = 0;
    while (drop < this.t.length && this.t[drop] < from) drop++;
    drop = Math.max(drop, this.t.length - MAX_POINTS);
    if (drop > 0) { this.t.splice(0, drop); this.v.splice(0, drop); }
  }
  get last() { return this.v.length ? this.v[this.v.length - 1] : null; }
  get lastTime() { return this.t.length ? this.t[this.t.length - 1] : null; }
}

class MetricChart {
  constructor(canvas, latest, options) {
    this.canvas = canvas;
    this.latest = latest;
    this.windowMs = options.windowMs || 600000;
    this.metric = options.metric || '';
    this.format = formatter(options.metric || '');
    // The page's language: the component sends its words; English when it sends none.
    this.words = Object.assign({
      noSamples: 'No samples yet.',
      noSamplesYet: 'No samples yet: the fleet reports once traffic reaches the new version.',
      latest: 'Latest at {0}: canary {1}, baseline {2}.',
    }, options.words || {});
    this.series = { baseline: new Series(), canary: new Series() };
    this.frame = 0;
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(canvas);
  }

  append(points) {
    if (!points) return;
    this.series.baseline.add(points.b || []);
    this.series.canary.add(points.c || []);
    this.probe(points);
    const newest = Math.max(this.series.baseline.lastTime ?? 0, this.series.canary.lastTime ?? 0);
    this.series.baseline.trim(newest - this.windowMs);
    this.series.canary.trim(newest - this.windowMs);
    this.writeLatest();
    this.schedule();
  }

  // Benchmark hook (docs/benchmarks/browser.md): only when the page defined window.__mcpCharts
  // before the charts mounted, note each point received as [metric, cohort, value,
  // performance.now()] in its `arrivals` array, bounded to PROBE_LIMIT entries. Pages in
  // production never define it, so they pay one property lookup per append.
  probe(points) {
    const probe = window.__mcpCharts;
    if (!probe || !Array.isArray(probe.arrivals)) return;
    const now = performance.now();
    for (const [cohort, flat] of [['baseline', points.b || []], ['canary', points.c || []]]) {
      for (let i = 1; i < flat.length; i += 2) probe.arrivals.push([this.metric, cohort, flat[i], now]);
    }
    if (probe.arrivals.length > PROBE_LIMIT) probe.arrivals.splice(0, probe.arrivals.length - PROBE_LIMIT);
  }

  writeLatest() {
    const c = this.series.canary.last, b = this.series.baseline.last;
    if (c === null && b === null) {
      this.latest.textContent = this.words.noSamples;
      return;
    }
    const at = Math.max(this.series.canary.lastTime ?? 0, this.series.baseline.lastTime ?? 0);
    const values = [timeLabel(at, true), c === null ? '–' : this.format(c), b === null ? '–' : this.format(b)];
    this.latest.textContent = this.words.latest.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
  }

  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  draw() {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (!width || !height) return;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '11px Roboto, "Segoe UI", Arial, sans-serif';

    const all = [this.series.baseline, this.series.canary];
    const count = all.reduce((n, s) => n + s.t.length, 0);
    if (!count) {
      ctx.fillStyle = COLORS.text;
      ctx.textAlign = 'center';
      ctx.fillText(this.words.noSamplesYet, width / 2, height / 2, width - 16);
      return;
    }

    const tMax = Math.max(...all.map(s => s.lastTime ?? 0));
    const tMin = Math.min(...all.filter(s => s.t.length).map(s => s.t[0]));
    let vMin = Infinity, vMax = -Infinity;
    for (const s of all) for (const v of s.v) { if (v < vMin) vMin = v; if (v > vMax) vMax = v; }
    // Start the axis at zero for these metrics (rates and latencies): a shift reads true to size.
    vMin = Math.min(0, vMin);
    if (vMax <= vMin) vMax = vMin + 1;
    vMax += (vMax - vMin) * 0.08;

    const left = Math.min(64, Math.max(44, width * 0.12)), right = 8, top = 8, bottom = 20;
    const plotW = Math.max(10, width - left - right), plotH = Math.max(10, height - top - bottom);
    const span = Math.max(1000, tMax - tMin);
    const x = t => left + (t - tMin) / span * plotW;
    const y = v => top + plotH - (v - vMin) / (vMax - vMin) * plotH;

    // Grid and labels: four value lines, a time label at each end (and the middle when wide).
    ctx.strokeStyle = COLORS.grid; ctx.fillStyle = COLORS.text; ctx.lineWidth = 1;
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    for (let i = 0; i <= 3; i++) {
      const v = vMin + (vMax - vMin) * i / 3, yy = Math.round(y(v)) + 0.5;
      ctx.beginPath(); ctx.moveTo(left, yy); ctx.lineTo(left + plotW, yy); ctx.stroke();
      ctx.fillText(this.format(v), left - 6, yy, left - 8);
    }
    const seconds = span < 10 * 60 * 1000;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'right'; ctx.fillText(timeLabel(tMax, seconds), left + plotW, top + plotH + 5);
    if (tMax - tMin >= 1000) { ctx.textAlign = 'left'; ctx.fillText(timeLabel(tMin, seconds), left, top + plotH + 5); }
    if (plotW > 280 && tMax - tMin >= 2000) { ctx.textAlign = 'center'; ctx.fillText(timeLabel((tMin + tMax) / 2, seconds), left + plotW / 2, top + plotH + 5); }

    const line = (s, color, dash) => {
      if (!s.t.length) return;
      if (s.t.length === 1) {
        // One sample is not a line yet; a dot says it arrived.
        ctx.fillStyle = color; ctx.beginPath(); ctx.arc(x(s.t[0]), y(s.v[0]), 3, 0, Math.PI * 2); ctx.fill();
        return;
      }
      ctx.strokeStyle = color; ctx.lineWidth = 1.6; ctx.setLineDash(dash); ctx.lineJoin = 'round';
      ctx.beginPath();
      for (let i = 0; i < s.t.length; i++) {
        const px = x(s.t[i]), py = y(s.v[i]);
        if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    };
    line(this.series.baseline, COLORS.baseline, [5, 3]);
    line(this.series.canary, COLORS.canary, []);
  }

  dispose() {
    this.resize.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
  }
}

/** Creates a chart on the canvas with its history; returns the object the server appends to. */
export function mount(canvas, latest, options, history) {
  const chart = new MetricChart(canvas, latest, options || {});
  chart.append(history || { b: [], c: [] });
  return chart;
}
