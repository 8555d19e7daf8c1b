//! Indicators: the catalogue (what each indicator means and how to read it from DfE
//! statistics files or the local data template), and the values read for an area.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::problem::Problem;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct IndicatorCatalogue {
    pub version: String,
    pub symbols: Vec<SymbolMeaning>,
    pub file_kinds: Vec<FileKind>,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SymbolMeaning {
    pub code: String,
    pub meaning: String,
}

/// A kind of statistics file, recognised by its published name or its signature columns.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FileKind {
    pub id: String,
    pub title: String,
    pub publication: String,
    pub file_names: Vec<String>,
    pub signature: Vec<String>,
    #[serde(default)]
    pub totals: Vec<Filter>,
}

/// Rows are taken only where `column` holds one of `any_of` (a value ending in `*`
/// matches any value starting with the rest). A file without the column has no such
/// breakdown, so every row passes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Filter {
    pub column: String,
    pub any_of: Vec<String>,
}

impl Filter {
    pub fn accepts(&self, value: &str) -> bool {
        let value = value.trim();
        self.any_of.iter().any(|want| match want.strip_suffix('*') {
            Some(prefix) => value.to_lowercase().starts_with(&prefix.to_lowercase()),
            None => value.eq_ignore_ascii_case(want),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    Count,
    Weeks,
    YesNo,
}

/// Which way is better, for comparing an area with England.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
    Neither,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Threshold {
    pub value: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    pub file_kind: String,
    pub column: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub filters: Vec<Filter>,
}

impl Source {
    /// The column of `header` this source reads, matched without regard to case.
    pub fn find_column(&self, header: &[String]) -> Option<usize> {
        std::iter::once(&self.column)
            .chain(self.aliases.iter())
            .find_map(|name| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LocalSpec {
    pub example: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub definition: String,
    pub unit: Unit,
    pub better: Better,
    pub criteria: Vec<String>,
    pub threshold: Option<Threshold>,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub local: Option<LocalSpec>,
    /// The part of the area's SEND population this indicator counts, if any.
    pub population: Option<PopulationSpec>,
}

/// Which answers of a survey grouping question an indicator counts the population of.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PopulationSpec {
    pub grouping: super::survey_form::Grouping,
    pub answers: Vec<String>,
}

impl IndicatorCatalogue {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn file_kind(&self, id: &str) -> Option<&FileKind> {
        self.file_kinds.iter().find(|k| k.id == id)
    }

    /// What a symbol code means, if it is one.
    pub fn symbol(&self, text: &str) -> Option<&SymbolMeaning> {
        let text = text.trim();
        self.symbols
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(text))
    }

    /// The indicators the partnership gives in the local data template.
    pub fn local(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(|i| i.local.is_some())
    }

    /// Checks beyond the schema: unique ids, file kinds that exist, criteria known.
    pub fn check(&self, criteria: &BTreeSet<String>) -> Vec<Problem> {
        let mut problems = vec![];
        let mut kinds = BTreeSet::new();
        for (k, kind) in self.file_kinds.iter().enumerate() {
            if !kinds.insert(kind.id.as_str()) {
                problems.push(Problem::new(
                    format!("/file_kinds/{k}/id"),
                    format!("file kind \"{}\" appears twice", kind.id),
                ));
            }
        }
        let mut ids = BTreeSet::new();
        for (i, indicator) in self.indicators.iter().enumerate() {
            let p = format!("/indicators/{i}");
            if !ids.insert(indicator.id.as_str()) {
                problems.push(Problem::new(
                    format!("{p}/id"),
                    format!("indicator \"{}\" appears twice", indicator.id),
                ));
            }
            for (c, criterion) in indicator.criteria.iter().enumerate() {
                if !criteria.contains(criterion) {
                    problems.push(Problem::new(
                        format!("{p}/criteria/{c}"),
                        format!("criterion \"{criterion}\" is not in the framework"),
                    ));
                }
            }
            for (s, source) in indicator.sources.iter().enumerate() {
                if !kinds.contains(source.file_kind.as_str()) {
                    problems.push(Problem::new(
                        format!("{p}/sources/{s}/file_kind"),
                        format!("there is no file kind \"{}\"", source.file_kind),
                    ));
                }
            }
        }
        let mut codes = BTreeSet::new();
        for (s, symbol) in self.symbols.iter().enumerate() {
            if !codes.insert(symbol.code.to_lowercase()) {
                problems.push(Problem::new(
                    format!("/symbols/{s}/code"),
                    format!("symbol \"{}\" appears twice", symbol.code),
                ));
            }
        }
        problems
    }
}

/// The geographic level of a value: the partnership's own area, its region, England.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    LocalAuthority,
    Regional,
    National,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::LocalAuthority, Level::Regional, Level::National];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::LocalAuthority => "local_authority",
            Level::Regional => "regional",
            Level::National => "national",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// As the DfE files name it in `geographic_level`.
    pub fn from_dfe(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "local authority" => Some(Level::LocalAuthority),
            "regional" => Some(Level::Regional),
            "national" => Some(Level::National),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::LocalAuthority => "Local area",
            Level::Regional => "Region",
            Level::National => "England",
        }
    }
}

/// A period as published: `2024` (a calendar year) or `202425` (an academic year,
/// shown 2024/25), with its `time_identifier`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// As published; sorts in time order.
    pub code: String,
    pub label: String,
}

impl Period {
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match code.len() {
            4 if digits(code) => Some(Self {
                code: code.into(),
                label: code.into(),
            }),
            6 if digits(code) => {
                let (start, end) = code.split_at(4);
                let next = start.parse::<u32>().ok()? + 1;
                (format!("{:02}", next % 100) == end).then(|| Self {
                    code: code.into(),
                    label: format!("{start}/{end}"),
                })
            }
            7 if code.as_bytes().get(4) == Some(&b'/') => {
                // 2024/25, as people type it in the local data template.
                let (start, end) = (code.get(..4)?, code.get(5..)?);
                (digits(start) && digits(end))
                    .then(|| Self::parse(&format!("{start}{end}")))
                    .flatten()
            }
            7 if code.as_bytes().get(4) == Some(&b'-') => {
                // 2025-09, a month.
                let (year, month) = (code.get(..4)?, code.get(5..)?);
                let m: u32 = month.parse().ok()?;
                (digits(year) && digits(month) && (1..=12).contains(&m)).then(|| Self {
                    code: code.into(),
                    label: code.into(),
                })
            }
            _ => None,
        }
    }
}

/// What was published for one indicator, area and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Measure {
    Number(f64),
    /// A code in place of a number (kept, with its meaning, as "not available").
    Symbol(String),
    /// Yes, no or recruiting, for whether a post is filled.
    Answer(String),
}

/// Why a published value is not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OddValue {
    #[error("a negative figure ({0}), which cannot be right for this indicator")]
    Negative(String),
    #[error("a percentage over 100 ({0})")]
    OverHundred(String),
    #[error("\"{0}\" is neither a number nor a known symbol")]
    NotANumber(String),
    #[error("\"{0}\" is not yes, no or recruiting")]
    NotAnAnswer(String),
}

/// Read one published cell for an indicator of `unit`.
pub fn read_measure(
    catalogue: &IndicatorCatalogue,
    unit: Unit,
    text: &str,
) -> Result<Measure, OddValue> {
    let trimmed = text.trim();
    if let Some(symbol) = catalogue.symbol(trimmed) {
        return Ok(Measure::Symbol(symbol.code.clone()));
    }
    if trimmed.is_empty() {
        return Ok(Measure::Symbol("x".into()));
    }
    if unit == Unit::YesNo {
        let answer = trimmed.to_ascii_lowercase();
        return match answer.as_str() {
            "yes" | "no" | "recruiting" => Ok(Measure::Answer(capitalise(&answer))),
            _ => Err(OddValue::NotAnAnswer(trimmed.into())),
        };
    }
    let number: f64 = trimmed
        .replace(',', "")
        .parse()
        .map_err(|_| OddValue::NotANumber(trimmed.into()))?;
    if !number.is_finite() {
        return Err(OddValue::NotANumber(trimmed.into()));
    }
    if number < 0.0 {
        return Err(OddValue::Negative(trimmed.into()));
    }
    if unit == Unit::Percent && number > 100.0 {
        return Err(OddValue::OverHundred(trimmed.into()));
    }
    Ok(Measure::Number(number))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// How an area's figure compares with England's, for suggestions and the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Better,
    Worse,
    Similar,
    /// No direction (the indicator is neither better higher nor lower) or no figure.
    NotComparable,
}

/// Compare an area's value with England's: more than `margin` (relative, e.g. 0.1 for
/// a tenth; for percentages, points) away in the better or worse direction.
pub fn compare(indicator: &Indicator, area: &Measure, england: &Measure) -> Comparison {
    let (Measure::Number(a), Measure::Number(e)) = (area, england) else {
        return match (indicator.unit, area) {
            (Unit::YesNo, Measure::Answer(answer)) if indicator.better == Better::Higher => {
                if answer == "Yes" {
                    Comparison::Better
                } else {
                    Comparison::Worse
                }
            }
            _ => Comparison::NotComparable,
        };
    };
    let gap = match indicator.unit {
        Unit::Percent => a - e,
        _ if *e == 0.0 => return Comparison::NotComparable,
        _ => (a - e) / e * 100.0,
    };
    // Five points (or five per cent) either way counts as a difference worth a look.
    let far = gap.abs() >= 5.0;
    match (indicator.better, far, gap > 0.0) {
        (Better::Neither, ..) => Comparison::NotComparable,
        (_, false, _) => Comparison::Similar,
        (Better::Higher, true, true) | (Better::Lower, true, false) => Comparison::Better,
        _ => Comparison::Worse,
    }
}

/// Format a measure for display with the indicator's unit.
pub fn display(catalogue: &IndicatorCatalogue, unit: Unit, measure: &Measure) -> String {
    match measure {
        Measure::Number(n) => match unit {
            Unit::Percent => format!("{}%", trim_number(*n, 1)),
            Unit::Weeks => format!("{} weeks", trim_number(*n, 1)),
            _ => group_thousands(*n),
        },
        Measure::Answer(a) => a.clone(),
        Measure::Symbol(code) => {
            let meaning = catalogue
                .symbol(code)
                .map(|s| s.meaning.as_str())
                .unwrap_or("not available");
            format!("{code} – {meaning}")
        }
    }
}

/// A number with at most `places` decimal places and no trailing zeros.
pub fn trim_number(n: f64, places: usize) -> String {
    let s = format!("{n:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A count with thousands separators (1,234); fractions keep one decimal place.
pub fn group_thousands(n: f64) -> String {
    if n.fract() != 0.0 {
        return trim_number(n, 1);
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> IndicatorCatalogue {
        serde_json::from_str(include_str!("../../framework/indicators.json")).unwrap()
    }

    #[test]
    fn the_shipped_catalogue_is_consistent() {
        let c = catalogue();
        let criteria: BTreeSet<String> = [
            "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "D1", "D2",
            "D3", "D4", "D5", "D6",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(c.check(&criteria), vec![]);
        assert!(c.local().count() >= 10);
        for kind in &c.file_kinds {
            assert!(
                c.indicators
                    .iter()
                    .any(|i| i.sources.iter().any(|s| s.file_kind == kind.id)),
                "every file kind feeds an indicator: {}",
                kind.id
            );
        }
    }

    #[test]
    fn published_cells_are_read_with_their_symbols_and_odd_values_refused() {
        let c = catalogue();
        assert_eq!(
            read_measure(&c, Unit::Percent, "57.900000000000"),
            Ok(Measure::Number(57.9))
        );
        assert_eq!(
            read_measure(&c, Unit::Count, "1,234"),
            Ok(Measure::Number(1234.0))
        );
        for code in ["x", "z", "c", "low", "u", "X", " c "] {
            assert!(
                matches!(read_measure(&c, Unit::Count, code), Ok(Measure::Symbol(_))),
                "{code}"
            );
        }
        assert_eq!(
            read_measure(&c, Unit::Count, "-3"),
            Err(OddValue::Negative("-3".into()))
        );
        assert_eq!(
            read_measure(&c, Unit::Percent, "100.5"),
            Err(OddValue::OverHundred("100.5".into()))
        );
        assert!(read_measure(&c, Unit::Count, "lots").is_err());
        assert!(read_measure(&c, Unit::Count, "NaN").is_err());
        assert_eq!(
            read_measure(&c, Unit::YesNo, "Yes"),
            Ok(Measure::Answer("Yes".into()))
        );
        assert_eq!(
            read_measure(&c, Unit::YesNo, "n/a"),
            Ok(Measure::Symbol("n/a".into()))
        );
        assert_eq!(
            display(&c, Unit::Count, &Measure::Symbol("c".into())),
            "c – confidential (suppressed by the DfE)"
        );
        assert_eq!(
            display(&c, Unit::Count, &Measure::Number(638745.0)),
            "638,745"
        );
        assert_eq!(display(&c, Unit::Percent, &Measure::Number(60.40)), "60.4%");
    }

    #[test]
    fn periods_are_calendar_or_academic_years_or_months() {
        assert_eq!(Period::parse("2024").unwrap().label, "2024");
        assert_eq!(Period::parse("202425").unwrap().label, "2024/25");
        assert_eq!(Period::parse("2024/25").unwrap().code, "202425");
        assert_eq!(Period::parse("2025-09").unwrap().label, "2025-09");
        assert_eq!(Period::parse("202427"), None);
        assert_eq!(Period::parse("2025-13"), None);
        assert_eq!(Period::parse("last year"), None);
        assert!(Period::parse("2019").unwrap() < Period::parse("2024").unwrap());
    }

    #[test]
    fn filters_pick_total_rows() {
        let f = Filter {
            column: "breakdown".into(),
            any_of: vec!["Total".into(), "All*".into()],
        };
        assert!(f.accepts("All EHC plans issued"));
        assert!(f.accepts("total"));
        assert!(!f.accepts("Age 5 to 10"));
    }

    #[test]
    fn an_area_is_compared_with_england_in_the_better_direction() {
        let c = catalogue();
        let timely = c.indicator("ehcp_20_weeks_ex").unwrap();
        let n = Measure::Number;
        assert_eq!(compare(timely, &n(40.0), &n(50.3)), Comparison::Worse);
        assert_eq!(compare(timely, &n(70.0), &n(50.3)), Comparison::Better);
        assert_eq!(compare(timely, &n(52.0), &n(50.3)), Comparison::Similar);
        let neet = c.indicator("plans_neet").unwrap();
        assert_eq!(compare(neet, &n(200.0), &n(100.0)), Comparison::Worse);
        let plans = c.indicator("active_ehc_plans").unwrap();
        assert_eq!(compare(plans, &n(2.0), &n(1.0)), Comparison::NotComparable);
        let dmo = c.indicator("dmo_in_post").unwrap();
        assert_eq!(
            compare(
                dmo,
                &Measure::Answer("No".into()),
                &Measure::Symbol("z".into())
            ),
            Comparison::Worse
        );
    }
}

/// One value of an indicator for a level and period, as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation<'a> {
    pub indicator_id: &'a str,
    pub level: Level,
    pub period: &'a Period,
    pub measure: &'a Measure,
}

/// An indicator's values over time for the area, its region and England, and how
/// the latest period with the area's own figure compares with England.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSeries<'a> {
    pub indicator: &'a Indicator,
    /// Every period any level has, oldest first.
    pub periods: Vec<&'a Period>,
    /// Per level, a value (or none) for each period.
    pub levels: Vec<(Level, Vec<Option<&'a Measure>>)>,
    /// The latest period with a figure for the area, and its comparison with England.
    pub latest: Option<(&'a Period, &'a Measure, Option<&'a Measure>, Comparison)>,
}

/// The series of every indicator that has values, in catalogue order.
pub fn series<'a>(
    catalogue: &'a IndicatorCatalogue,
    observations: &[Observation<'a>],
) -> Vec<IndicatorSeries<'a>> {
    catalogue
        .indicators
        .iter()
        .filter_map(|indicator| {
            let mine: Vec<&Observation> = observations
                .iter()
                .filter(|o| o.indicator_id == indicator.id)
                .collect();
            if mine.is_empty() {
                return None;
            }
            let mut periods: Vec<&Period> = mine.iter().map(|o| o.period).collect();
            periods.sort();
            periods.dedup();
            let value = |level: Level, period: &Period| {
                mine.iter()
                    .find(|o| o.level == level && o.period == period)
                    .map(|o| o.measure)
            };
            let levels = Level::ALL
                .iter()
                .filter(|l| mine.iter().any(|o| o.level == **l))
                .map(|l| (*l, periods.iter().map(|p| value(*l, p)).collect()))
                .collect();
            let latest = periods
                .iter()
                .rev()
                .find_map(|p| {
                    value(Level::LocalAuthority, p)
                        .filter(|m| !matches!(m, Measure::Symbol(_)))
                        .map(|m| (*p, m))
                })
                .map(|(p, m)| {
                    let england = value(Level::National, p);
                    let comparison = england
                        .map(|e| compare(indicator, m, e))
                        .unwrap_or_else(|| compare(indicator, m, &Measure::Symbol("x".into())));
                    (p, m, england, comparison)
                });
            Some(IndicatorSeries {
                indicator,
                periods,
                levels,
                latest,
            })
        })
        .collect()
}
