//! Charts drawn on the server as SVG, each with the same figures as an HTML table
//! beside it (`templates/partials/line_chart.hbs` and `bar_chart.hbs`).
//!
//! The partials emit `svg` unescaped, so every piece of text is escaped here: labels
//! come from files people upload. Colours are presentation attributes, not inline
//! styles (the Content-Security-Policy forbids those), with classes so app.css can
//! override them in forced-colours mode. Nothing relies on colour alone: each line has
//! its own dash pattern and marker, shown in the key, and each bar has its value
//! written beside it.

use serde::Serialize;

use crate::domain::indicator::{
    display, group_thousands, trim_number, IndicatorCatalogue, IndicatorSeries, Measure, Unit,
};

/// Width of every chart's coordinate space; the SVG scales to fit its container.
const WIDTH: f64 = 400.0;
/// At the 30rem app.css allows, 16 units render as the 19px body text.
const FONT: f64 = 16.0;
const LINE_HEIGHT: f64 = 20.0;
/// Rough width of most characters as a share of the font size, to lay text out without
/// measuring it.
const CHAR_WIDTH: f64 = 0.64;
const TEXT: &str = "#0b0c0c";
const MUTED: &str = "#505a5f";
const GRID: &str = "#b1b4b6";
const BAR: &str = "#1d70b8";
/// Words for a value that is not there, so a gap never reads as zero.
const NOT_AVAILABLE: &str = "not available";
/// As the indicator page words a period missing from the files.
const NOT_IMPORTED: &str = "not in the files imported";

/// One line of a line chart: a value (or none) for each period.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// How the values of a chart read, on the axis and beside bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueFormat {
    Percent,
    Count,
    Weeks,
}

impl ValueFormat {
    fn from_unit(unit: Unit) -> Option<Self> {
        match unit {
            Unit::Percent => Some(Self::Percent),
            Unit::Count => Some(Self::Count),
            Unit::Weeks => Some(Self::Weeks),
            Unit::YesNo => None,
        }
    }

    /// A value in full: 45.2%, 1,234, 12 weeks.
    pub fn value(self, v: f64) -> String {
        match self {
            Self::Percent => format!("{}%", trim_number(v, 1)),
            Self::Count => group_thousands(v),
            Self::Weeks => format!("{} weeks", trim_number(v, 1)),
        }
    }

    /// A tick label: short, because the axis is captioned "Weeks".
    fn tick(self, v: f64) -> String {
        match self {
            Self::Weeks => trim_number(v, 1),
            _ => self.value(v),
        }
    }

    /// Counts have no fractions, so neither do their ticks.
    fn whole(self) -> bool {
        self == Self::Count
    }

    /// The least the scale runs to: a percentage is read against the whole.
    fn least_top(self) -> f64 {
        match self {
            Self::Percent => 100.0,
            _ => 0.0,
        }
    }
}

/// One bar: `value` None is a suppressed figure, drawn as no bar, with `shown` beside.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// The value as words, written beside the bar and in the table.
    pub shown: String,
}

/// The figures of a chart as a table, for the partial to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartTable {
    /// Names the scrolling region that holds the table.
    pub label: String,
    pub caption: String,
    /// Column headings; the first is over the row headings.
    pub headings: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    pub label: String,
    pub cells: Vec<String>,
}

/// One entry of a line chart's key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyItem {
    pub name: String,
    /// A sample of the line and its marker, as SVG with no text in it.
    pub swatch: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineChartView {
    /// Safe as an HTML id; the SVG's title and desc ids start with it.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Complete SVG with its text escaped, for `{{{svg}}}`.
    pub svg: String,
    pub key: Vec<KeyItem>,
    pub table: ChartTable,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChartView {
    /// Safe as an HTML id; the SVG's title and desc ids start with it.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Complete SVG with its text escaped, for `{{{svg}}}`.
    pub svg: String,
    pub table: ChartTable,
}

impl BarChartView {
    /// Name the table's columns, for bars that are not answers to a question.
    pub fn with_headings(mut self, label: &str, value: &str) -> Self {
        self.table.headings = vec![label.to_string(), value.to_string()];
        self
    }
}

/// A line chart of one indicator over the periods, one line for each level;
/// `level_names[i]` names `series.levels[i]`. None when there is no number to draw.
pub fn indicator_chart(
    catalogue: &IndicatorCatalogue,
    series: &IndicatorSeries<'_>,
    level_names: &[String],
) -> Option<LineChartView> {
    let indicator = series.indicator;
    let format = ValueFormat::from_unit(indicator.unit)?;
    let periods: Vec<String> = series.periods.iter().map(|p| p.label.clone()).collect();
    let names: Vec<String> = series
        .levels
        .iter()
        .enumerate()
        .map(|(i, (level, _))| {
            level_names
                .get(i)
                .cloned()
                .unwrap_or_else(|| level.label().to_string())
        })
        .collect();
    let lines: Vec<Series> = series
        .levels
        .iter()
        .zip(&names)
        .map(|((_, measures), name)| Series {
            name: name.clone(),
            values: measures
                .iter()
                .map(|m| match m {
                    Some(Measure::Number(n)) => Some(*n),
                    _ => None,
                })
                .collect(),
        })
        .collect();
    let cells: Vec<Vec<String>> = series
        .levels
        .iter()
        .map(|(_, measures)| {
            measures
                .iter()
                .map(|m| {
                    m.map(|m| display(catalogue, indicator.unit, m))
                        .unwrap_or_else(|| NOT_IMPORTED.to_string())
                })
                .collect()
        })
        .collect();
    let span = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(only), _) => only.clone(),
        _ => String::new(),
    };
    let description = format!(
        "Line chart of {}, {span}, with a line for each of {}.",
        indicator.name,
        and_list(&names)
    );
    draw_line_chart(LineSpec {
        id: safe_id(&format!("chart-{}", indicator.id)),
        title: indicator.name.clone(),
        description,
        heading: "Period".into(),
        periods,
        series: lines,
        cells,
        format,
        reference: indicator.threshold.as_ref().map(|t| {
            (
                t.value,
                format!("Standard, {}: {}", format.value(t.value), t.label),
            )
        }),
    })
}

/// A line chart of any series over `periods`. None when there is no number to draw.
pub fn line_chart(
    id: &str,
    title: &str,
    description: &str,
    periods: &[String],
    series: &[Series],
    format: ValueFormat,
) -> Option<LineChartView> {
    let cells = series
        .iter()
        .map(|s| {
            (0..periods.len())
                .map(|i| match s.values.get(i).copied().flatten() {
                    Some(v) if v.is_finite() => format.value(v),
                    _ => NOT_AVAILABLE.to_string(),
                })
                .collect()
        })
        .collect();
    draw_line_chart(LineSpec {
        id: safe_id(id),
        title: title.into(),
        description: description.into(),
        heading: "Period".into(),
        periods: periods.to_vec(),
        series: series.to_vec(),
        cells,
        format,
        reference: None,
    })
}

struct LineSpec {
    id: String,
    title: String,
    description: String,
    heading: String,
    periods: Vec<String>,
    series: Vec<Series>,
    /// The table's words for each series and period.
    cells: Vec<Vec<String>>,
    format: ValueFormat,
    /// A value to draw a reference line at, and its entry in the key.
    reference: Option<(f64, String)>,
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

fn draw_line_chart(spec: LineSpec) -> Option<LineChartView> {
    let n = spec.periods.len();
    let numbers: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter().take(n).filter_map(|v| finite(*v)))
        .collect();
    if numbers.is_empty() {
        return None;
    }
    let format = spec.format;
    let reference = spec
        .reference
        .as_ref()
        .filter(|(v, _)| v.is_finite() && *v >= 0.0);
    let highest = numbers
        .iter()
        .copied()
        .chain(reference.map(|(v, _)| *v))
        .fold(format.least_top(), f64::max);
    let ticks = ticks(highest, format.whole(), 5);
    let top = ticks.last().copied().filter(|t| *t > 0.0).unwrap_or(1.0);

    let tick_labels: Vec<String> = ticks.iter().map(|t| format.tick(*t)).collect();
    let label_width = tick_labels
        .iter()
        .map(|t| text_width(t))
        .fold(0.0, f64::max);
    let period_width = spec
        .periods
        .iter()
        .map(|p| text_width(p))
        .fold(0.0, f64::max);
    let captioned = format == ValueFormat::Weeks;
    let plot_left = label_width + 12.0;
    let plot_right = WIDTH - 8.0;
    let plot_top = if captioned { 34.0 } else { 12.0 };
    let plot_bottom = plot_top + 220.0;
    let height = plot_bottom + 36.0;
    let inset = (period_width / 2.0).max(12.0);
    let span = (plot_right - plot_left - 2.0 * inset).max(0.0);
    let slot = if n > 1 { span / (n - 1) as f64 } else { span };
    let x_at = |i: usize| {
        if n > 1 {
            plot_left + inset + slot * i as f64
        } else {
            (plot_left + plot_right) / 2.0
        }
    };
    let y_at = |v: f64| plot_bottom - v.max(0.0) / top * (plot_bottom - plot_top);

    let description = format!(
        "{} {}{}The figures are in the table after the chart.",
        spec.description,
        latest_sentence(&spec),
        reference.map_or(String::new(), |(_, name)| format!("{name}. "))
    );
    let mut svg = open_svg(&spec.id, &spec.title, &description, height);

    if captioned {
        svg.push_str(&text(0.0, 18.0, "start", MUTED, "Weeks"));
    }
    for (t, label) in ticks.iter().zip(&tick_labels) {
        let y = y_at(*t);
        let (class, colour) = if *t == 0.0 {
            ("chart-axis", TEXT)
        } else {
            ("chart-grid", GRID)
        };
        svg.push_str(&format!(
            r#"<line class="{class}" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="1"/>"#,
            num(plot_left),
            num(y),
            num(plot_right),
            num(y)
        ));
        svg.push_str(&text(plot_left - 6.0, y + 5.0, "end", MUTED, label));
    }
    // Label as many periods as fit, counting back from the latest, which matters most.
    let every = if n > 1 && slot > 0.0 {
        ((period_width + 12.0) / slot).ceil().max(1.0) as usize
    } else {
        1
    };
    for (i, period) in spec.periods.iter().enumerate() {
        let x = x_at(i);
        svg.push_str(&format!(
            r#"<line class="chart-axis" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TEXT}" stroke-width="1"/>"#,
            num(plot_bottom),
            num(plot_bottom + 5.0),
            x = num(x)
        ));
        if (n - 1 - i).is_multiple_of(every) {
            svg.push_str(&text(x, plot_bottom + 24.0, "middle", MUTED, period));
        }
    }

    let mut key = vec![];
    if let Some((value, name)) = reference {
        let y = y_at(*value);
        svg.push_str(&format!(
            r#"<line class="chart-reference" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{TEXT}" stroke-width="2" stroke-dasharray="{REFERENCE_DASH}"/>"#,
            num(plot_left),
            num(plot_right),
            y = num(y)
        ));
        key.push(KeyItem {
            name: name.clone(),
            swatch: swatch(None),
        });
    }
    // The first line (the area's own) is drawn last, so it lies on top of the others.
    for (k, series) in spec.series.iter().enumerate().rev() {
        let style = line_style(k);
        // A missing value breaks the line: the next point starts a new stretch.
        let mut path = String::new();
        let mut joined = false;
        let mut previous = false;
        let mut markers = String::new();
        for (i, v) in series.values.iter().take(n).enumerate() {
            let Some(v) = finite(*v) else {
                previous = false;
                continue;
            };
            let (x, y) = (x_at(i), y_at(v));
            joined |= previous;
            path.push_str(&format!(
                "{}{} {}",
                if previous { "L" } else { "M" },
                num(x),
                num(y)
            ));
            markers.push_str(&marker(style, k, x, y));
            previous = true;
        }
        // A lone point has no line, only its marker.
        if joined {
            svg.push_str(&format!(
                r#"<path class="chart-line chart-series-{k}" d="{path}" fill="none" stroke="{}" stroke-width="3" stroke-linejoin="round"{}/>"#,
                style.colour,
                dash(style.dash)
            ));
        }
        svg.push_str(&markers);
    }
    key.extend(spec.series.iter().enumerate().map(|(k, series)| KeyItem {
        name: series.name.clone(),
        swatch: swatch(Some(k)),
    }));
    svg.push_str("</svg>");

    let mut headings = vec![spec.heading.clone()];
    headings.extend(spec.series.iter().map(|s| s.name.clone()));
    let rows = spec
        .periods
        .iter()
        .enumerate()
        .map(|(i, period)| TableRow {
            label: period.clone(),
            cells: (0..spec.series.len())
                .map(|k| {
                    spec.cells
                        .get(k)
                        .and_then(|c| c.get(i))
                        .cloned()
                        .unwrap_or_else(|| NOT_AVAILABLE.to_string())
                })
                .collect(),
        })
        .collect();
    Some(LineChartView {
        table: ChartTable {
            label: format!("{}: table of figures", spec.title),
            caption: format!("{}, by period", spec.title),
            headings,
            rows,
        },
        id: spec.id,
        title: spec.title,
        description,
        svg,
        key,
    })
}

/// "In 2024/25: Area 45%; England 50%. ", for the latest period with any number.
fn latest_sentence(spec: &LineSpec) -> String {
    let latest = (0..spec.periods.len()).rev().find(|i| {
        spec.series
            .iter()
            .any(|s| finite(s.values.get(*i).copied().flatten()).is_some())
    });
    let (Some(i), Some(period)) = (latest, latest.and_then(|i| spec.periods.get(i))) else {
        return String::new();
    };
    let parts: Vec<String> = spec
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let cell = spec.cells.get(k).and_then(|c| c.get(i));
            format!("{} {}", s.name, cell.map_or(NOT_AVAILABLE, |c| c.as_str()))
        })
        .collect();
    format!("In {period}: {}. ", parts.join("; "))
}

/// A horizontal bar chart on a scale from 0 to `max` (or the largest value, if more).
/// Each label sits above its bar, so long labels can wrap across the full width.
pub fn bar_chart(
    id: &str,
    title: &str,
    description: &str,
    bars: &[Bar],
    max: f64,
    format: ValueFormat,
) -> BarChartView {
    let id = safe_id(id);
    let highest = bars
        .iter()
        .filter_map(|b| finite(b.value))
        .fold(if max.is_finite() { max } else { 0.0 }, f64::max);
    let pad = 4.0;
    let bar_height = 26.0;
    // Where the scale may end so that each bar's words still fit after it (a suppressed
    // figure's words start at zero, so need no room); never less than half the width.
    let scale_end = |ticks: &[f64]| {
        let top = ticks.last().copied().filter(|t| *t > 0.0).unwrap_or(1.0);
        let first = ticks
            .first()
            .map_or(0.0, |t| text_width(&format.tick(*t)) / 2.0);
        let last = ticks
            .last()
            .map_or(0.0, |t| text_width(&format.tick(*t)) / 2.0);
        let left = pad + first;
        let room = WIDTH - pad - left;
        let end = bars
            .iter()
            .filter_map(|b| finite(b.value).filter(|v| *v > 0.0).map(|v| (v, &b.shown)))
            .map(|(v, shown)| (room - 6.0 - text_width(shown)) * top / v.min(top))
            .fold(room - last, f64::min)
            .max(room / 2.0);
        (top, left, left + end)
    };
    // As many ticks as have room for their labels, from two to five steps.
    let (_, left, right) = scale_end(&ticks(highest, format.whole(), 5));
    let label = text_width(&format.tick(highest)) + 16.0;
    let steps = ((right - left) / label).floor().clamp(2.0, 5.0) as usize;
    let ticks = ticks(highest, format.whole(), steps);
    let tick_labels: Vec<String> = ticks.iter().map(|t| format.tick(*t)).collect();
    let (top, plot_left, plot_right) = scale_end(&ticks);
    let x_at = |v: f64| plot_left + v.clamp(0.0, top) / top * (plot_right - plot_left);
    let chars = ((WIDTH - 2.0 * pad) / (FONT * CHAR_WIDTH)) as usize;

    let description = format!(
        "{description} Each bar's figure is written beside it and in the table after the chart."
    );
    let mut body = String::new();
    let mut y = 0.0;
    for bar in bars {
        for line in wrap(&bar.label, chars, 6) {
            y += LINE_HEIGHT;
            body.push_str(&text(pad, y - 4.0, "start", TEXT, &line));
        }
        let bar_top = y + 6.0;
        for t in &ticks {
            let x = num(x_at(*t));
            let (class, colour) = if *t == 0.0 {
                ("chart-axis", TEXT)
            } else {
                ("chart-grid", GRID)
            };
            body.push_str(&format!(
                r#"<line class="{class}" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{colour}" stroke-width="1"/>"#,
                num(bar_top - 3.0),
                num(bar_top + bar_height + 3.0)
            ));
        }
        // A suppressed figure has no bar at all: only its words say what happened.
        let end = match finite(bar.value) {
            Some(v) => {
                let end = x_at(v);
                if end > plot_left {
                    body.push_str(&format!(
                        r#"<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}" fill="{BAR}"/>"#,
                        num(plot_left),
                        num(bar_top),
                        num(end - plot_left),
                        num(bar_height)
                    ));
                }
                end
            }
            None => plot_left,
        };
        body.push_str(&haloed(end + 6.0, bar_top + 18.0, &bar.shown));
        y = bar_top + bar_height + 10.0;
    }
    let axis = y + 4.0;
    body.push_str(&format!(
        r#"<line class="chart-axis" x1="{}" y1="{a}" x2="{}" y2="{a}" stroke="{TEXT}" stroke-width="1"/>"#,
        num(plot_left),
        num(plot_right),
        a = num(axis)
    ));
    for (t, label) in ticks.iter().zip(&tick_labels) {
        let x = x_at(*t);
        body.push_str(&format!(
            r#"<line class="chart-axis" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{TEXT}" stroke-width="1"/>"#,
            num(axis),
            num(axis + 5.0),
            x = num(x)
        ));
        body.push_str(&text(x, axis + 22.0, "middle", MUTED, label));
    }
    let mut svg = open_svg(&id, title, &description, axis + 30.0);
    svg.push_str(&body);
    svg.push_str("</svg>");

    BarChartView {
        table: ChartTable {
            label: format!("{title}: table of figures"),
            caption: title.to_string(),
            headings: vec!["Answer".into(), "Responses".into()],
            rows: bars
                .iter()
                .map(|b| TableRow {
                    label: b.label.clone(),
                    cells: vec![b.shown.clone()],
                })
                .collect(),
        },
        id,
        title: title.to_string(),
        description,
        svg,
    }
}

/// Round steps from 0 to at least `max`, at most `most` of them (1, 2, 2.5 or 5 times
/// a power of ten; whole numbers only when `whole`).
pub fn ticks(max: f64, whole: bool, most: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let rough = max / most.max(1) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .filter(|s| !whole || (s - s.round()).abs() < 1e-9)
        .find(|s| *s >= rough * (1.0 - 1e-9))
        .map_or(1.0, |s| if whole { s.round().max(1.0) } else { s });
    let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=steps).map(|i| i as f64 * step).collect()
}

/// An id safe in HTML and as an `aria-labelledby` token: letters, digits, `-` and `_`,
/// starting with a letter.
pub fn safe_id(raw: &str) -> String {
    let id: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("chart-{id}")
    }
}

/// Text for SVG: the XML specials escaped, control characters dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate, to a tenth: enough for the eye, and short.
fn num(v: f64) -> String {
    trim_number(v, 1)
}

/// Rough, and generous: wide fonts such as DejaVu Sans should still fit.
fn text_width(s: &str) -> f64 {
    let ems: f64 = s
        .chars()
        .map(|c| match c {
            '%' | 'm' | 'w' | 'M' | 'W' | '@' => 1.0,
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
            ' ' | '/' | '(' | ')' | 'f' | 't' | 'r' => 0.42,
            c if c.is_ascii_uppercase() => 0.72,
            _ => CHAR_WIDTH,
        })
        .sum();
    ems * FONT
}

fn text(x: f64, y: f64, anchor: &str, colour: &str, words: &str) -> String {
    format!(
        r#"<text x="{}" y="{}" text-anchor="{anchor}" fill="{colour}">{}</text>"#,
        num(x),
        num(y),
        esc(words)
    )
}

/// Text with a white outline behind it, so gridlines it crosses do not cut into it.
fn haloed(x: f64, y: f64, words: &str) -> String {
    format!(
        r#"<text class="chart-halo" x="{}" y="{}" fill="{TEXT}" stroke="white" stroke-width="5" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
        num(x),
        num(y),
        esc(words)
    )
}

fn open_svg(id: &str, title: &str, description: &str, height: f64) -> String {
    let id = esc(id);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-title {id}-desc" font-size="{}"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        num(WIDTH),
        num(height),
        num(FONT),
        esc(title),
        esc(description)
    )
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Break `words` into lines of at most `width` characters, at most `most` lines (the
/// last ending "…" if cut short); the table beside the chart has the whole label.
fn wrap(words: &str, width: usize, most: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    for word in words.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let (used, wanted) = (line.chars().count(), word.chars().count());
            if used == 0 && wanted <= width {
                line = word;
                break;
            }
            if used > 0 && used + 1 + wanted <= width {
                line.push(' ');
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a line is split where the line ends.
            lines.push(word.chars().take(width).collect());
            word = word.chars().skip(width).collect();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            *last = last.chars().take(width - 1).collect::<String>() + "…";
        }
    }
    lines
}

#[derive(Debug, Clone, Copy)]
struct LineStyle {
    colour: &'static str,
    /// Empty for a solid line.
    dash: &'static str,
    shape: Shape,
}

#[derive(Debug, Clone, Copy)]
enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

const REFERENCE_DASH: &str = "14 4 2 4";

/// Colours all at least 4.5:1 on white; dash and marker tell the lines apart without
/// colour.
fn line_style(k: usize) -> LineStyle {
    let (colour, dash, shape) = match k % 5 {
        0 => ("#1d70b8", "", Shape::Circle),
        1 => ("#d4351c", "10 5", Shape::Square),
        2 => ("#505a5f", "3 4", Shape::Triangle),
        3 => ("#00703c", "12 4 3 4", Shape::Diamond),
        _ => ("#4c2c92", "6 6", Shape::Cross),
    };
    LineStyle {
        colour,
        dash,
        shape,
    }
}

fn dash(pattern: &str) -> String {
    if pattern.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{pattern}""#)
    }
}

fn marker(style: LineStyle, k: usize, x: f64, y: f64) -> String {
    let r = 5.0;
    let c = style.colour;
    let p = |points: &[(f64, f64)]| {
        points
            .iter()
            .map(|(a, b)| format!("{},{}", num(*a), num(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match style.shape {
        Shape::Circle => format!(
            r#"<circle class="chart-marker chart-series-{k}" cx="{}" cy="{}" r="{}" fill="{c}"/>"#,
            num(x),
            num(y),
            num(r)
        ),
        Shape::Square => format!(
            r#"<rect class="chart-marker chart-marker--hollow chart-series-{k}" x="{}" y="{}" width="{}" height="{}" fill="white" stroke="{c}" stroke-width="2"/>"#,
            num(x - r + 1.0),
            num(y - r + 1.0),
            num(2.0 * r - 2.0),
            num(2.0 * r - 2.0)
        ),
        Shape::Triangle => format!(
            r#"<polygon class="chart-marker chart-series-{k}" points="{}" fill="{c}"/>"#,
            p(&[(x, y - r - 1.0), (x + r + 1.0, y + r), (x - r - 1.0, y + r)])
        ),
        Shape::Diamond => format!(
            r#"<polygon class="chart-marker chart-marker--hollow chart-series-{k}" points="{}" fill="white" stroke="{c}" stroke-width="2"/>"#,
            p(&[
                (x, y - r - 1.0),
                (x + r + 1.0, y),
                (x, y + r + 1.0),
                (x - r - 1.0, y)
            ])
        ),
        Shape::Cross => format!(
            r#"<path class="chart-marker chart-series-{k}" d="M{} {}L{} {}M{} {}L{} {}" fill="none" stroke="{c}" stroke-width="2.5"/>"#,
            num(x - r),
            num(y - r),
            num(x + r),
            num(y + r),
            num(x - r),
            num(y + r),
            num(x + r),
            num(y - r)
        ),
    }
}

/// A sample of line `k` (or of the reference line) for the key, hidden from assistive
/// technology because the key's words say the same.
fn swatch(k: Option<usize>) -> String {
    let (line, mark) = match k {
        Some(k) => {
            let style = line_style(k);
            (
                format!(
                    r#"<line class="chart-line chart-series-{k}" x1="2" y1="8" x2="42" y2="8" stroke="{}" stroke-width="3"{}/>"#,
                    style.colour,
                    dash(style.dash)
                ),
                marker(style, k, 22.0, 8.0),
            )
        }
        None => (
            format!(
                r#"<line class="chart-reference" x1="2" y1="8" x2="42" y2="8" stroke="{TEXT}" stroke-width="2" stroke-dasharray="{REFERENCE_DASH}"/>"#
            ),
            String::new(),
        ),
    };
    format!(
        r#"<svg class="chart-swatch" viewBox="0 0 44 16" width="44" height="16" aria-hidden="true" focusable="false">{line}{mark}</svg>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::{series as all_series, Level, Observation, Period};

    fn catalogue() -> IndicatorCatalogue {
        serde_json::from_str(include_str!("../../framework/indicators.json")).unwrap()
    }

    fn bar(label: &str, value: Option<f64>, shown: &str) -> Bar {
        Bar {
            label: label.into(),
            value,
            shown: shown.into(),
        }
    }

    #[test]
    fn hostile_labels_are_escaped_everywhere_in_the_svg() {
        let hostile = r#"<script>alert("x")</script> & 'y'"#;
        let chart = bar_chart(
            "chart-q1",
            hostile,
            hostile,
            &[bar(hostile, Some(40.0), "40%")],
            100.0,
            ValueFormat::Percent,
        );
        assert!(!chart.svg.contains("<script"), "{}", chart.svg);
        assert!(chart.svg.contains("&lt;script&gt;alert(&quot;x&quot;)"));
        assert!(chart.svg.contains("&amp; &#39;y&#39;"));
        // The table is escaped by Handlebars, so it keeps the text as it was.
        assert_eq!(chart.table.rows[0].label, hostile);

        let periods = vec!["<b>2024</b>".to_string()];
        let line = line_chart(
            "x",
            hostile,
            "",
            &periods,
            &[Series {
                name: hostile.into(),
                values: vec![Some(1.0)],
            }],
            ValueFormat::Count,
        )
        .unwrap();
        assert!(!line.svg.contains("<script") && !line.svg.contains("<b>"));
        assert!(line.svg.contains("&lt;b&gt;2024&lt;/b&gt;"));
    }

    #[test]
    fn a_suppressed_bar_is_no_bar_but_its_words() {
        let chart = bar_chart(
            "chart-q",
            "How was it?",
            "12 answered.",
            &[
                bar("Good", Some(75.0), "75% (9)"),
                bar("Bad", None, "hidden (too few to show)"),
                bar("Nobody", Some(0.0), "0% (0)"),
            ],
            100.0,
            ValueFormat::Percent,
        );
        assert_eq!(chart.svg.matches("<rect").count(), 1, "{}", chart.svg);
        assert!(chart.svg.contains(">hidden (too few to show)</text>"));
        assert!(chart.svg.contains(">0% (0)</text>"));
        let cells: Vec<&str> = chart
            .table
            .rows
            .iter()
            .map(|r| r.cells[0].as_str())
            .collect();
        assert_eq!(cells, ["75% (9)", "hidden (too few to show)", "0% (0)"]);
        assert_eq!(chart.table.headings, ["Answer", "Responses"]);
        // The scale runs to 100 with ticks labelled as percentages.
        assert!(chart.svg.contains(">100%</text>") && chart.svg.contains(">0%</text>"));
    }

    #[test]
    fn ticks_are_round_and_reach_the_top() {
        assert_eq!(ticks(100.0, false, 5), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(100.0, false, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(100.0, true, 2), [0.0, 50.0, 100.0]);
        assert_eq!(ticks(7.0, true, 5), [0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(3.0, true, 5), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(0.0, true, 5), [0.0, 1.0]);
        assert_eq!(
            ticks(f64::NAN, false, 5),
            [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(ticks(12.0, false, 5), [0.0, 2.5, 5.0, 7.5, 10.0, 12.5]);
        assert_eq!(*ticks(638_745.0, true, 5).last().unwrap(), 800_000.0);
        for max in [0.3, 1.0, 9.9, 55.0, 101.0, 12_345.0] {
            let t = ticks(max, false, 5);
            assert!(*t.last().unwrap() >= max && t.len() <= 7, "{max}: {t:?}");
        }
        assert_eq!(ValueFormat::Count.tick(20_000.0), "20,000");
        assert_eq!(ValueFormat::Weeks.value(12.5), "12.5 weeks");
    }

    #[test]
    fn ids_are_made_safe_for_html() {
        assert_eq!(safe_id("chart-q1"), "chart-q1");
        assert_eq!(safe_id("chart-q 1\"><x"), "chart-q-1---x");
        assert_eq!(safe_id("1st"), "chart-1st");
        assert_eq!(safe_id(""), "chart-");
        let chart = bar_chart("q.1 é", "T", "D", &[], 100.0, ValueFormat::Percent);
        assert_eq!(chart.id, "q-1--");
        assert!(chart
            .svg
            .contains(r#"aria-labelledby="q-1---title q-1---desc""#));
        assert!(chart.svg.contains(r#"<title id="q-1---title">T</title>"#));
        assert!(chart.svg.contains(r#"role="img""#));
    }

    #[test]
    fn a_gap_breaks_the_line_rather_than_dropping_to_zero() {
        let periods: Vec<String> = ["2021", "2022", "2023", "2024", "2025"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let chart = line_chart(
            "chart-gaps",
            "Gaps",
            "",
            &periods,
            &[
                Series {
                    name: "Area".into(),
                    values: vec![Some(10.0), Some(20.0), None, Some(40.0), Some(50.0)],
                },
                Series {
                    name: "England".into(),
                    values: vec![None, Some(30.0), None, None, None],
                },
            ],
            ValueFormat::Percent,
        )
        .unwrap();
        let paths: Vec<&str> = chart.svg.split("<path ").skip(1).collect();
        // One line with two stretches; England's lone point is a marker, not a line.
        assert_eq!(paths.len(), 1, "{}", chart.svg);
        let d = paths[0].split("d=\"").nth(1).unwrap();
        let d = &d[..d.find('"').unwrap()];
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(d.matches('L').count(), 2, "{d}");
        // Nothing is drawn at the zero line for the missing year.
        let zero_y = chart.svg.split("class=\"chart-axis\" x1=").nth(1).unwrap();
        let zero_y = zero_y
            .split("y1=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(!d.contains(&format!(" {zero_y}")), "{d}");
        assert_eq!(chart.svg.matches("<circle").count(), 4);
        assert_eq!(chart.svg.matches("chart-marker--hollow").count(), 1);
        assert_eq!(
            chart.table.rows[2].cells,
            ["not available", "not available"]
        );
        assert_eq!(chart.table.rows[1].cells, ["20%", "30%"]);
        assert_eq!(chart.table.headings, ["Period", "Area", "England"]);
        assert!(chart
            .description
            .contains("In 2025: Area 50%; England not available."));
        assert_eq!(chart.key.len(), 2);
        assert!(chart.key[1].swatch.contains("stroke-dasharray=\"10 5\""));
    }

    #[test]
    fn nothing_numeric_is_no_chart() {
        let periods = vec!["2024".to_string()];
        let none = Series {
            name: "Area".into(),
            values: vec![None],
        };
        assert!(line_chart("c", "T", "", &periods, &[none], ValueFormat::Count).is_none());
        assert!(line_chart("c", "T", "", &[], &[], ValueFormat::Count).is_none());
    }

    #[test]
    fn an_indicator_is_charted_with_its_symbols_in_words() {
        let c = catalogue();
        let id = "ehcp_20_weeks_ex";
        let p2023 = Period::parse("2023").unwrap();
        let p2024 = Period::parse("2024").unwrap();
        let n = |v| Measure::Number(v);
        let (a, b, e) = (n(40.0), Measure::Symbol("c".into()), n(50.3));
        let e2 = n(49.0);
        let obs = [
            (Level::LocalAuthority, &p2023, &a),
            (Level::LocalAuthority, &p2024, &b),
            (Level::National, &p2023, &e2),
            (Level::National, &p2024, &e),
        ]
        .map(|(level, period, measure)| Observation {
            indicator_id: id,
            level,
            period,
            measure,
        });
        let all = all_series(&c, &obs);
        let names = vec!["Kent".to_string(), "England".to_string()];
        let chart = indicator_chart(&c, &all[0], &names).unwrap();
        assert_eq!(chart.id, "chart-ehcp_20_weeks_ex");
        assert_eq!(chart.table.headings, ["Period", "Kent", "England"]);
        assert_eq!(
            chart.table.rows[1].cells,
            ["c – confidential (suppressed by the DfE)", "50.3%"]
        );
        // The legal standard is drawn and named in the key.
        assert!(chart.svg.contains("chart-reference"));
        assert!(chart.key[0]
            .name
            .starts_with("Standard, 100%: The law sets 20 weeks"));
        assert_eq!(chart.key[1].name, "Kent");
        assert!(chart.svg.contains(">100%</text>"));
        assert!(chart.description.contains("In 2024: Kent c – confidential"));
        assert!(chart.description.contains(". Standard, 100%: The law"));

        let symbols_only = [Observation {
            indicator_id: id,
            level: Level::LocalAuthority,
            period: &p2024,
            measure: &b,
        }];
        let all = all_series(&c, &symbols_only);
        assert!(indicator_chart(&c, &all[0], &names).is_none());
    }

    #[test]
    fn long_labels_wrap_within_the_width() {
        assert_eq!(wrap("a b c", 3, 6), ["a b", "c"]);
        assert_eq!(wrap("abcdefgh", 3, 6), ["abc", "def", "gh"]);
        assert_eq!(wrap("aa bb cc dd", 2, 2), ["aa", "b…"]);
        assert!(wrap("", 10, 6).is_empty());
    }
}
