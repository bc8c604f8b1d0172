/// The `usage --html` page: A9's dashboard as one self-contained HTML file (no network).
///
/// The `--json` document is embedded; a small inline script draws the tables (cost by
/// intent and by model, tokens, the day × hour heatmap, anomalies, observed vs planned).
/// Every figure cell carries `data-field` and `data-value` (the JSON number), so a browser
/// test reads back exactly what `--json` says.
public enum UsageHTML {
    /// The page.
    public static func page(_ summary: UsageSummary, plan: UsagePlanComparison? = nil) -> String {
        var document = UsageJSON.document(summary)
        if let plan, case .object(var members) = document {
            members.append(("plan", plan.json))
            document = .object(members)
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="paretoroute \(escapeMarkup(ToolVersion.current))">
            <title>ParetoRoute usage: \(summary.total.requests) requests, \(escapeMarkup(formatUSD(summary.total.costUSD)))</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:1.5em;color:#222;max-width:1100px}
            h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.4em 0}td,th{padding:2px 8px;text-align:right;border-bottom:1px solid #eee}
            td:first-child,th:first-child{text-align:left}.bar{background:#4a7bd0;height:10px;display:inline-block}
            .heat td{width:14px;height:14px;padding:0;border:1px solid #fff}.note{color:#666}
            </style>
            </head>
            <body>
            <h1 id="headline"></h1>
            <p class="note" id="lines"></p>
            <h2>Cost by intent</h2><table id="by-intent"></table>
            <h2>Cost by model</h2><table id="by-model"></table>
            <h2>Tokens and their cost at models.csv's prices</h2><table id="tokens"></table>
            <h2>Cost by day and hour of day (UTC<span id="offset"></span>)</h2><table id="heatmap" class="heat"></table>
            <h2>Anomalies</h2><p id="anomaly-counts"></p><table id="anomalies"></table>
            <div id="plan-section"></div>
            <script type="application/json" id="usage-data">\(FrontHTML.scriptSafe(document.compact()))</script>
            <script>
            \(script)
            </script>
            </body>
            </html>

            """
    }

    static let script = #"""
        "use strict";
        (function () {
          try {
            const d = JSON.parse(document.getElementById("usage-data").textContent);
            const usd = x => "$" + (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(2));
            const el = (tag, text, attrs) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text;
              for (const k in (attrs || {})) e.setAttribute(k, attrs[k]); return e; };
            const figure = (field, value, text) => el("td", text, {"data-field": field, "data-value": String(value)});
            const header = (table, names) => { const tr = el("tr"); names.forEach(n => tr.appendChild(el("th", n))); table.appendChild(tr); };
            document.getElementById("headline").textContent = d.requests + " requests, " + usd(d.cost_usd);
            document.getElementById("lines").textContent = d.lines + " lines, " + d.llm_calls + " LLM calls, " + d.cache_hits +
              " response-cache hits, " + d.malformed_lines + " malformed; response cache saved " + usd(d.cache_savings_usd);
            const intents = document.getElementById("by-intent");
            header(intents, ["intent", "requests", "LLM calls", "cache hits", "input tokens", "output tokens", "cost", "share", "cache saved"]);
            for (const r of d.by_intent) {
              const tr = el("tr", undefined, {"data-intent": r.intent});
              tr.appendChild(el("td", r.intent + (r.known ? "" : " (?)")));
              tr.appendChild(figure("requests", r.requests, r.requests));
              tr.appendChild(figure("llm_calls", r.llm_calls, r.llm_calls));
              tr.appendChild(figure("cache_hits", r.cache_hits, r.cache_hits));
              tr.appendChild(figure("input_tokens", r.input_tokens, r.input_tokens));
              tr.appendChild(figure("output_tokens", r.output_tokens, r.output_tokens));
              tr.appendChild(figure("cost_usd", r.cost_usd, usd(r.cost_usd)));
              const share = d.cost_usd > 0 ? r.cost_usd / d.cost_usd : 0;
              const bar = el("td"); bar.appendChild(el("span", undefined, {"class": "bar", "style": "width:" + Math.round(share * 200) + "px"}));
              tr.appendChild(bar);
              tr.appendChild(figure("cache_savings_usd", r.cache_savings_usd, usd(r.cache_savings_usd)));
              intents.appendChild(tr);
            }
            const models = document.getElementById("by-model");
            header(models, ["model", "requests", "LLM calls", "cost"]);
            for (const r of d.by_model) {
              const tr = el("tr", undefined, {"data-model": r.model});
              tr.appendChild(el("td", r.model + (r.known ? "" : " (?)")));
              tr.appendChild(figure("requests", r.requests, r.requests));
              tr.appendChild(figure("llm_calls", r.llm_calls, r.llm_calls));
              tr.appendChild(figure("cost_usd", r.cost_usd, usd(r.cost_usd)));
              models.appendChild(tr);
            }
            const tokens = document.getElementById("tokens");
            header(tokens, ["kind", "tokens", "cost"]);
            for (const k of ["input", "cache_read", "cache_write", "output"]) {
              const tr = el("tr", undefined, {"data-kind": k});
              tr.appendChild(el("td", k.replace("_", " ")));
              tr.appendChild(figure("tokens", d.tokens[k], d.tokens[k]));
              tr.appendChild(figure("cost_usd", d.token_cost_at_card_usd[k], usd(d.token_cost_at_card_usd[k])));
              tokens.appendChild(tr);
            }
            if (d.utc_offset_seconds) document.getElementById("offset").textContent = (d.utc_offset_seconds > 0 ? "+" : "") + d.utc_offset_seconds / 3600 + "h";
            const heat = document.getElementById("heatmap");
            const max = Math.max(0, ...d.days.flatMap(x => x.hour_cost_usd));
            const hours = el("tr"); hours.appendChild(el("th", "day")); hours.appendChild(el("th", "cost"));
            for (let h = 0; h < 24; h++) hours.appendChild(el("th", h % 6 === 0 ? String(h).padStart(2, "0") : ""));
            heat.appendChild(hours);
            for (const day of d.days) {
              const tr = el("tr", undefined, {"data-date": day.date});
              tr.appendChild(el("td", day.date + (day.whole ? "" : " (partial)")));
              tr.appendChild(figure("cost_usd", day.cost_usd, usd(day.cost_usd)));
              day.hour_cost_usd.forEach((c, h) => {
                const td = figure("hour_" + h, c, "");
                const a = max > 0 ? c / max : 0;
                td.setAttribute("style", "background:rgba(74,123,208," + a.toFixed(3) + ")");
                td.setAttribute("title", day.date + " " + h + ":00 " + usd(c));
                tr.appendChild(td);
              });
              heat.appendChild(tr);
            }
            const counts = document.getElementById("anomaly-counts");
            counts.textContent = Object.keys(d.anomaly_counts).map(k => k + " " + d.anomaly_counts[k]).join(", ");
            for (const k in d.anomaly_counts) counts.setAttribute("data-" + k.replace("_", "-"), String(d.anomaly_counts[k]));
            const anomalies = document.getElementById("anomalies");
            header(anomalies, ["time", "kind", "intent", "request", "value", "threshold"]);
            for (const a of d.anomalies) {
              const tr = el("tr", undefined, {"data-kind": a.kind});
              [a.timestamp, a.kind, a.intent || "", a.request_id || ""].forEach(t => tr.appendChild(el("td", t)));
              tr.appendChild(figure("value", a.value, a.kind === "token_explosion" ? String(a.value) : usd(a.value)));
              tr.appendChild(figure("threshold", a.threshold, a.kind === "token_explosion" ? String(a.threshold) : usd(a.threshold)));
              anomalies.appendChild(tr);
            }
            if (d.plan) {
              const section = document.getElementById("plan-section");
              section.appendChild(el("h2", "Observed vs planned, USD per 30 days"));
              const table = el("table", undefined, {"id": "plan"});
              header(table, ["intent", "planned", "observed", "volume", "cache rate", "tokens/call", "price"]);
              for (const r of d.plan) {
                const tr = el("tr", undefined, {"data-intent": r.intent});
                tr.appendChild(el("td", r.intent));
                for (const f of ["planned_usd_per_30_days", "observed_usd_per_30_days", "volume_usd", "cache_rate_usd", "tokens_per_call_usd", "price_usd"])
                  tr.appendChild(figure(f, r[f], usd(r[f])));
                table.appendChild(tr);
              }
              section.appendChild(table);
            }
            document.body.setAttribute("data-ready", "true");
          } catch (error) {
            document.body.setAttribute("data-error", String(error));
          }
        })();
        """#
}
