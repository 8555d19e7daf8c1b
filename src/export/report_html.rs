//! The report and the easy-read summary as HTML, from the one report model: the
//! view the templates read (charts drawn as SVG with their tables, citations linked
//! for inspectors' copies), and whole standalone documents with their stylesheet
//! inside, for download and for `area-send report render`.

use handlebars::Handlebars;
use serde::Serialize;
use serde_json::{json, Value};

use crate::domain::findings::evidence_key;
use crate::domain::report::{Block, Chart, EasyReadSummary, Report};
use crate::web::chart::{bar_chart, Bar, BarChartView, ValueFormat};

/// The stylesheet of a standalone report: screen and print.
const REPORT_CSS: &str = include_str!("../../templates/static/report.css");

/// A chart as the HTML partial draws it.
pub fn chart_view(chart: &Chart) -> BarChartView {
    let bars: Vec<Bar> = chart
        .bars
        .iter()
        .map(|b| Bar {
            label: b.label.clone(),
            value: b.percent,
            shown: b.display.clone(),
        })
        .collect();
    bar_chart(
        &format!("chart-{}", chart.id),
        &chart.title,
        &chart.description,
        &bars,
        100.0,
        ValueFormat::Percent,
    )
    .with_headings("Answer", "Share of those who answered")
}

/// The report as templates read it. With `evidence_links` (an inspection id), each
/// citation carries a link to the evidence, for inspectors' copies; without, the
/// citations are dropped, as in every published format.
pub fn report_view(report: &Report, evidence_links: Option<i32>) -> Value {
    let sections: Vec<Value> = report
        .sections
        .iter()
        .map(|s| {
            let blocks: Vec<Value> = s
                .blocks
                .iter()
                .map(|b| {
                    let mut v = serde_json::to_value(b).unwrap_or(Value::Null);
                    if let (Block::Chart(c), Value::Object(map)) = (b, &mut v) {
                        map.insert(
                            "view".into(),
                            serde_json::to_value(chart_view(c)).unwrap_or(Value::Null),
                        );
                    }
                    with_citation_links(&mut v, evidence_links);
                    v
                })
                .collect();
            json!({ "kind": s.kind, "heading": s.heading, "blocks": blocks })
        })
        .collect();
    json!({
        "title": report.title,
        "language": report.language,
        "partnership": report.partnership,
        "inspection_dates": report.inspection_dates,
        "previous_inspection": report.previous_inspection,
        "footer": report.footer,
        "outcome": report.outcome,
        "sections": sections,
    })
}

/// Give each citation its link, or drop citations when there are to be none.
fn with_citation_links(v: &mut Value, evidence_links: Option<i32>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(citations)) = map.get_mut("citations") {
                match evidence_links {
                    None => citations.clear(),
                    Some(id) => {
                        for c in citations.iter_mut() {
                            let reference = c
                                .get("reference")
                                .cloned()
                                .and_then(|r| serde_json::from_value(r).ok());
                            if let (Some(r), Value::Object(cm)) = (reference, c) {
                                cm.insert(
                                    "href".into(),
                                    Value::String(crate::web::inspect::matrix::href(id, &r)),
                                );
                                cm.insert("key".into(), Value::String(evidence_key(&r)));
                            }
                        }
                    }
                }
            }
            for (_, child) in map.iter_mut() {
                with_citation_links(child, evidence_links);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| with_citation_links(i, evidence_links)),
        _ => {}
    }
}

/// The whole report as one HTML document, with its stylesheet inside and no
/// citations: what is downloaded and what the CLI writes.
pub fn standalone_report(
    templates: &Handlebars<'_>,
    report: &Report,
) -> Result<String, handlebars::RenderError> {
    templates.render(
        "report/standalone",
        &json!({
            "css": REPORT_CSS,
            "footer_css": css_string(&report.footer),
            "report": report_view(report, None),
        }),
    )
}

/// Text as a quoted CSS string that cannot end its string or its `<style>` element:
/// quotes, backslashes, angle brackets and line breaks become CSS escapes.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:x} ", u32::from(c)))
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A symbol's SVG made readable: the shipped symbols are decorative
/// (`aria-hidden`), but beside an easy-read point it carries meaning.
pub fn labelled_symbol(svg: &str, label: &str) -> String {
    let label = handlebars::html_escape(label);
    svg.replace(
        r#"aria-hidden="true" focusable="false""#,
        &format!(r#"role="img" aria-label="{label}" focusable="false""#),
    )
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn css_strings_cannot_break_out() {
        let s = css_string("A \"quoted\" </style><script>\\ x\ny");
        assert!(!s.contains("</style>") && !s.contains('<'));
        assert_eq!(s.matches('"').count(), 2, "{s}");
        assert!(s.starts_with('"') && s.ends_with('"'));
    }
}

#[derive(Serialize)]
struct EasyPointView<'a> {
    id: &'a str,
    text: &'a str,
    symbol: &'a str,
    symbol_label: &'a str,
    svg: String,
}

/// The easy-read summary as the templates read it, each symbol inline.
pub fn easy_read_view(
    summary: &EasyReadSummary,
    symbol_svg: impl Fn(&str) -> Option<String>,
) -> Value {
    let points: Vec<EasyPointView<'_>> = summary
        .points
        .iter()
        .map(|p| EasyPointView {
            id: &p.id,
            text: &p.text,
            symbol: &p.symbol,
            symbol_label: &p.symbol_label,
            svg: symbol_svg(&p.symbol)
                .map(|s| labelled_symbol(&s, &p.symbol_label))
                .unwrap_or_default(),
        })
        .collect();
    json!({
        "title": summary.title,
        "language": summary.language,
        "partnership": summary.partnership,
        "inspection_dates": summary.inspection_dates,
        "footer": summary.footer,
        "points": points,
    })
}

pub fn standalone_easy_read(
    templates: &Handlebars<'_>,
    summary: &EasyReadSummary,
    symbol_svg: impl Fn(&str) -> Option<String>,
) -> Result<String, handlebars::RenderError> {
    templates.render(
        "report/easy_read_standalone",
        &json!({
            "css": REPORT_CSS,
            "footer_css": css_string(&summary.footer),
            "easy": easy_read_view(summary, symbol_svg),
        }),
    )
}
