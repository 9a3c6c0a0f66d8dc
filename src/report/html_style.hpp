// The CSS every siap HTML document shares: one self-contained style, no
// external assets, A4 print rules.
#pragma once

#include <string_view>

namespace siap::report {

inline constexpr std::string_view kHtmlStyle = R"(
:root{--ink:#1a1a1a;--muted:#5b5b5b;--rule:#d0d4da;--head:#1F3864}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1000px;padding:24px;font-size:14px;line-height:1.4}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--head);break-after:avoid}
h3{font-size:15px;margin:0 0 6px}
p.meta{color:var(--muted);margin:0 0 12px}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.counts div{border:1px solid var(--rule);border-radius:4px;padding:6px 12px;min-width:120px}
.counts b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:top}
th{background:var(--head);color:#fff;text-align:left;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
td.unit{min-width:12em}
.scroll{overflow-x:auto}
@media print{.scroll{overflow:visible}}
thead{display:table-header-group}
tr{break-inside:avoid}
.band{white-space:nowrap}
.bars{display:grid;grid-template-columns:minmax(140px,240px) 1fr 48px;gap:2px 8px;align-items:center;font-size:12px}
.bars .track{background:#f0f2f5;height:14px;position:relative}
.bars .bar{height:14px}
.bars .whisker{position:absolute;top:2px;height:10px;border:solid #1f1f1f;border-width:0 1.5px;box-sizing:border-box}
.bars .whisker::before{content:"";position:absolute;left:0;right:0;top:4px;border-top:1.5px solid #1f1f1f}
.bars .value{text-align:right;font-variant-numeric:tabular-nums}
.bars .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.profile{display:flex;gap:16px;border:1px solid var(--rule);border-radius:4px;padding:12px;margin:10px 0;break-inside:avoid}
.profile svg{flex:0 0 auto}
.profile .facts{flex:1 1 auto;min-width:0}
.profile table{font-size:12px}
.legend span{display:inline-block;padding:1px 8px;margin:2px 4px 2px 0;border-radius:3px;font-size:12px}
.note{color:var(--muted);font-size:12.5px}
footer{margin-top:32px;color:var(--muted);font-size:11.5px;border-top:1px solid var(--rule);padding-top:8px;word-break:break-all}
table.spss{width:auto;margin:4px 0 2px}
table.spss caption{text-align:left;font-weight:600;padding:8px 0 4px;caption-side:top;white-space:nowrap}
.reliability .scale{margin:14px 0 20px;break-inside:avoid-page}
.reliability .verdict{font-weight:600;margin:4px 0}
.reliability .warning{color:#8a1c1c;border-left:3px solid #8a1c1c;padding-left:8px}
.reliability ul.method{margin:4px 0 12px;padding-left:20px}
.map{display:flex;gap:16px;align-items:flex-start}
.map-svg{flex:0 1 620px;min-width:0}
.map-svg svg{max-width:100%;height:auto}
.map-list{flex:1 0 320px;max-height:680px;overflow-y:auto;font-size:12px}
.map-list td{padding:2px 6px;white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;margin-right:6px;border:1px solid #8c8c8c;vertical-align:baseline}
@media print{.map{display:block}.map-list{max-height:none;overflow:visible;columns:2}}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}table{font-size:8.5pt}.bars{font-size:8pt}.profile{padding:8px}h2{margin-top:18px}}
)";

}  // namespace siap::report
