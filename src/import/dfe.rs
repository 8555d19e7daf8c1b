//! DfE statistics files in the explore-education-statistics "tidy" layout, read as
//! published: the partnership's own values for every year, and its region and
//! England as comparators, for each indicator the catalogue reads from that kind of
//! file. Symbols are kept with their meaning; odd values are reported, not used.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{csv_reader, csv_refusal, text_of, FileRefusal, LineCounter, LineProblem};
use crate::domain::indicator::{
    read_measure, FileKind, IndicatorCatalogue, Level, Measure, Period, Source,
};

/// The columns every tidy file has.
const TIDY: [&str; 2] = ["time_period", "geographic_level"];

/// Who the values are for: the partnership's council (by ONS code, and the old
/// three-digit code where known) and its region, where known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Area {
    pub council_code: String,
    pub old_code: Option<String>,
    pub region_code: Option<String>,
}

/// One value read for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorValue {
    pub indicator_id: String,
    pub level: Level,
    pub area_code: String,
    pub area_name: String,
    pub period: Period,
    pub measure: Measure,
    /// Where it came from: the line of the file.
    pub line: usize,
}

/// What the file says about the partnership's area, kept for later imports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Learned {
    pub old_code: Option<String>,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
}

/// Rows that were not taken, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Skip {
    /// Another council, or another region.
    OtherArea,
    /// A breakdown (by age, sex, setting...) rather than the total.
    Breakdown,
    /// A level the import does not use (a parliamentary constituency, say).
    OtherLevel,
    /// The region's rows, before the partnership's region is known.
    RegionNotKnown,
}

impl Skip {
    pub fn reason(self) -> &'static str {
        match self {
            Skip::OtherArea => "rows for other councils or regions",
            Skip::Breakdown => "rows for a breakdown (by age, need, setting and so on), not the total",
            Skip::OtherLevel => "rows at a geographic level the import does not use",
            Skip::RegionNotKnown => {
                "regional rows: the partnership's region is not known until a file with its own rows is imported"
            }
        }
    }
}

/// What one indicator took from the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taken {
    pub indicator_id: String,
    pub name: String,
    pub column: String,
    /// Values by level, and the periods each covers.
    pub by_level: Vec<(Level, Vec<String>)>,
    /// Of those, how many are symbols ("not available" with a meaning).
    pub symbols: usize,
}

/// Everything an import of one file did, for the person who imported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub file_name: String,
    pub kind: String,
    pub rows: usize,
    pub taken: Vec<Taken>,
    pub skipped: Vec<(Skip, usize)>,
    /// Indicators of this kind of file whose column is not in it.
    pub missing: Vec<String>,
    pub problems: Vec<LineProblem>,
    /// Things worth knowing that are not problems with a line.
    pub notes: Vec<String>,
}

impl Report {
    /// One line saying what the import took and skipped, for the command line.
    pub fn summary(&self) -> String {
        let values: usize = self
            .taken
            .iter()
            .flat_map(|t| t.by_level.iter().map(|(_, periods)| periods.len()))
            .sum();
        let mut parts = vec![format!(
            "{} ({} rows): took {values} value(s) of {} indicator(s)",
            self.kind,
            self.rows,
            self.taken.len()
        )];
        for (skip, n) in &self.skipped {
            parts.push(format!("skipped {n} {}", skip.reason()));
        }
        if !self.problems.is_empty() {
            parts.push(format!(
                "{} problem(s), whose values were not used",
                self.problems.len()
            ));
        }
        if !self.missing.is_empty() {
            parts.push(format!("not in this file: {}", self.missing.join(", ")));
        }
        parts.join("; ")
    }
}

/// A file read: its values and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub kind_id: String,
    pub values: Vec<IndicatorValue>,
    pub report: Report,
    pub learned: Learned,
}

/// The stem of a file name as published: `timeliness_20_week.csv`, or
/// `timeliness_20_week.sample.csv`, are both `timeliness_20_week`.
fn stem(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".csv").unwrap_or(&name);
    name.split('.').next().unwrap_or(name).to_string()
}

fn has(header: &[String], column: &str) -> bool {
    header.iter().any(|h| h.eq_ignore_ascii_case(column))
}

/// Which kind of file this is: by its name if that names a kind whose signature the
/// header has, otherwise by its signature alone.
fn kind_of<'a>(
    catalogue: &'a IndicatorCatalogue,
    file_name: &str,
    header: &[String],
) -> Result<&'a FileKind, FileRefusal> {
    let fits = |k: &FileKind| k.signature.iter().all(|c| has(header, c));
    let stem = stem(file_name);
    if let Some(kind) = catalogue
        .file_kinds
        .iter()
        .find(|k| k.file_names.iter().any(|n| n.eq_ignore_ascii_case(&stem)) && fits(k))
    {
        return Ok(kind);
    }
    let matching: Vec<&FileKind> = catalogue.file_kinds.iter().filter(|k| fits(k)).collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(FileRefusal::UnknownLayout {
            columns: header
                .iter()
                .take(14)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
                + if header.len() > 14 { ", …" } else { "" },
        }),
        several => Err(FileRefusal::Ambiguous {
            kinds: several
                .iter()
                .map(|k| k.title.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            example: several
                .first()
                .and_then(|k| k.file_names.first())
                .map(|n| format!("{n}.csv"))
                .unwrap_or_default(),
        }),
    }
}

/// One indicator column to read, with the filters its rows must pass.
struct Wanted<'a> {
    id: &'a str,
    name: &'a str,
    unit: crate::domain::indicator::Unit,
    column: usize,
    column_name: String,
    filters: Vec<(usize, &'a crate::domain::indicator::Filter)>,
}

/// Read a DfE statistics file for `area`. `limit` bounds its size in bytes.
pub fn read(
    catalogue: &IndicatorCatalogue,
    file_name: &str,
    bytes: &[u8],
    area: &Area,
    limit: usize,
) -> Result<Reading, FileRefusal> {
    let text = text_of(bytes, limit)?;
    let mut reader = csv_reader(text);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_refusal(text, &e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(FileRefusal::NoHeader);
    }
    for column in TIDY {
        if !has(&header, column) {
            return Err(FileRefusal::NotTidy {
                missing: column.into(),
            });
        }
    }
    let kind = kind_of(catalogue, file_name, &header)?;
    let mut problems = vec![];
    let mut notes = vec![];
    // A header that names one column twice: which of the two is meant cannot be told.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut twice: BTreeSet<String> = BTreeSet::new();
    for (i, h) in header.iter().enumerate() {
        if let Some(first) = seen.insert(h.to_ascii_lowercase(), i) {
            twice.insert(h.to_ascii_lowercase());
            problems.push(LineProblem {
                line: 1,
                column: Some(h.clone()),
                message: format!(
                    "the header names \"{h}\" twice (columns {} and {}); neither is used",
                    first + 1,
                    i + 1
                ),
            });
        }
    }
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let level_col = col("geographic_level");
    let period_col = col("time_period");
    let (new_code, old_code, region_code, region_name, la_name, country_name) = (
        col("new_la_code"),
        col("old_la_code"),
        col("region_code"),
        col("region_name"),
        col("la_name"),
        col("country_name"),
    );
    let total_filters: Vec<(usize, &crate::domain::indicator::Filter)> = kind
        .totals
        .iter()
        .filter_map(|f| col(&f.column).map(|i| (i, f)))
        .collect();
    let mut wanted: Vec<Wanted> = vec![];
    let mut missing = vec![];
    for indicator in &catalogue.indicators {
        for source in indicator.sources.iter().filter(|s| s.file_kind == kind.id) {
            match find_usable(source, &header, &twice) {
                Some((column, column_name)) => {
                    let mut filters = total_filters.clone();
                    filters.extend(
                        source
                            .filters
                            .iter()
                            .filter_map(|f| col(&f.column).map(|i| (i, f))),
                    );
                    wanted.push(Wanted {
                        id: &indicator.id,
                        name: &indicator.name,
                        unit: indicator.unit,
                        column,
                        column_name,
                        filters,
                    });
                }
                None => missing.push(format!("{} (column {})", indicator.name, source.column)),
            }
        }
    }
    let field = |record: &csv::StringRecord, i: Option<usize>| -> String {
        i.and_then(|i| record.get(i))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut learned = Learned::default();
    let mut region = area.region_code.clone();
    let mut old = area.old_code.clone();
    let mut records = vec![];
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = record.map_err(|e| csv_refusal(text, &e))?;
        let line = lines.line_of(record.position());
        // The area's own rows say its region and old code, for regional rows and
        // for files that give only the old code.
        let is_ours = field(&record, new_code).eq_ignore_ascii_case(&area.council_code);
        if is_ours {
            let r = field(&record, region_code);
            if !r.is_empty() && region.is_none() {
                region = Some(r.clone());
                learned.region_code = Some(r);
                learned.region_name = Some(field(&record, region_name)).filter(|n| !n.is_empty());
            }
            let o = field(&record, old_code);
            if !o.is_empty() && old.is_none() {
                old = Some(o.clone());
                learned.old_code = Some(o);
            }
        }
        records.push((line, record));
    }
    let mut skipped: BTreeMap<Skip, usize> = BTreeMap::new();
    let mut values: Vec<IndicatorValue> = vec![];
    let mut keys: BTreeMap<(String, Level, String), usize> = BTreeMap::new();
    let mut bad_periods = 0usize;
    for (line, record) in &records {
        let level = match Level::from_dfe(&field(record, level_col)) {
            Some(level) => level,
            None => {
                *skipped.entry(Skip::OtherLevel).or_default() += 1;
                continue;
            }
        };
        let (area_code, area_name) = match level {
            Level::National => ("E92000001".to_string(), {
                let n = field(record, country_name);
                if n.is_empty() {
                    "England".to_string()
                } else {
                    n
                }
            }),
            Level::Regional => {
                let r = field(record, region_code);
                match &region {
                    None => {
                        *skipped.entry(Skip::RegionNotKnown).or_default() += 1;
                        continue;
                    }
                    Some(ours) if !r.eq_ignore_ascii_case(ours) => {
                        *skipped.entry(Skip::OtherArea).or_default() += 1;
                        continue;
                    }
                    Some(_) => (r, field(record, region_name)),
                }
            }
            Level::LocalAuthority => {
                let n = field(record, new_code);
                let o = field(record, old_code);
                let ours = n.eq_ignore_ascii_case(&area.council_code)
                    || (n.is_empty()
                        && old
                            .as_deref()
                            .is_some_and(|old| o.eq_ignore_ascii_case(old)));
                if !ours {
                    *skipped.entry(Skip::OtherArea).or_default() += 1;
                    continue;
                }
                (area.council_code.clone(), field(record, la_name))
            }
        };
        let Some(period) = Period::parse(&field(record, period_col)) else {
            bad_periods += 1;
            problems.push(LineProblem {
                line: *line,
                column: Some("time_period".into()),
                message: format!(
                    "\"{}\" is not a year (2024) or academic year (202425); the line is not used",
                    field(record, period_col)
                ),
            });
            continue;
        };
        let mut any_total = false;
        for w in &wanted {
            if !w
                .filters
                .iter()
                .all(|(i, f)| f.accepts(&field(record, Some(*i))))
            {
                continue;
            }
            any_total = true;
            let text = field(record, Some(w.column));
            let measure = match read_measure(catalogue, w.unit, &text) {
                Ok(m) => m,
                Err(odd) => {
                    problems.push(LineProblem {
                        line: *line,
                        column: Some(w.column_name.clone()),
                        message: format!("{}: {odd}; the value is not used", w.name),
                    });
                    continue;
                }
            };
            let key = (w.id.to_string(), level, period.code.clone());
            if let Some(first) = keys.get(&key) {
                problems.push(LineProblem {
                    line: *line,
                    column: Some(w.column_name.clone()),
                    message: format!(
                        "{}: a second total row for {} in {} (the first was line {first}); this one is not used",
                        w.name,
                        level.label(),
                        period.label
                    ),
                });
                continue;
            }
            keys.insert(key, *line);
            values.push(IndicatorValue {
                indicator_id: w.id.to_string(),
                level,
                area_code: area_code.clone(),
                area_name: area_name.clone(),
                period: period.clone(),
                measure,
                line: *line,
            });
        }
        if !any_total && !wanted.is_empty() {
            *skipped.entry(Skip::Breakdown).or_default() += 1;
        }
    }
    if bad_periods > 0 {
        notes.push(format!(
            "{bad_periods} line(s) had no period that could be read."
        ));
    }
    if !values.iter().any(|v| v.level == Level::LocalAuthority) {
        notes.push(format!(
            "The file has no rows for the partnership's own council ({}{}).",
            area.council_code,
            old.as_deref()
                .map(|o| format!(", old code {o}"))
                .unwrap_or_default()
        ));
    }
    // A file with nothing for the area, its region or England adds nothing: say so
    // rather than record an import that took nothing. (A file whose only figures
    // were odd keeps its report, which says what was wrong with them.)
    if values.is_empty() && problems.is_empty() {
        return Err(FileRefusal::NothingForArea {
            rows: records.len(),
            code: area.council_code.clone(),
        });
    }
    let taken = wanted
        .iter()
        .filter_map(|w| {
            let mine: Vec<&IndicatorValue> =
                values.iter().filter(|v| v.indicator_id == w.id).collect();
            if mine.is_empty() {
                return None;
            }
            let by_level = Level::ALL
                .iter()
                .filter_map(|level| {
                    let mut periods: Vec<String> = mine
                        .iter()
                        .filter(|v| v.level == *level)
                        .map(|v| v.period.label.clone())
                        .collect();
                    periods.sort();
                    periods.dedup();
                    (!periods.is_empty()).then_some((*level, periods))
                })
                .collect();
            Some(Taken {
                indicator_id: w.id.to_string(),
                name: w.name.to_string(),
                column: w.column_name.clone(),
                by_level,
                symbols: mine
                    .iter()
                    .filter(|v| matches!(v.measure, Measure::Symbol(_)))
                    .count(),
            })
        })
        .collect();
    Ok(Reading {
        kind_id: kind.id.clone(),
        report: Report {
            file_name: file_name.to_string(),
            kind: kind.title.clone(),
            rows: records.len(),
            taken,
            skipped: skipped.into_iter().collect(),
            missing,
            problems,
            notes,
        },
        values,
        learned,
    })
}

/// The column a source reads, unless the header names it twice.
fn find_usable(
    source: &Source,
    header: &[String],
    twice: &BTreeSet<String>,
) -> Option<(usize, String)> {
    let i = source.find_column(header)?;
    let name = header.get(i)?.clone();
    (!twice.contains(&name.to_ascii_lowercase())).then_some((i, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> IndicatorCatalogue {
        serde_json::from_str(include_str!("../../framework/indicators.json")).unwrap()
    }

    fn derby() -> Area {
        Area {
            council_code: "E06000015".into(),
            ..Area::default()
        }
    }

    const LIMIT: usize = 1 << 20;

    fn value<'a>(r: &'a Reading, id: &str, level: Level, period: &str) -> Option<&'a Measure> {
        r.values
            .iter()
            .find(|v| v.indicator_id == id && v.level == level && v.period.code == period)
            .map(|v| &v.measure)
    }

    #[test]
    fn a_small_tidy_file_is_read_for_the_area_its_region_and_england() {
        let csv = "\u{feff}time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,plans_issued_den,plans_issued_den_ex,plans_issued_within_20_weeks,plans_issued_20_weeks_ex,pc_plans_issued_within_20_weeks,PC_plans_issued_20_weeks_ex,PC_plans_issued_gt_1_year_ex\r\n\
2024,Calendar year,National,E92000001,England,,,,,,All EHC plans issued,All EHC plans issued,1,1,1,1,46.4,46.0,x\r\n\
2024,Calendar year,Regional,E92000001,England,E12000004,East Midlands,,,,All EHC plans issued,All EHC plans issued,1,1,1,1,50.0,51.2,3\r\n\
2024,Calendar year,Regional,E92000001,England,E12000006,East of England,,,,All EHC plans issued,All EHC plans issued,1,1,1,1,40.0,41.0,3\r\n\
2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000015,831,Derby,All EHC plans issued,All EHC plans issued,1,1,1,1,33.3,35.5,c\r\n\
2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000015,831,Derby,Age,Under 5,1,1,1,1,20.0,21.0,c\r\n\
2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000018,892,Nottingham,All EHC plans issued,All EHC plans issued,1,1,1,1,70.0,71.0,2\r\n";
        let r = read(
            &catalogue(),
            "timeliness_20_week.csv",
            csv.as_bytes(),
            &derby(),
            LIMIT,
        )
        .unwrap();
        assert_eq!(r.kind_id, "timeliness_20_week");
        let n = Measure::Number;
        assert_eq!(
            value(&r, "ehcp_20_weeks_ex", Level::LocalAuthority, "2024"),
            Some(&n(35.5))
        );
        assert_eq!(
            value(&r, "ehcp_20_weeks_ex", Level::Regional, "2024"),
            Some(&n(51.2))
        );
        assert_eq!(
            value(&r, "ehcp_20_weeks_ex", Level::National, "2024"),
            Some(&n(46.0))
        );
        assert_eq!(
            value(&r, "ehcp_20_weeks_inc", Level::LocalAuthority, "2024"),
            Some(&n(33.3))
        );
        assert_eq!(
            value(&r, "ehcp_over_52_weeks_ex", Level::LocalAuthority, "2024"),
            Some(&Measure::Symbol("c".into()))
        );
        assert_eq!(r.learned.region_code.as_deref(), Some("E12000004"));
        assert_eq!(r.learned.old_code.as_deref(), Some("831"));
        assert!(r.report.skipped.contains(&(Skip::Breakdown, 1)));
        assert!(r.report.skipped.contains(&(Skip::OtherArea, 2)));
        assert_eq!(r.values.len(), 9);
    }

    #[test]
    fn odd_values_and_repeated_columns_are_reported_not_used() {
        let csv = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,total_ehc_plans,review_expected,review_meeting_prior_24,review_meeting_prior_24,pc_decsion_4weeks,no_review_meeting\n\
2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E06000015,831,Derby,All annual reviews,All annual reviews,10,9,1,1,104.2,-5\n";
        let r = read(
            &catalogue(),
            "annual_reviews.csv",
            csv.as_bytes(),
            &derby(),
            LIMIT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let messages: Vec<&str> = r
            .report
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("names \"review_meeting_prior_24\" twice")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("percentage over 100")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("negative")),
            "{messages:?}"
        );
        assert!(r.values.is_empty(), "nothing odd is used");
    }

    #[test]
    fn other_layouts_and_broken_files_are_refused_whole() {
        let c = catalogue();
        let census = "time_period,time_identifier,geographic_level,country_code,la_name,headcount,fte_pupils\n202425,Academic year,National,E92000001,,9000000,8500000\n";
        assert!(matches!(
            read(&c, "spc_pupils.csv", census.as_bytes(), &derby(), LIMIT),
            Err(FileRefusal::UnknownLayout { .. })
        ));
        assert!(matches!(
            read(&c, "x.csv", b"name,value\nA,1\n", &derby(), LIMIT),
            Err(FileRefusal::NotTidy { .. })
        ));
        let ragged = "time_period,geographic_level,ehcplans,mainstream_total\n2024,National,1\n";
        assert!(matches!(
            read(&c, "caseload.csv", ragged.as_bytes(), &derby(), LIMIT),
            Err(FileRefusal::RaggedLine { line: 2, .. })
        ));
        let needs =
            "time_period,geographic_level,ehc_plans,number_asd,asd_pc\n2024,National,1,1,1\n";
        assert!(matches!(
            read(&c, "download.csv", needs.as_bytes(), &derby(), LIMIT),
            Err(FileRefusal::Ambiguous { .. })
        ));
        assert!(read(
            &c,
            "sen_need_newplans.csv",
            needs.as_bytes(),
            &derby(),
            LIMIT
        )
        .is_ok());
    }

    #[test]
    fn file_names_are_matched_as_published() {
        assert_eq!(
            stem("downloads/timeliness_20_week.sample.csv"),
            "timeliness_20_week"
        );
        assert_eq!(stem("C:\\data\\SEN2_MI.CSV"), "sen2_mi");
    }
}
