//! The local data template: figures the DfE does not publish (health waiting times,
//! alternative provision placements, complaints, tribunal appeals), given by the
//! partnership in a CSV file, checked line by line and taken all or nothing.

use std::collections::BTreeMap;

use super::{csv_reader, csv_refusal, text_of, FileRefusal, LineCounter, LineProblem};
use crate::domain::indicator::{read_measure, IndicatorCatalogue, Measure, Period, Unit};

/// The template's columns, in order.
pub const COLUMNS: [&str; 5] = ["indicator_id", "indicator_name", "period", "value", "note"];

/// One figure given.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalValue {
    pub indicator_id: String,
    pub period: Period,
    pub measure: Measure,
    pub note: String,
    pub line: usize,
}

/// The outcome of reading a filled-in template: values, or every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalReading {
    pub values: Vec<LocalValue>,
    /// Lines left blank in the value column (the template lists every indicator).
    pub blank: usize,
    pub problems: Vec<LineProblem>,
}

/// The template to download: its header, then one line per local indicator with an
/// example period and an empty value.
pub fn template(catalogue: &IndicatorCatalogue) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![]);
    // Writing to memory cannot fail.
    let _ = writer.write_record(COLUMNS);
    for indicator in catalogue.local() {
        let unit = match indicator.unit {
            Unit::Percent => "a percentage, 0 to 100",
            Unit::Count => "a whole number",
            Unit::Weeks => "weeks",
            Unit::YesNo => "yes or no",
        };
        let note = format!("{} Give {unit}; x if not known.", indicator.definition);
        let _ = writer.write_record([
            indicator.id.as_str(),
            indicator.name.as_str(),
            "2025",
            "",
            note.as_str(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Read a filled-in template. A file that cannot be read at all is refused; otherwise
/// every problem is listed by line, and values are only to be stored if there are none.
pub fn read(
    catalogue: &IndicatorCatalogue,
    bytes: &[u8],
    limit: usize,
) -> Result<LocalReading, FileRefusal> {
    let text = text_of(bytes, limit)?;
    let mut reader = csv_reader(text);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_refusal(text, &e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(id_col), Some(period_col), Some(value_col)) =
        (col("indicator_id"), col("period"), col("value"))
    else {
        let missing = ["indicator_id", "period", "value"]
            .into_iter()
            .find(|c| col(c).is_none())
            .unwrap_or("indicator_id");
        return Err(FileRefusal::NotTidy {
            missing: missing.into(),
        });
    };
    let note_col = col("note");
    let mut values = vec![];
    let mut problems = vec![];
    let mut blank = 0;
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        let record = record.map_err(|e| csv_refusal(text, &e))?;
        let line = lines.line_of(record.position());
        let get = |i: usize| record.get(i).map(str::trim).unwrap_or("");
        let (id, period_text, value_text) = (get(id_col), get(period_col), get(value_col));
        if id.is_empty() && value_text.is_empty() {
            continue;
        }
        let mut problem = |column: &str, message: String| {
            problems.push(LineProblem {
                line,
                column: Some(column.into()),
                message,
            })
        };
        let Some(indicator) = catalogue.local().find(|i| i.id == id) else {
            problem(
                "indicator_id",
                format!("\"{id}\" is not one of the indicators in the template"),
            );
            continue;
        };
        if value_text.is_empty() {
            blank += 1;
            continue;
        }
        let Some(period) = Period::parse(period_text) else {
            problem(
                "period",
                format!("\"{period_text}\" is not a year (2025), an academic year (2024/25) or a month (2025-09)"),
            );
            continue;
        };
        let measure = match read_measure(catalogue, indicator.unit, value_text) {
            Ok(m) => m,
            Err(odd) => {
                problem("value", format!("{}: {odd}", indicator.name));
                continue;
            }
        };
        if indicator.unit == Unit::Count {
            if let Measure::Number(n) = measure {
                if n.fract() != 0.0 {
                    problem(
                        "value",
                        format!("{}: {value_text} is not a whole number", indicator.name),
                    );
                    continue;
                }
            }
        }
        if let Some(first) = seen.insert((id.to_string(), period.code.clone()), line) {
            problem(
                "period",
                format!(
                    "{} for {} is given twice (lines {first} and {line})",
                    indicator.name, period.label
                ),
            );
            continue;
        }
        values.push(LocalValue {
            indicator_id: id.to_string(),
            period,
            measure,
            note: note_col.map(get).unwrap_or("").chars().take(500).collect(),
            line,
        });
    }
    Ok(LocalReading {
        values,
        blank,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> IndicatorCatalogue {
        serde_json::from_str(include_str!("../../framework/indicators.json")).unwrap()
    }

    #[test]
    fn the_template_lists_every_local_indicator_and_reads_back_blank() {
        let c = catalogue();
        let t = template(&c);
        assert!(t.starts_with("indicator_id,indicator_name,period,value,note\r\n"));
        assert_eq!(t.lines().count(), 1 + c.local().count());
        let read = read(&c, t.as_bytes(), 1 << 20).unwrap();
        assert!(read.values.is_empty() && read.problems.is_empty());
        assert_eq!(read.blank, c.local().count());
    }

    #[test]
    fn each_line_is_checked() {
        let c = catalogue();
        let csv = "indicator_id,indicator_name,period,value,note\n\
wait_slt_over_18_weeks,,2025,41,end of March\n\
wait_slt_median_weeks,,2024/25,22.5,\n\
tribunal_appeal_rate_pc,,2025,6.1,\n\
ap_placements_unregistered,,2025,x,not collected\n\
no_such_thing,,2025,1,\n\
complaints_send,,last year,3,\n\
tribunal_appeals,,2025,-2,\n\
tribunal_appeal_rate_pc,,2024,140,\n\
complaints_send,,2025,2.5,\n\
wait_slt_over_18_weeks,,2025,40,again\n";
        let r = read(&c, csv.as_bytes(), 1 << 20).unwrap();
        assert_eq!(r.values.len(), 4);
        let lines: Vec<usize> = r.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![6, 7, 8, 9, 10, 11]);
        assert!(r.problems[5].message.contains("given twice"));
        assert_eq!(r.values[3].measure, Measure::Symbol("x".into()));
        assert_eq!(r.values[1].period.label, "2024/25");
    }
}
