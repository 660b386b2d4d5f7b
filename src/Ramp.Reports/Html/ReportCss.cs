namespace Ramp.Reports.Html;

/// <summary>The report's inline style sheet: system fonts, a centred column, cards, quiet tables.</summary>
internal static class ReportCss
{
    internal const string Text = """
        :root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --card:#ffffff; --bg:#f6f7f9; --accent:#2563eb; }
        * { box-sizing: border-box; }
        body { margin:0; background:var(--bg); color:var(--ink);
               font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
        header { background: linear-gradient(120deg, #1e3a8a, #2563eb); color:#fff; padding: 36px 0 30px; }
        header h1 { margin:0 0 6px; font-size: 30px; letter-spacing: -0.01em; }
        header p { margin:0; opacity:.85; }
        .wrap { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
        .chips { display:flex; gap:10px; flex-wrap:wrap; margin-top:16px; }
        .chip { background: rgba(255,255,255,.16); border-radius: 999px; padding: 4px 12px; font-size: 13px; }
        .chip.bad { background: #fee2e2; color: #991b1b; font-weight: 600; }
        .chip.ok { background: #dcfce7; color: #166534; font-weight: 600; }
        .setup { margin-bottom: 16px; }
        .setup strong { display:block; font-size: 17px; margin-bottom: 6px; }
        table.setup th { width: 190px; text-transform: none; letter-spacing: 0; font-size: 13.5px; vertical-align: top; }
        table.arms { margin-top: 10px; }
        table.arms td { vertical-align: top; }
        table.arms td:first-child { white-space: nowrap; }
        .card { overflow-x: auto; }
        code { font-size: 12.5px; background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }
        nav { position: sticky; top:0; z-index:2; background: rgba(246,247,249,.95); border-bottom:1px solid var(--line); }
        nav a { display:inline-block; padding: 10px 12px 10px 0; margin-right: 12px; color: var(--muted);
                text-decoration:none; font-size:14px; }
        nav a:hover { color: var(--accent); }
        section.study { margin: 28px 0 40px; }
        h2 { font-size: 23px; margin: 0 0 14px; }
        h3 { font-size: 17px; margin: 28px 0 10px; color:#1f2937; }
        .card { background: var(--card); border:1px solid var(--line); border-radius: 12px; padding: 18px 20px;
                box-shadow: 0 1px 2px rgba(0,0,0,.04); }
        .verdict { border-left: 5px solid var(--accent); }
        .verdict strong { display:block; font-size: 17px; margin-bottom: 6px; }
        .verdict ul { margin: 0; padding-left: 20px; }
        table { width:100%; border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); }
        th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        td.num, th.num { text-align: right; }
        td:first-child { white-space: nowrap; font-weight: 500; }
        tr:last-child td { border-bottom: 0; }
        .bad { color: #b91c1c; font-weight: 600; }
        .good { color: #15803d; font-weight: 600; }
        figure.chart { margin: 0 0 18px; background: var(--card); border:1px solid var(--line); border-radius: 12px; padding: 12px; }
        figure.chart img { width: 100%; height: auto; display:block; }
        figcaption { color: var(--muted); font-size: 13.5px; padding: 8px 4px 0; }
        figcaption a { color: var(--accent); }
        .grid2 { display:grid; grid-template-columns: 1fr; gap: 0; }
        .note { color: var(--muted); font-style: italic; }
        details summary { cursor:pointer; color: var(--accent); margin: 8px 0; }
        pre { background:#0f172a; color:#e2e8f0; padding: 14px 16px; border-radius: 10px; overflow-x:auto; font-size: 13px; }
        @media (max-width: 640px) { table.setup th { width: auto; } .wrap { padding: 0 14px; } th, td { padding: 6px 6px; } }
        footer { color: var(--muted); font-size: 13px; padding: 24px 0 40px; }
        """;
}
