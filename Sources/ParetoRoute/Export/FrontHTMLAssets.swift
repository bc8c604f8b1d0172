/// The fixed parts of the HTML report: its markup skeleton, style sheet and script.
///
/// Kept apart from ``FrontHTML`` (which embeds the data) so the page's behaviour reads as
/// one piece. The script mirrors the library's rules where the page answers questions:
/// the budget answer is ``FrontPicker/pick(_:from:)``'s `.budget` rule (the best quality
/// costing at most the budget; ties to the cheaper, then the earlier point; none: the
/// cheapest), domination is ``FrontPoint/dominates(cost:quality:)``, dollars and qualities
/// are formatted like ``formatUSD(_:)`` and ``formatQuality(_:)``, and a configuration is
/// written byte for byte as `pick --json` writes it.
enum FrontHTMLAssets {
    static let body = #"""
    <header>
    <h1>Pareto front: monthly cost vs weighted quality</h1>
    <p id="summary"></p>
    <p id="assumptions"></p>
    <p id="thinning" hidden></p>
    <noscript><p class="warn">This report draws its plot and tables with JavaScript; please enable it.</p></noscript>
    </header>
    <main>
    <section id="plot-section">
    <div class="controls">
    <label>Budget (USD/month) <input id="budget-input" type="number" min="0" step="any" inputmode="decimal"></label>
    <input id="budget-slider" type="range" aria-label="budget slider">
    <label><input id="bars-toggle" type="checkbox"> error bars</label>
    <label><input id="log-toggle" type="checkbox"> log cost axis</label>
    </div>
    <div id="plot-wrap"><canvas id="plot" aria-label="scatter plot of the front"></canvas><div id="tooltip" hidden></div></div>
    <p class="legend"><span class="key dot"></span> front point <span class="key knee"></span> knee <span class="key budget"></span> budget answer <span class="key selected"></span> selected <span class="key mark"></span> marked configuration <span class="key dominating"></span> dominates the mark — hover for details, click to select</p>
    </section>
    <section id="budget-section">
    <h2>Best point within the budget</h2>
    <div id="budget-answer"></div>
    </section>
    <section id="point-section">
    <h2>Selected point</h2>
    <div id="point-detail"></div>
    </section>
    <section id="mark-section" hidden>
    <h2>Marked configuration</h2>
    <div id="mark-detail"></div>
    </section>
    <section id="table-section">
    <h2>All points</h2>
    <div class="controls" id="filters">
    <label>setting or model contains <input id="filter-text" type="search" placeholder="e.g. sonnet or faq"></label>
    <label>cost ≤ <input id="filter-cost" type="number" min="0" step="any"></label>
    <label>quality ≥ <input id="filter-quality" type="number" min="0" max="1" step="any"></label>
    <label id="filter-dominating-label" hidden><input id="filter-dominating" type="checkbox"> only points dominating the mark</label>
    </div>
    <p id="table-count"></p>
    <table id="points-table"><thead><tr>
    <th data-key="index" class="num">#</th><th data-key="cost" class="num">monthly cost</th><th data-key="quality" class="num">quality</th>
    <th data-key="se" class="num">± SE</th><th data-key="fees" class="num">fees</th><th data-key="models">models</th><th data-key="feasible">feasible</th>
    </tr></thead><tbody></tbody></table>
    <p><button id="table-more" type="button" hidden>show 100 more</button></p>
    </section>
    <section id="run-section">
    <h2>Assumptions and data</h2>
    <dl id="run-details"></dl>
    </section>
    </main>
    """#

    static let style = #"""
    :root { --blue: #2563eb; --red: #dc2626; --green: #059669; --amber: #f59e0b; --ink: #1f2937; --muted: #6b7280; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 12px 20px 40px; }
    h1 { font-size: 22px; margin: 8px 0 4px; }
    h2 { font-size: 17px; margin: 22px 0 6px; border-bottom: 1px solid #e5e7eb; padding-bottom: 3px; }
    p { margin: 4px 0; }
    #summary, #assumptions, #thinning { color: #374151; }
    #thinning { color: #92400e; }
    .warn, .bad { color: #b91c1c; font-weight: 600; }
    .ok { color: var(--green); font-weight: 600; }
    .controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; margin: 6px 0; }
    .controls input[type=number], .controls input[type=search] { width: 9em; }
    #budget-slider { flex: 1 1 240px; }
    #plot-wrap { position: relative; }
    canvas { display: block; width: 100%; border: 1px solid #e5e7eb; cursor: crosshair; }
    #tooltip { position: absolute; pointer-events: none; background: #111827; color: white; padding: 5px 8px; border-radius: 4px; font-size: 12px; max-width: 360px; white-space: normal; }
    .legend { color: var(--muted); font-size: 12px; }
    .key { display: inline-block; width: 10px; height: 10px; margin-left: 8px; vertical-align: middle; }
    .key.dot { background: var(--blue); border-radius: 50%; }
    .key.knee { border: 2px solid var(--red); border-radius: 50%; }
    .key.budget { border: 2px solid var(--green); border-radius: 50%; }
    .key.selected { border: 2px solid black; border-radius: 50%; }
    .key.mark { background: var(--amber); transform: rotate(45deg); }
    .key.dominating { background: #ea580c; border-radius: 50%; }
    table { border-collapse: collapse; margin: 6px 0; }
    th, td { padding: 2px 9px; text-align: left; border-bottom: 1px solid #f0f0f0; white-space: nowrap; }
    th { background: #f9fafb; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    #points-table th { cursor: pointer; user-select: none; }
    #points-table th.sorted-asc::after { content: " ▲"; }
    #points-table th.sorted-desc::after { content: " ▼"; }
    #points-table tbody tr { cursor: pointer; }
    #points-table tbody tr:hover { background: #eff6ff; }
    tr.current { background: #fef9c3; }
    tr.changed-prev td:first-child::before { content: "◀ "; color: var(--muted); }
    tr.changed-next td:first-child::after { content: " ▶"; color: var(--muted); }
    .changes { margin: 4px 0 4px 0; padding-left: 18px; }
    .tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 9px; background: #e5e7eb; margin-left: 6px; }
    .tag.knee { background: #fee2e2; color: var(--red); }
    .tag.budget { background: #d1fae5; color: var(--green); }
    button { font: inherit; padding: 2px 10px; margin-right: 6px; cursor: pointer; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; }
    dt { color: var(--muted); }
    dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
    a { color: var(--blue); }
    @media print {
      body { max-width: none; padding: 0; font-size: 11px; }
      .controls, button, #tooltip, #table-more, .legend { display: none !important; }
      canvas { border: none; max-height: 9cm; width: 100%; height: auto; }
      section { break-inside: avoid-page; }
      #table-section { break-before: page; }
      #points-table tbody tr:nth-child(n+41) { display: none; }
      th, td { padding: 1px 5px; }
      a { color: inherit; text-decoration: none; }
    }
    """#

    static let script = #"""
    "use strict";
    (function () {
    const root = document.documentElement;
    window.addEventListener("error", function (event) { root.setAttribute("data-error", String(event.message)); });
    const D = JSON.parse(document.getElementById("front-data").textContent);
    function bytes(text) {
      const binary = atob(text), out = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
      return out;
    }
    function doubles(text) { const b = bytes(text); return new Float64Array(b.buffer, 0, b.length / 8); }
    const N = D.point_count, M = D.intents.length;
    function column(name) { return document.getElementById("column-" + name).textContent; }
    const cost = doubles(column("monthly_cost_usd")), quality = doubles(column("quality"));
    const se = doubles(column("quality_standard_error")), fees = doubles(column("fixed_fees_usd")), feasible = bytes(column("feasible"));
    const rawCells = bytes(column("point_cells"));
    const cellIndex = D.index_bytes === 1 ? rawCells : D.index_bytes === 2 ? new Uint16Array(rawCells.buffer) : new Uint32Array(rawCells.buffer);
    function cell(i, j) { return D.cells[j][cellIndex[i * M + j]]; }
    const knee = D.knee_point === null ? -1 : D.knee_point - 1;
    const z = D.z;
    const mark = D.mark;

    // Formatting, as the CLI prints (formatUSD, formatQuality, formatFixed).
    function fixed(value, decimals) {
      if (!isFinite(value)) return "?";
      const scale = Math.pow(10, decimals), scaled = Math.round(Math.abs(value) * scale);
      const whole = Math.floor(scaled / scale), fraction = String(scaled - whole * scale).padStart(decimals, "0");
      const sign = value < 0 && scaled !== 0 ? "-" : "";
      return decimals === 0 ? sign + whole : sign + whole + "." + fraction;
    }
    function usd(value) {
      if (!isFinite(value)) return "$?";
      const magnitude = Math.abs(value);
      let text;
      if (magnitude < 100) {
        const cents = Math.round(magnitude * 100);
        text = Math.floor(cents / 100) + "." + String(cents % 100).padStart(2, "0");
      } else {
        text = String(Math.round(magnitude)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      }
      return (value < 0 ? "-$" : "$") + text;
    }
    // A standard error of a mean of one sample is unknown: null in a cell, NaN in a column.
    function q4(value) { return value === null || Number.isNaN(value) ? "n/a" : fixed(value, 4); }
    function signedUSD(value) { return (value >= 0 ? "+" : "") + usd(value); }
    function signedQ(value) { return (value >= 0 ? "+" : "") + q4(value); }

    // The library's rules.
    function pickBudget(budget) {
      let best = -1;
      for (let i = 0; i < N; i++) {
        if (cost[i] <= budget && (best < 0 || quality[i] > quality[best] || (quality[i] === quality[best] && cost[i] < cost[best]))) best = i;
      }
      if (best >= 0) return { found: best };
      let cheapest = 0;
      for (let i = 1; i < N; i++) if (cost[i] < cost[cheapest]) cheapest = i;
      return { nearest: cheapest };
    }
    function dominates(i, c, q) { return cost[i] <= c && quality[i] >= q && (cost[i] < c || quality[i] > q); }
    function modelSummary(i) {
      const counts = new Map();
      for (let j = 0; j < M; j++) { const m = cell(i, j)[1]; counts.set(m, (counts.get(m) || 0) + 1); }
      return Array.from(counts).sort(function (a, b) { return a[1] !== b[1] ? b[1] - a[1] : (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); })
        .map(function (e) { return e[0] + "×" + e[1]; }).join(" ");
    }
    function jsonString(text) {
      let out = "\"";
      for (const ch of text) {
        const code = ch.codePointAt(0);
        if (ch === "\"") out += "\\\""; else if (ch === "\\") out += "\\\\";
        else if (ch === "\n") out += "\\n"; else if (ch === "\r") out += "\\r"; else if (ch === "\t") out += "\\t";
        else if (code < 0x20) out += "\\u" + code.toString(16).padStart(4, "0");
        else out += ch;
      }
      return out + "\"";
    }
    function configurationJSON(i) {
      let text = "{\n  \"intents\": {";
      for (let j = 0; j < M; j++) {
        const c = cell(i, j);
        text += (j > 0 ? "," : "") + "\n    " + jsonString(D.intents[j]) + ": {\n      \"model\": " + jsonString(c[1])
          + ",\n      \"max_tokens\": " + c[2] + ",\n      \"temperature\": " + c[10] + ",\n      \"rag_chunks\": " + c[4] + "\n    }";
      }
      return text + (M > 0 ? "\n  }\n}\n" : "}\n}\n");
    }
    const dominators = [];
    if (mark) for (let i = 0; i < N; i++) if (dominates(i, mark.monthly_cost_usd, mark.quality)) dominators.push(i);
    const dominatesMark = new Uint8Array(N);
    for (const i of dominators) dominatesMark[i] = 1;

    // DOM helpers: text only, never markup from the data.
    function el(tag, attrs, children) {
      const node = document.createElement(tag);
      if (attrs) for (const key in attrs) { if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]); }
      for (const child of children || []) node.append(child);
      return node;
    }
    function numCell(text, field, value) { return el("td", { class: "num", "data-field": field, "data-value": value === undefined ? null : String(value) }, [text]); }
    function pointLink(i) {
      const a = el("a", { href: "#", "data-point": String(i + 1) }, ["#" + (i + 1)]);
      a.addEventListener("click", function (event) { event.preventDefault(); select(i); });
      return a;
    }

    // State, mirrored in the URL's fragment.
    const state = { budget: null, budgetFromUser: false, point: null, bars: false, log: false };
    function parseBudget(text) {
      if (text === null || !/^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
      const value = Number(text.trim());
      return isFinite(value) ? value : null;
    }
    function readHash() {
      const params = new URLSearchParams(location.hash.replace(/^#/, ""));
      const budget = parseBudget(params.get("budget"));
      state.budget = budget; state.budgetFromUser = budget !== null;
      const point = Number(params.get("point"));
      state.point = params.has("point") && Number.isInteger(point) && point >= 1 && point <= N ? point - 1 : null;
      state.bars = params.get("bars") === "1";
      state.log = params.has("log") ? params.get("log") === "1" : D.log_cost === true;
    }
    function writeHash() {
      const parts = [];
      if (state.budgetFromUser && state.budget !== null) parts.push("budget=" + state.budget);
      if (state.point !== null) parts.push("point=" + (state.point + 1));
      if (state.bars) parts.push("bars=1");
      if (state.log !== (D.log_cost === true)) parts.push("log=" + (state.log ? "1" : "0"));
      const hash = parts.length ? "#" + parts.join("&") : " ";
      try { history.replaceState(null, "", hash === " " ? location.pathname + location.search : hash); } catch (e) { /* some file: views forbid it */ }
    }

    // Header and run details.
    function renderHeader() {
      const summary = document.getElementById("summary");
      const parts = [D.method === "exact" ? "exact front" : "NSGA-II front", N.toLocaleString("en-US") + " points",
        "data " + D.data_fingerprint, "hypervolume " + fixed(D.hypervolume, 2) + " (reference " + usd(D.reference_point[0]) + ", " + q4(D.reference_point[1]) + ")"];
      summary.append(parts.join(" · ") + " · ");
      if (knee >= 0) summary.append("knee ", pointLink(knee), ": " + usd(cost[knee]) + "/month, quality " + q4(quality[knee]));
      const assumptions = document.getElementById("assumptions");
      assumptions.textContent = D.assumptions.length ? "Assumptions: " + D.assumptions.join("; ") : "Assumptions: none — the data as measured, no constraints beyond each intent's floor and cap.";
      const dl = document.getElementById("run-details");
      function row(name, value) { dl.append(el("dt", null, [name]), el("dd", null, [value])); }
      row("data fingerprint", D.data_fingerprint);
      row("method", D.method);
      row("tool version", D.tool_version);
      row("points", String(N));
      row("error bars", "quality ± " + fixed(z, 2) + " standard errors");
      for (const key in D.settings) row("setting " + key, JSON.stringify(D.settings[key]));
      for (const key in D.statistics) {
        if (key === "pruning" && Array.isArray(D.statistics[key])) {
          let cells = 0, candidates = 0;
          for (const p of D.statistics[key]) { cells += p.cells || 0; candidates += p.candidates || 0; }
          row("pruning", "kept " + candidates + " of " + cells + " cells as candidates over " + D.statistics[key].length + " intents");
        } else row("statistic " + key, JSON.stringify(D.statistics[key]));
      }
    }

    // The plot.
    const canvas = document.getElementById("plot"), tooltip = document.getElementById("tooltip");
    let plotted = [], view = null;
    function choosePlotted() {
      const limit = D.plot_point_limit;
      if (N <= limit) { plotted = Array.from({ length: N }, function (_, i) { return i; }); return; }
      const step = Math.ceil(N / limit), chosen = [];
      for (let i = 0; i < N; i += step) chosen.push(i);
      if (chosen[chosen.length - 1] !== N - 1) chosen.push(N - 1);
      plotted = chosen;
      const note = document.getElementById("thinning");
      note.hidden = false;
      note.textContent = "The plot shows " + plotted.length.toLocaleString("en-US") + " of " + N.toLocaleString("en-US")
        + " points (every " + step + "th, plus the knee, the budget answer and the selected point); budget answers, the table and point details use every point.";
    }
    // Round ticks (1, 2 or 5 × 10ⁿ) inside [low, high]: the largest step giving at least `minimum`.
    function niceTicks(low, high, minimum) {
      if (!(high > low)) { high = low + (Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1); low -= (high - low) * 0.1; }
      for (let e = Math.ceil(Math.log10(high - low)); e > -20; e--) {
        for (const m of [5, 2, 1]) {
          const step = m * Math.pow(10, e), first = Math.ceil(low / step - 1e-9), last = Math.floor(high / step + 1e-9);
          if (last - first + 1 >= minimum) { const ticks = []; for (let k = first; k <= last; k++) ticks.push(k * step); return ticks; }
        }
      }
      return [low, high];
    }
    // Log-axis ticks: 1, 2, 5 × 10ⁿ, or finer mantissas when those give fewer than five.
    function logTicks(low, high) {
      for (const mantissas of [[1, 2, 5], [1, 1.5, 2, 3, 5, 7], [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9]]) {
        const ticks = [];
        for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++)
          for (const m of mantissas) { const v = m * Math.pow(10, e); if (v >= low && v <= high) ticks.push(v); }
        if (ticks.length >= 5) return ticks;
      }
      return niceTicks(low, high, 5);
    }
    function extent() {
      let c0 = Infinity, c1 = -Infinity, q0 = Infinity, q1 = -Infinity;
      for (let i = 0; i < N; i++) {
        if (cost[i] < c0) c0 = cost[i]; if (cost[i] > c1) c1 = cost[i];
        const bar = state.bars && Number.isFinite(se[i]) ? z * se[i] : 0, lo = quality[i] - bar, hi = quality[i] + bar;
        if (lo < q0) q0 = lo; if (hi > q1) q1 = hi;
      }
      if (mark) { c0 = Math.min(c0, mark.monthly_cost_usd); c1 = Math.max(c1, mark.monthly_cost_usd); q0 = Math.min(q0, mark.quality); q1 = Math.max(q1, mark.quality); }
      return { c0: c0, c1: c1, q0: q0, q1: q1 };
    }
    function draw() {
      const width = Math.max(320, Math.round(canvas.parentElement.clientWidth || 900));
      const height = Math.round(Math.max(300, Math.min(540, width * 0.52)));
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio); canvas.height = Math.round(height * ratio);
      canvas.style.height = height + "px";
      const g = canvas.getContext("2d");
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.clearRect(0, 0, width, height);
      const left = 78, right = 20, top = 14, bottom = 48, w = width - left - right, h = height - top - bottom;
      const e = extent();
      const logScale = state.log && e.c0 > 0;
      let xTicks, x0, x1;
      if (logScale) {
        x0 = e.c0 / 1.05; x1 = e.c1 * 1.05; xTicks = logTicks(x0, x1);
      } else {
        const pad = (e.c1 - e.c0) * 0.03 || Math.max(1, e.c0 * 0.05);
        x0 = Math.max(0, e.c0 - pad); x1 = e.c1 + pad; xTicks = niceTicks(x0, x1, 5);
      }
      const qpad = (e.q1 - e.q0) * 0.06 || 0.005;
      const y0 = e.q0 - qpad, y1 = e.q1 + qpad, yTicks = niceTicks(y0, y1, 5);
      const px = logScale ? function (c) { return left + (Math.log(c) - Math.log(x0)) / (Math.log(x1) - Math.log(x0)) * w; }
                          : function (c) { return left + (c - x0) / (x1 - x0) * w; };
      const py = function (q) { return top + h - (q - y0) / (y1 - y0) * h; };
      view = { px: px, py: py, left: left, top: top, w: w, h: h };
      g.font = "12px system-ui, sans-serif"; g.lineWidth = 1;
      g.strokeStyle = "#eceff3"; g.fillStyle = "#374151";
      const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 0.01;
      const yDecimals = Math.max(0, Math.min(6, Math.ceil(-Math.log10(yStep) - 1e-9)));
      g.textAlign = "center"; g.textBaseline = "top";
      for (const t of xTicks) { const x = px(t); if (x < left - 1 || x > left + w + 1) continue; g.beginPath(); g.moveTo(x, top); g.lineTo(x, top + h); g.stroke(); g.fillText(usd(t), x, top + h + 6); }
      g.textAlign = "right"; g.textBaseline = "middle";
      for (const t of yTicks) { const y = py(t); if (y < top - 1 || y > top + h + 1) continue; g.beginPath(); g.moveTo(left, y); g.lineTo(left + w, y); g.stroke(); g.fillText(fixed(t, yDecimals), left - 6, y); }
      g.strokeStyle = "#6b7280"; g.strokeRect(left, top, w, h);
      g.textAlign = "center"; g.textBaseline = "bottom"; g.font = "13px system-ui, sans-serif";
      g.fillText("Monthly cost (USD per month" + (logScale ? ", log scale" : "") + ")", left + w / 2, height - 4);
      g.save(); g.translate(14, top + h / 2); g.rotate(-Math.PI / 2); g.textBaseline = "middle"; g.fillText("Weighted quality (0–1)", 0, 0); g.restore();
      g.save(); g.beginPath(); g.rect(left, top, w, h); g.clip();
      const answer = budgetAnswer();
      if (state.budget !== null && state.budget < x1) {
        const bx = Math.max(left, px(Math.max(state.budget, x0)));
        g.fillStyle = "rgba(107,114,128,0.10)"; g.fillRect(bx, top, left + w - bx, h);
        g.strokeStyle = "#059669"; g.setLineDash([5, 4]); g.beginPath(); g.moveTo(bx, top); g.lineTo(bx, top + h); g.stroke(); g.setLineDash([]);
      }
      // Staircase through every point (what a budget buys between two points).
      g.strokeStyle = "rgba(37,99,235,0.55)"; g.beginPath();
      for (let k = 0; k < plotted.length; k++) { const i = plotted[k]; if (k === 0) g.moveTo(px(cost[i]), py(quality[i])); else { g.lineTo(px(cost[i]), py(quality[plotted[k - 1]])); g.lineTo(px(cost[i]), py(quality[i])); } }
      g.stroke();
      if (state.bars) {
        g.strokeStyle = "rgba(37,99,235,0.35)"; g.beginPath();
        for (const i of plotted) { if (!Number.isFinite(se[i])) continue; const x = px(cost[i]); g.moveTo(x, py(quality[i] - z * se[i])); g.lineTo(x, py(quality[i] + z * se[i])); }
        g.stroke();
      }
      const r = plotted.length > 5000 ? 1.6 : 3;
      for (const i of plotted) {
        g.fillStyle = dominatesMark[i] ? "#ea580c" : feasible[i] ? "#2563eb" : "#9ca3af";
        g.beginPath(); g.arc(px(cost[i]), py(quality[i]), r, 0, 2 * Math.PI); g.fill();
      }
      function ring(i, color, radius) { g.strokeStyle = color; g.lineWidth = 2; g.beginPath(); g.arc(px(cost[i]), py(quality[i]), radius, 0, 2 * Math.PI); g.stroke(); g.lineWidth = 1; }
      if (knee >= 0) ring(knee, "#dc2626", 8);
      if (answer && answer.found !== undefined) ring(answer.found, "#059669", 11);
      if (state.point !== null) ring(state.point, "#000000", 6);
      if (mark) {
        const mx = px(mark.monthly_cost_usd), my = py(mark.quality);
        g.fillStyle = "#f59e0b"; g.strokeStyle = "#92400e"; g.beginPath(); g.moveTo(mx, my - 8); g.lineTo(mx + 8, my); g.lineTo(mx, my + 8); g.lineTo(mx - 8, my); g.closePath(); g.fill(); g.stroke();
        g.fillStyle = "#92400e"; g.font = "12px system-ui, sans-serif"; g.textAlign = mx > left + w / 2 ? "right" : "left"; g.textBaseline = "top";
        g.fillText(mark.label + (mark.feasible ? "" : " (NOT feasible)") + ": " + usd(mark.monthly_cost_usd) + ", " + q4(mark.quality), mx + (mx > left + w / 2 ? -12 : 12), my + 8);
      }
      g.restore();
    }
    function nearestPlotted(x, y) {
      if (!view) return -1;
      let best = -1, bestDistance = 144;
      const candidates = plotted.concat([knee, state.point === null ? -1 : state.point]);
      for (const i of candidates) {
        if (i < 0) continue;
        const dx = view.px(cost[i]) - x, dy = view.py(quality[i]) - y, d = dx * dx + dy * dy;
        if (d < bestDistance) { bestDistance = d; best = i; }
      }
      return best;
    }
    canvas.addEventListener("mousemove", function (event) {
      const box = canvas.getBoundingClientRect(), x = event.clientX - box.left, y = event.clientY - box.top;
      const i = nearestPlotted(x, y);
      if (i < 0) { tooltip.hidden = true; return; }
      tooltip.hidden = false;
      tooltip.textContent = "#" + (i + 1) + ": " + usd(cost[i]) + "/month, quality " + q4(quality[i]) + " ± " + q4(se[i]) + " · " + modelSummary(i)
        + (i === knee ? " · knee" : "") + (dominatesMark[i] ? " · dominates " + mark.label : "") + " — click for its settings";
      tooltip.style.left = Math.min(x + 14, box.width - 300) + "px"; tooltip.style.top = (y + 14) + "px";
    });
    canvas.addEventListener("mouseleave", function () { tooltip.hidden = true; });
    canvas.addEventListener("click", function (event) {
      const box = canvas.getBoundingClientRect(), i = nearestPlotted(event.clientX - box.left, event.clientY - box.top);
      if (i >= 0) select(i);
    });

    // Configurations: a per-intent table, neighbours' changes, copy and download.
    function settingsTable(i, id, markNeighbours) {
      const previous = markNeighbours && i > 0 ? i - 1 : -1, next = markNeighbours && i + 1 < N ? i + 1 : -1;
      const head = el("tr", null, ["intent", "model", "max_tokens", "temperature", "rag_chunks", "cost/month", "quality", "± SE", "p99 ms", "weight"].map(function (name, k) { return el("th", { class: k >= 2 ? "num" : null }, [name]); }));
      const body = el("tbody");
      for (let j = 0; j < M; j++) {
        const c = cell(i, j);
        const classes = [];
        if (previous >= 0 && cellIndex[previous * M + j] !== cellIndex[i * M + j]) classes.push("changed-prev");
        if (next >= 0 && cellIndex[next * M + j] !== cellIndex[i * M + j]) classes.push("changed-next");
        body.append(el("tr", { "data-intent": D.intents[j], class: classes.join(" ") || null }, [
          el("td", null, [D.intents[j]]), el("td", { "data-field": "model" }, [c[1]]),
          numCell(String(c[2]), "max_tokens", c[2]), numCell(c[10], "temperature", c[3]), numCell(String(c[4]), "rag_chunks", c[4]),
          numCell(usd(c[5]), "monthly_cost_usd", c[5]), numCell(q4(c[6]), "quality", c[6]), numCell(q4(c[8]), "quality_standard_error", c[8]),
          numCell(fixed(c[7], 0), "p99_latency_ms", c[7]), numCell(fixed(c[9] * 100, 1) + "%", "weight_share", c[9]),
        ]));
      }
      return el("table", { id: id, "data-point": String(i + 1) }, [el("thead", null, [head]), body]);
    }
    function changes(from, to) {
      const list = el("ul", { class: "changes" });
      for (let j = 0; j < M; j++) {
        const a = cell(from, j), b = cell(to, j);
        if (cellIndex[from * M + j] === cellIndex[to * M + j]) continue;
        list.append(el("li", null, [D.intents[j] + ": " + a[0] + " → " + b[0] + " (cost " + signedUSD(b[5] - a[5]) + ", quality " + signedQ(b[6] - a[6]) + ")"]));
      }
      if (!list.childElementCount) list.append(el("li", null, ["same settings"]));
      return list;
    }
    function neighbours(i) {
      const box = el("div");
      if (i > 0) box.append(el("p", null, ["From the cheaper neighbour ", pointLink(i - 1), " (" + signedUSD(cost[i] - cost[i - 1]) + "/month, quality " + signedQ(quality[i] - quality[i - 1]) + "), marked ◀:"]), changes(i - 1, i));
      if (i + 1 < N) box.append(el("p", null, ["To the dearer neighbour ", pointLink(i + 1), " (" + signedUSD(cost[i + 1] - cost[i]) + "/month, quality " + signedQ(quality[i + 1] - quality[i]) + "), marked ▶:"]), changes(i, i + 1));
      return box;
    }
    function headline(i) {
      const line = el("p", { class: "headline" }, [el("strong", null, ["Point #" + (i + 1) + " of " + N]), ": " + usd(cost[i]) + "/month (fees " + usd(fees[i]) + "), quality " + q4(quality[i]) + " ± " + q4(se[i]) + " · " + modelSummary(i)]);
      if (i === knee) line.append(el("span", { class: "tag knee" }, ["knee"]));
      if (!feasible[i]) line.append(el("span", { class: "tag" }, ["keeps baseline cells that break a floor or cap"]));
      if (dominatesMark[i]) line.append(el("span", { class: "tag" }, ["dominates " + mark.label]));
      return line;
    }
    function configurationButtons(i) {
      const text = configurationJSON(i), box = el("p");
      const copy = el("button", { type: "button" }, ["Copy configuration JSON"]);
      copy.addEventListener("click", function () {
        function fallback() { const area = el("textarea"); area.value = text; document.body.append(area); area.select(); try { document.execCommand("copy"); } catch (e) { } area.remove(); }
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { copy.textContent = "Copied"; }, fallback); else fallback();
      });
      const download = el("a", { href: "data:application/json;charset=utf-8," + encodeURIComponent(text), download: "point-" + (i + 1) + ".json", role: "button" }, ["Download configuration JSON"]);
      box.append(copy, download);
      return box;
    }

    function budgetAnswer() { return state.budget === null ? null : pickBudget(state.budget); }
    function renderBudget() {
      const box = document.getElementById("budget-answer");
      box.replaceChildren();
      box.removeAttribute("data-point"); box.removeAttribute("data-nearest");
      const answer = budgetAnswer();
      if (!answer) { box.append(el("p", null, ["Enter a monthly budget above (or drag the slider) to see the best point within it."])); return; }
      box.setAttribute("data-budget", String(state.budget));
      if (answer.found !== undefined) {
        const i = answer.found;
        box.setAttribute("data-point", String(i + 1));
        box.append(el("p", null, ["Best quality for at most " + usd(state.budget) + " a month: ", pointLink(i), " — " + usd(cost[i]) + "/month, quality " + q4(quality[i]) + " (same rule as paretoroute pick --budget " + state.budget + ")."]));
        box.append(headline(i), settingsTable(i, "budget-intents", false), configurationButtons(i));
      } else {
        const i = answer.nearest;
        box.setAttribute("data-nearest", String(i + 1));
        box.append(el("p", { class: "bad" }, ["No point costs at most " + usd(state.budget) + " a month; the cheapest, ", pointLink(i), ", costs " + usd(cost[i]) + "."]));
      }
    }
    function renderPoint() {
      const box = document.getElementById("point-detail");
      box.replaceChildren();
      const i = state.point === null ? knee : state.point;
      if (i < 0) { box.append("No point selected."); return; }
      box.setAttribute("data-point", String(i + 1));
      if (state.point === null) box.append(el("p", { class: "legend" }, ["Showing the knee; click a point on the plot or in the table to select another."]));
      const nav = el("p");
      const prev = el("button", { type: "button" }, ["◀ cheaper"]), next = el("button", { type: "button" }, ["dearer ▶"]);
      prev.disabled = i === 0; next.disabled = i + 1 >= N;
      prev.addEventListener("click", function () { select(i - 1); }); next.addEventListener("click", function () { select(i + 1); });
      nav.append(prev, next);
      box.append(headline(i), nav, settingsTable(i, "point-intents", true), configurationButtons(i), neighbours(i));
    }
    function renderMark() {
      if (!mark) return;
      document.getElementById("mark-section").hidden = false;
      document.getElementById("filter-dominating-label").hidden = false;
      const box = document.getElementById("mark-detail");
      box.setAttribute("data-dominators", String(dominators.length));
      box.setAttribute("data-feasible", String(mark.feasible));
      box.append(el("p", null, [el("strong", null, [mark.label]), ": " + usd(mark.monthly_cost_usd) + "/month (fees " + usd(mark.fixed_fees_usd) + "), quality " + q4(mark.quality) + " ± " + q4(mark.quality_standard_error) + " — ",
        el("span", { class: mark.feasible ? "ok" : "bad" }, [mark.feasible ? "feasible" : "NOT feasible"])]));
      const head = el("tr", null, ["intent", "setting", "cost/month", "quality (floor)", "p99 ms (cap)", "fails"].map(function (n, k) { return el("th", { class: k >= 2 && k <= 4 ? "num" : null }, [n]); }));
      const body = el("tbody");
      for (const f of mark.intents) {
        const setting = f.model + "/" + f.max_tokens + "/t" + f.temperature + "/rag" + f.rag_chunks;
        body.append(el("tr", { class: f.failures.length ? "current" : null }, [el("td", null, [f.intent]), el("td", null, [setting]), numCell(usd(f.monthly_cost_usd)),
          numCell(q4(f.quality) + " (" + fixed(f.min_quality, 2) + ")"), numCell(fixed(f.p99_latency_ms, 0) + " (" + fixed(f.max_p99_latency_ms, 0) + ")"), el("td", null, [f.failures.length ? f.failures.join(", ") : "-"])]));
      }
      box.append(el("table", null, [el("thead", null, [head]), body]));
      for (const failure of mark.global_failures) box.append(el("p", { class: "bad" }, ["global: " + failure]));
      if (dominators.length) {
        box.append(el("p", null, [el("strong", null, ["Dominated by " + dominators.length.toLocaleString("en-US") + " of the " + N.toLocaleString("en-US") + " front points"]), " (orange on the plot; filter the table below to list them)."]));
        let cheaper = -1;
        for (let i = 0; i < N; i++) if (quality[i] >= mark.quality && (cheaper < 0 || cost[i] < cost[cheaper])) cheaper = i;
        if (cheaper >= 0 && cost[cheaper] < mark.monthly_cost_usd)
          box.append(el("p", null, ["Same quality for less: ", pointLink(cheaper), " at " + usd(cost[cheaper]) + "/month saves " + usd(mark.monthly_cost_usd - cost[cheaper]) + "/month."]));
        const better = pickBudget(mark.monthly_cost_usd);
        if (better.found !== undefined && quality[better.found] > mark.quality)
          box.append(el("p", null, ["More quality for the money: ", pointLink(better.found), " at " + usd(cost[better.found]) + "/month reaches " + q4(quality[better.found]) + " (" + signedQ(quality[better.found] - mark.quality) + ")."]));
      } else {
        box.append(el("p", { class: "ok" }, ["No front point dominates it."]));
      }
    }

    // The table of points: sorts by any column, filters, pages by 100.
    const table = { key: "index", descending: false, shown: 100, rows: [] };
    function sortValue(key, i) {
      switch (key) { case "cost": return cost[i]; case "quality": return quality[i]; case "se": return Number.isFinite(se[i]) ? se[i] : Infinity; case "fees": return fees[i]; case "feasible": return feasible[i]; case "models": return modelSummary(i); default: return i; }
    }
    function filterRows() {
      const text = document.getElementById("filter-text").value.trim().toLowerCase();
      const maxCost = parseBudget(document.getElementById("filter-cost").value), minQuality = parseBudget(document.getElementById("filter-quality").value);
      const onlyDominating = mark && document.getElementById("filter-dominating").checked;
      let matching = null;
      if (text) matching = D.cells.map(function (list) { return list.map(function (c) { return c[0].toLowerCase().indexOf(text) >= 0; }); });
      const rows = [];
      for (let i = 0; i < N; i++) {
        if (maxCost !== null && cost[i] > maxCost) continue;
        if (minQuality !== null && quality[i] < minQuality) continue;
        if (onlyDominating && !dominatesMark[i]) continue;
        if (matching) { let any = false; for (let j = 0; j < M && !any; j++) any = matching[j][cellIndex[i * M + j]]; if (!any) continue; }
        rows.push(i);
      }
      if (table.key !== "index" || table.descending) {
        const key = table.key, sign = table.descending ? -1 : 1;
        const values = new Map(rows.map(function (i) { return [i, sortValue(key, i)]; }));
        rows.sort(function (a, b) { const va = values.get(a), vb = values.get(b); return va < vb ? -sign : va > vb ? sign : a - b; });
      }
      table.rows = rows; table.shown = 100;
      renderTable();
    }
    function renderTable() {
      const body = document.querySelector("#points-table tbody");
      body.replaceChildren();
      const count = Math.min(table.shown, table.rows.length);
      for (let k = 0; k < count; k++) {
        const i = table.rows[k];
        const row = el("tr", { "data-point": String(i + 1), class: i === state.point ? "current" : null }, [
          el("td", { class: "num" }, [String(i + 1) + (i === knee ? "*" : "")]), numCell(usd(cost[i])), numCell(q4(quality[i])), numCell(q4(se[i])), numCell(usd(fees[i])),
          el("td", null, [modelSummary(i)]), el("td", null, [feasible[i] ? "yes" : "no"])]);
        row.addEventListener("click", function () { select(i); });
        body.append(row);
      }
      document.getElementById("table-count").textContent = table.rows.length.toLocaleString("en-US") + " of " + N.toLocaleString("en-US") + " points match; showing " + count.toLocaleString("en-US") + " (* the knee).";
      document.getElementById("table-more").hidden = count >= table.rows.length;
      for (const th of document.querySelectorAll("#points-table th")) {
        th.classList.toggle("sorted-asc", th.dataset.key === table.key && !table.descending);
        th.classList.toggle("sorted-desc", th.dataset.key === table.key && table.descending);
      }
    }
    for (const th of document.querySelectorAll("#points-table th")) th.addEventListener("click", function () {
      if (table.key === th.dataset.key) table.descending = !table.descending; else { table.key = th.dataset.key; table.descending = false; }
      filterRows();
    });
    for (const id of ["filter-text", "filter-cost", "filter-quality", "filter-dominating"]) document.getElementById(id).addEventListener("input", filterRows);
    document.getElementById("table-more").addEventListener("click", function () { table.shown += 100; renderTable(); });

    // Controls.
    const budgetInput = document.getElementById("budget-input"), slider = document.getElementById("budget-slider");
    slider.min = String(Math.floor(cost[0] || 0)); slider.max = String(Math.ceil(cost[N - 1] || 1)); slider.step = "1";
    // The box shows whole dollars (the knee's $25,590.359… reads 25590); the budget itself
    // stays exact, so the default answer is still the knee.
    function wholeDollars(value) { return String(Math.round(value)); }
    function setBudget(value, fromUser) {
      state.budget = value; state.budgetFromUser = fromUser;
      if (value !== null) { if (document.activeElement !== budgetInput) budgetInput.value = wholeDollars(value); slider.value = String(value); }
      writeHash(); renderBudget(); draw();
    }
    budgetInput.addEventListener("input", function () { const v = parseBudget(budgetInput.value); if (v !== null) setBudget(v, true); });
    slider.addEventListener("input", function () { setBudget(Number(slider.value), true); });
    const bars = document.getElementById("bars-toggle"), logToggle = document.getElementById("log-toggle");
    bars.addEventListener("change", function () { state.bars = bars.checked; writeHash(); draw(); });
    logToggle.addEventListener("change", function () { state.log = logToggle.checked; writeHash(); draw(); });
    function select(i) {
      state.point = i; writeHash(); renderPoint(); renderTable(); draw();
      if (document.readyState === "complete") document.getElementById("point-section").scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
    function applyState() {
      if (state.budget === null && knee >= 0) state.budget = cost[knee];
      if (state.budget !== null) { budgetInput.value = wholeDollars(state.budget); slider.value = String(state.budget); }
      bars.checked = state.bars; logToggle.checked = state.log;
      renderBudget(); renderPoint(); renderTable(); draw();
    }
    window.addEventListener("hashchange", function () { readHash(); applyState(); });
    window.addEventListener("resize", function () { draw(); });
    window.addEventListener("beforeprint", function () { draw(); });

    renderHeader();
    choosePlotted();
    if (knee >= 0 && plotted.indexOf(knee) < 0) plotted.push(knee), plotted.sort(function (a, b) { return a - b; });
    renderMark();
    readHash();
    filterRows();
    applyState();
    root.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    root.setAttribute("data-ready", "true");
    })();
    """#
}
