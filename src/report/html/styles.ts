/** The report's stylesheet, inlined: system fonts, a restrained palette, a print layout. */
export const STYLES = `
:root {
  --ink: #0f172a; --ink-2: #334155; --muted: #64748b; --line: #e2e8f0; --paper: #ffffff; --page: #f6f7f9;
  --accent: #2563eb; --accent-soft: #dbeafe; --plain: #64748b; --cycle: #d97706; --cut: #dc2626; --kernel: #94a3b8;
  --outbound: #b91c1c; --contracts: #8b5cf6; --inbound: #3b82f6; --shared: #f59e0b; --lines: #94a3b8;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { scroll-behavior: smooth; scroll-padding-top: 52px; }
body { margin: 0; background: var(--page); color: var(--ink); font: 14px/1.5 var(--sans); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
code { font-family: var(--mono); font-size: 0.92em; overflow-wrap: anywhere; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; }
a { color: var(--accent); }
.wrap { max-width: 1260px; margin: 0 auto; padding: 0 20px; }
.muted { color: var(--muted); font-weight: normal; }
.note { color: var(--muted); font-size: 13px; }
.tag { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 999px; background: #eef2f7; color: var(--ink-2); margin-left: 6px; vertical-align: middle; text-decoration: none; }
.tag.kernel { background: #f1f5f9; border: 1px dashed var(--kernel); }
.chip { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 999px; background: #eef2f7; color: var(--ink-2); margin: 1px 0; border: 0; font-family: inherit; }
button.chip { cursor: pointer; }
button.chip:hover, button.chip:focus-visible { background: var(--accent-soft); }

/* header and nav */
.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 14px 0 10px; }
.top h1 { font-size: 22px; font-weight: 700; }
.top h1 .muted { font-size: 15px; margin-left: 8px; }
.tiles { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 8px 0 4px; padding: 0; list-style: none; }
.tiles li { display: flex; flex-direction: column; }
.tiles .value { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tiles .name { font-size: 12px; color: var(--muted); }
.settings { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
.settings code { color: var(--ink-2); }
nav.toc { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,0.96); border-bottom: 1px solid var(--line); backdrop-filter: blur(4px); }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 2px 4px; margin: 0 auto; padding: 6px 20px; list-style: none; max-width: 1260px; }
nav.toc a { display: block; padding: 4px 10px; border-radius: 6px; text-decoration: none; color: var(--ink-2); font-weight: 600; font-size: 13px; }
nav.toc a:hover, nav.toc a:focus-visible { background: #eef2f7; color: var(--ink); }
.section { margin: 16px 0 30px; }
.section > h2 { font-size: 19px; margin-bottom: 6px; }
.section h3 { font-size: 16px; margin: 18px 0 6px; }
.section h4 { font-size: 13.5px; margin: 12px 0 4px; }
.lead { margin: 0 0 10px; color: var(--ink-2); max-width: 1000px; }

/* service map */
.map-layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 14px; align-items: start; }
.map-frame { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 6px; }
svg.map { display: block; font-family: var(--sans); }
svg.map:not(.map-large) { width: 100%; height: clamp(420px, calc(100vh - 270px), 640px); }
.map-frame.scroll { overflow: auto; max-height: clamp(420px, calc(100vh - 270px), 640px); }
svg.map-large { max-width: none; }
.edge { fill: none; stroke-linecap: round; transition: opacity 0.15s; }
.edge-plain { stroke: var(--plain); opacity: 0.55; }
.edge-cycle { stroke: var(--cycle); opacity: 0.55; }
.edge-cut { stroke: var(--cut); opacity: 0.9; }
.edge-kernel { stroke: var(--kernel); stroke-dasharray: 5 4; display: none; }
.arrow-plain, .arrow-plain path { fill: var(--plain); }
.arrow-cycle, .arrow-cycle path { fill: var(--cycle); }
.arrow-cut, .arrow-cut path { fill: var(--cut); }
.arrow-kernel, .arrow-kernel path { fill: var(--kernel); }
.edge-event { stroke: #7c3aed; stroke-dasharray: 6 4; opacity: 0.7; }
.arrow-event, .arrow-event path { fill: #7c3aed; }
.edge:hover { opacity: 1; }
.service-node { cursor: pointer; outline: none; }
.service-node circle { fill: var(--accent-soft); stroke: var(--accent); stroke-width: 1.5; transition: fill 0.15s; }
.service-node.pinned circle { stroke-width: 3; }
.service-node.kernel circle { fill: #eef2f7; stroke: var(--muted); stroke-dasharray: 5 3; }
.service-node:hover circle, .service-node:focus-visible circle { fill: #bfdbfe; }
.service-node:focus-visible circle, .service-node.selected circle { stroke: var(--ink); stroke-width: 3; }
.service-node .label { fill: var(--ink); font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.service-node .step { fill: #1e3a8a; font-weight: 700; text-anchor: middle; font-size: 0.85em; pointer-events: none; }
.map-group rect { fill: #f8fafc; stroke: var(--line); stroke-width: 1.5; }
.map-group .group-title { fill: var(--ink-2); font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.kernel-band rect { fill: #f8fafc; stroke: var(--kernel); stroke-dasharray: 7 5; }
.kernel-band .band-title { fill: var(--ink-2); font-weight: 700; }
.kernel-band .band-text { fill: #475569; font-size: 0.92em; }
.kernel-band .faint { fill: var(--kernel); }
.has-selection .edge { opacity: 0.07; }
.has-selection .edge.active { opacity: 1; }
.has-selection .edge-kernel.active { display: inline; }
.has-selection .service-node:not(.neighbour) { opacity: 0.3; }
.map-panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; font-size: 13px; max-height: calc(clamp(420px, calc(100vh - 270px), 640px) + 14px); overflow: auto; }
.legend { list-style: none; margin: 0 0 10px; padding: 0 0 10px; border-bottom: 1px solid var(--line); }
.legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.swatch { width: 40px; height: 14px; flex: none; }
.legend-service { fill: var(--accent-soft); stroke: var(--accent); stroke-width: 1.2; }
.legend-step { font-size: 9px; font-weight: 700; fill: #1e3a8a; text-anchor: middle; }
.legend-kernel { fill: #eef2f7; stroke: var(--muted); stroke-dasharray: 4 2; }
.swatch .edge { opacity: 1; display: inline; }
.hint { color: var(--muted); margin: 6px 0; }
.details .dt-head { display: flex; justify-content: space-between; align-items: center; }
.details h3 { font-size: 17px; margin: 0; overflow-wrap: anywhere; }
.details h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.details p { margin: 2px 0; }
.details .close { border: 0; background: #eef2f7; border-radius: 6px; width: 28px; height: 28px; font-size: 18px; cursor: pointer; }
.details .card-link { font-size: 12.5px; }
.dt-chips { display: flex; flex-wrap: wrap; gap: 4px; }
table.moves { width: 100%; border-collapse: collapse; font-size: 12px; margin: 4px 0; }
table.moves th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--line); padding: 2px 4px; }
table.moves td { padding: 2px 4px; border-bottom: 1px solid #f1f5f9; vertical-align: top; }
table.moves tr.split td { background: #fffbeb; }
table.modules { width: 100%; border-collapse: collapse; font-size: 12px; }
table.modules td { padding: 2px 4px; border-bottom: 1px solid #f1f5f9; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* tooltip */
#tooltip { position: fixed; z-index: 20; max-width: 340px; background: var(--ink); color: #f8fafc; border-radius: 8px; padding: 10px 12px; font-size: 12.5px; box-shadow: 0 8px 24px rgba(15, 23, 42, 0.25); pointer-events: none; }
#tooltip[hidden] { display: none; }
.tt-head { display: flex; align-items: baseline; gap: 8px; }
.tt-name { font-size: 14px; }
.tt-kind, .tt-size, .tt-consumers { color: #cbd5e1; }
.tt-metrics { display: grid; grid-template-columns: repeat(4, auto); gap: 2px 12px; margin: 6px 0; }
.tt-metrics div { display: flex; gap: 5px; }
.tt-metrics dt { color: #94a3b8; }
.tt-metrics dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.tt-api-head { font-weight: 600; margin-top: 4px; }
.tt-api { margin: 2px 0 0; padding-left: 16px; }
.tt-api code.type { color: #a5b4fc; }
.tt-api code.op { color: #fde68a; }

/* DSM */
.dsm-layout { display: flex; gap: 24px; align-items: flex-start; }
.dsm-scroll { overflow: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 10px; max-height: 80vh; max-width: 100%; flex: none; }
table.dsm { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
table.dsm th, table.dsm td { border: 1px solid var(--line); }
table.dsm td { width: 34px; min-width: 34px; height: 28px; text-align: center; padding: 0; }
table.dsm thead th { vertical-align: bottom; padding: 4px 2px; font-weight: 600; background: var(--paper); }
table.dsm thead th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 150px; overflow: hidden; text-overflow: ellipsis; display: inline-block; }
table.dsm .corner { border: 0; }
table.dsm .corner span { color: var(--muted); font-weight: normal; writing-mode: horizontal-tb; transform: none; font-size: 11px; }
table.dsm tbody th { text-align: left; padding: 0 10px 0 4px; white-space: nowrap; font-weight: 600; background: var(--paper); }
table.dsm .rank { display: inline-block; min-width: 20px; color: var(--muted); font-weight: normal; }
.diagonal { background: #e2e8f0; color: #475569; font-style: italic; }
.h1 { background: #eff6ff; } .h2 { background: #dbeafe; } .h3 { background: #bfdbfe; } .h4 { background: #93c5fd; }
.h5 { background: #60a5fa; color: #fff; } .h6 { background: #3b82f6; color: #fff; } .h7 { background: #2563eb; color: #fff; } .h8 { background: #1e3a8a; color: #fff; }
.back { background-image: linear-gradient(225deg, var(--cut) 0 7px, transparent 7px); }
.cut { box-shadow: inset 0 0 0 2px var(--cut); }
table.dsm td.block-top, .key-cell.block-top { border-top: 2px solid var(--ink); }
table.dsm td.block-bottom, .key-cell.block-bottom { border-bottom: 2px solid var(--ink); }
table.dsm td.block-left, .key-cell.block-left { border-left: 2px solid var(--ink); }
table.dsm td.block-right, .key-cell.block-right { border-right: 2px solid var(--ink); }
.dsm-key { list-style: none; margin: 0; padding: 4px 0; font-size: 13px; color: var(--ink-2); max-width: 420px; }
.dsm-key li { display: flex; align-items: center; gap: 10px; margin: 0 0 8px; }
.key-cell { flex: none; display: inline-flex; align-items: center; justify-content: center; width: 30px; height: 24px; border: 1px solid var(--line); background-color: #fff; font-size: 11px; }
.key-cell.diagonal { background-color: #e2e8f0; }
.scale { display: inline-flex; flex: none; }
.scale span { display: inline-block; width: 14px; height: 14px; }
@media (max-width: 980px) { .dsm-layout { flex-direction: column; } }

/* plan */
.cost-legend { font-size: 12.5px; color: var(--ink-2); display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
.cost-legend .seg { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin-left: 10px; }
.seg.outbound { background: var(--outbound); } .seg.contracts { background: var(--contracts); } .seg.inbound { background: var(--inbound); } .seg.shared { background: var(--shared); } .seg.lines { background: var(--lines); }
ol.timeline { list-style: none; margin: 8px 0 0; padding: 0; }
.step { display: grid; grid-template-columns: 44px minmax(0, 1fr); gap: 12px; position: relative; padding-bottom: 10px; }
.step::before { content: ""; position: absolute; left: 21px; top: 34px; bottom: 0; width: 2px; background: var(--line); }
.step:last-child::before { display: none; }
.step .rank { width: 34px; height: 34px; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; margin-left: 5px; }
.step.kernel-step .rank { background: #fff; color: var(--ink-2); border: 2px dashed var(--kernel); }
.step-body { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; }
.step-body h3 { margin: 0 0 2px; font-size: 15px; }
.step-service.kernel { color: var(--ink-2); }
.reason { margin: 2px 0 6px; color: var(--ink-2); }
.cost { display: flex; align-items: center; gap: 10px; }
.bar-track { flex: 1; max-width: 640px; height: 14px; background: #f1f5f9; border-radius: 3px; overflow: hidden; }
.bar { display: flex; height: 100%; min-width: 2px; }
.bar .seg { height: 100%; }
.bar.off-scale { -webkit-mask-image: linear-gradient(105deg, #000 calc(100% - 26px), transparent calc(100% - 26px), transparent calc(100% - 18px), #000 calc(100% - 18px)); mask-image: linear-gradient(105deg, #000 calc(100% - 26px), transparent calc(100% - 26px), transparent calc(100% - 18px), #000 calc(100% - 18px)); }
.break-sample { display: inline-block; width: 30px; height: 10px; background: var(--inbound); vertical-align: middle; mask-image: linear-gradient(105deg, #000 12px, transparent 12px, transparent 18px, #000 18px); -webkit-mask-image: linear-gradient(105deg, #000 12px, transparent 12px, transparent 18px, #000 18px); }
.cost .total { font-weight: 700; font-variant-numeric: tabular-nums; min-width: 48px; }
.terms, .after { margin: 4px 0 0; font-size: 12.5px; color: var(--muted); }
details { margin: 6px 0 0; }
details > summary { cursor: pointer; color: var(--ink-2); font-weight: 600; font-size: 13px; }
ul.sites { margin: 6px 0 0; padding-left: 18px; font-size: 12.5px; }
ul.sites li { margin: 2px 0; }
code.site { color: var(--ink); font-weight: 600; }
.via { color: var(--muted); }
.more { color: var(--muted); list-style: none; }
.cycle { background: var(--paper); border: 1px solid #fecaca; border-left: 4px solid var(--cut); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
.cycle h4 { margin: 0 0 4px; }
.cycle p { margin: 4px 0; }
ul.cut-list { display: flex; flex-wrap: wrap; gap: 4px 8px; list-style: none; padding: 0; margin: 4px 0; }
ul.cut-list li { background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px; padding: 1px 8px; font-size: 12.5px; }
.dep { font-weight: 600; }
.count { color: var(--muted); }
.mutual details { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; margin: 6px 0; }

/* service cards */
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; min-width: 0; }
.card.kernel { border: 1px dashed var(--kernel); background: #fbfcfd; }
.card header { display: flex; align-items: baseline; flex-wrap: wrap; gap: 4px; }
.card header h3 { margin: 0; font-size: 16px; overflow-wrap: anywhere; }
.card h4 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 12px 0 4px; }
.card h4 .muted { text-transform: none; letter-spacing: 0; }
.stats { display: grid; grid-template-columns: repeat(9, auto); gap: 4px 10px; margin: 10px 0 0; }
.stats dt { font-size: 11px; color: var(--muted); cursor: help; }
.stats dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
table.api { width: 100%; border-collapse: collapse; font-size: 12.5px; }
table.api th { text-align: left; font-weight: 600; color: var(--muted); font-size: 11px; padding: 2px 6px 2px 0; border-bottom: 1px solid var(--line); }
table.api td { padding: 2px 6px 2px 0; border-bottom: 1px solid #f1f5f9; vertical-align: top; }
table.api td:first-child { overflow-wrap: anywhere; }
table.api .num { text-align: right; padding-right: 0; }
.kind.op, .kind.type { font-size: 10.5px; font-weight: 700; padding: 0 5px; border-radius: 4px; }
.kind.op { background: #fef3c7; color: #92400e; }
.kind.type { background: #e0e7ff; color: #3730a3; }
.more-api { margin: 2px 0 0; font-size: 12px; }
ul.entities { list-style: none; padding: 0; margin: 0; font-size: 12.5px; }
ul.entities li { margin: 3px 0; }
ul.entities .kind { display: inline-block; width: 58px; color: var(--muted); }
.chip.owned { background: #ecfdf5; color: #065f46; }
.chip.shared { background: #fffbeb; color: #92400e; }
.chip.common { background: #fef2f2; color: #991b1b; }
.chip .with { color: var(--muted); }
.packages code { background: #f1f5f9; padding: 0 5px; border-radius: 4px; margin-right: 2px; line-height: 1.9; }

/* tables */
table.metrics, table.signals, table.sweep, table.diagnostics { border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; font-size: 13px; }
table.metrics { width: 100%; }
table.metrics tbody th { white-space: nowrap; }
table.metrics th, table.metrics td, table.signals th, table.signals td, table.sweep th, table.sweep td, table.diagnostics th, table.diagnostics td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.metrics thead th, table.signals thead th, table.sweep thead th, table.diagnostics thead th { font-size: 12px; color: var(--muted); font-weight: 600; background: #f8fafc; }
table.metrics .num, table.signals .num, table.sweep .num { text-align: right; }
td.better { white-space: nowrap; color: var(--ink-2); }
tr.off { color: var(--muted); }
tr.chosen { background: #eff6ff; font-weight: 600; }
table.diagnostics { width: 100%; }
footer { color: var(--muted); font-size: 12px; padding: 10px 0 30px; border-top: 1px solid var(--line); }

@media (max-width: 980px) {
  .map-layout { grid-template-columns: 1fr; }
  .map-panel { max-height: none; }
  .stats { grid-template-columns: repeat(5, auto); }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  nav.toc, #tooltip, .hint, .kernel-band .faint, #details { display: none !important; }
  .map-layout { grid-template-columns: 1fr; }
  .map-panel { max-height: none; border: 0; }
  svg.map, svg.map.map-large { width: 100%; height: auto; max-height: 24cm; }
  .map-frame.scroll { max-height: none; overflow: visible; }
  .dsm-scroll { max-height: none; overflow: visible; }
  .card, .step, .cycle, tr { break-inside: avoid; }
  .section { break-before: auto; }
  #dsm, #plan { break-before: page; }
}
`;
