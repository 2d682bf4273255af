package dev.mlops.report.html;

/** The reports' one style sheet: system fonts, a light and a dark palette, charts that scale with the page. */
final class Style {
    static final String CSS = String.join("",
            ":root{--fg:#1d2330;--muted:#5b6475;--bg:#ffffff;--panel:#f4f6f9;--grid:#dde2ea;--ok:#1a7f37;",
            "--warn:#9a6700;--bad:#cf222e;--s0:#2f6fdf;--s1:#e0702b;--s2:#2a9d62;--s3:#9b51c9;--s4:#c2417a;",
            "--s5:#3a9fb5;--s6:#8a7a12;--s7:#6b7280}",
            "@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a2abbb;--bg:#12151b;--panel:#1c212a;",
            "--grid:#323a47;--ok:#4ac26b;--warn:#d4a72c;--bad:#ff7b72;--s0:#6ea2ff;--s1:#ff9f5a;--s2:#4fd18b;",
            "--s3:#c58af9;--s4:#f478a8;--s5:#67c7dc;--s6:#d8c34a;--s7:#9aa3b2}}",
            "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);",
            "font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
            "header,main{max-width:1100px;margin:0 auto;padding:0 16px}h1{font-size:1.5em;margin:20px 0 0}",
            "h3{font-size:1em;margin:14px 0 4px;font-weight:600}h2{font-size:1.15em;margin:28px 0 8px;border-bottom:1px solid var(--grid);padding-bottom:4px}",
            ".tool,.note,figcaption,summary{color:var(--muted)}.tool{margin:2px 0 12px;font-size:.9em}",
            ".summary{background:var(--panel);border-left:6px solid var(--muted);padding:10px 16px;border-radius:4px}",
            ".summary.ok{border-color:var(--ok)}.summary.warn{border-color:var(--warn)}.summary.bad{border-color:var(--bad)}",
            ".verdict{font-size:1.25em;font-weight:600;margin:4px 0}.summary.ok .verdict,td.ok,.banner.ok{color:var(--ok)}",
            ".summary.warn .verdict,td.warn,.banner.warn{color:var(--warn)}.summary.bad .verdict,td.bad,.banner.bad{color:var(--bad)}",
            ".summary ul{margin:4px 0;padding-left:20px}.banner{font-weight:600;background:var(--panel);padding:8px 12px}",
            "figure{margin:12px 0 20px}svg{width:100%;height:auto;display:block;max-width:1060px}",
            "svg text{fill:var(--muted);font-size:11px}svg .title{fill:var(--fg);font-size:12px}",
            "svg .grid{stroke:var(--grid);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}",
            "svg .rule{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:5 3}svg .rule-label{fill:var(--bad)}",
            "svg .ref{stroke:var(--muted);stroke-width:1;stroke-dasharray:3 3}",
            "svg .series{fill:none;stroke-width:1.8}svg .mark{stroke:var(--bg);stroke-width:1}",
            "svg .bar{fill:var(--s0)}svg .bar.bad,svg .mark.bad,svg .dot.bad{fill:var(--bad)}",
            "svg .bar.warn,svg .dot.warn{fill:var(--warn)}svg .bar.ok,svg .dot.ok{fill:var(--ok)}",
            "svg .whisker{stroke:var(--fg);stroke-width:1.5}svg .whisker.bad{stroke:var(--bad)}svg .whisker.ok{stroke:var(--ok)}",
            "svg .mark.hollow{fill:var(--bg);stroke:var(--muted);stroke-width:1.5}svg .dot{fill:var(--fg)}svg .cell-text{fill:#111;font-size:10px}",
            ".s0{stroke:var(--s0)}.s1{stroke:var(--s1)}.s2{stroke:var(--s2)}.s3{stroke:var(--s3)}.s4{stroke:var(--s4)}",
            ".s5{stroke:var(--s5)}.s6{stroke:var(--s6)}.s7{stroke:var(--s7)}",
            ".f0{fill:var(--s0)}.f1{fill:var(--s1)}.f2{fill:var(--s2)}.f3{fill:var(--s3)}.f4{fill:var(--s4)}",
            ".f5{fill:var(--s5)}.f6{fill:var(--s6)}.f7{fill:var(--s7)}",
            ".scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.88em;margin:6px 0}",
            "th,td{padding:3px 10px;border-bottom:1px solid var(--grid);text-align:right;white-space:nowrap}",
            "th:first-child,td:first-child{text-align:left}th{color:var(--muted);font-weight:600}",
            "details{margin-top:4px}summary{cursor:pointer;font-size:.85em}",
            ".legend{font-size:.85em;color:var(--muted)}.legend span{margin-right:14px}",
            "@media (max-width:600px){body{font-size:14px}th,td{padding:2px 6px}}",
            "@media print{details{display:none}}");

    private Style() {
    }
}
