//! The report model: one pure description of an area SEND inspection report, in
//! the published order, that the HTML, PDF and DOCX renderers all draw from and
//! that each saved draft version keeps as JSON.
//!
//! Every paragraph, list item and table row carries a stable `id` (review comments
//! attach to it) and a `number` (its position in this version, counted through the
//! whole report). Ids come from what the text was made from: a finding's id, a
//! narrative paragraph's stored id, a fixed slot such as `outcome`. So the same
//! paragraph keeps its id from one version to the next even when others move.

use serde::{Deserialize, Serialize};

use super::matrix::EvidenceRef;

/// The language every report is written in (a tag for HTML, PDF and DOCX).
pub const LANGUAGE: &str = "en-GB";

/// A whole report, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// "Area SEND inspection of ...", from the framework file's title pattern.
    pub title: String,
    pub language: String,
    pub partnership: String,
    /// "2 to 6 June 2025".
    pub inspection_dates: String,
    /// "Dates of previous inspection: ..." or `None` for a first inspection.
    pub previous_inspection: Option<String>,
    /// The line at the foot of every printed page.
    pub footer: String,
    /// 1, 2 or 3, and what it says.
    pub outcome: ReportOutcome,
    /// The sections in the published order; a section with nothing in it is left out.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportOutcome {
    pub id: u8,
    pub label: String,
}

/// Which part of the published report a section is (stable, for renderers and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Outcome,
    PartnershipInformation,
    Experience,
    Effective,
    Better,
    PriorityActions,
    Improvements,
    Details,
    AboutInspection,
    /// A monitoring inspection's judgements of progress against the areas for
    /// priority action it carried over.
    Progress,
}

impl SectionKind {
    /// The published order.
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Outcome,
        SectionKind::PartnershipInformation,
        SectionKind::Experience,
        SectionKind::Effective,
        SectionKind::Better,
        SectionKind::PriorityActions,
        SectionKind::Improvements,
        SectionKind::Details,
        SectionKind::AboutInspection,
        SectionKind::Progress,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Outcome => "outcome",
            SectionKind::PartnershipInformation => "partnership_information",
            SectionKind::Experience => "experience",
            SectionKind::Effective => "effective",
            SectionKind::Better => "better",
            SectionKind::PriorityActions => "priority_actions",
            SectionKind::Improvements => "improvements",
            SectionKind::Details => "details",
            SectionKind::AboutInspection => "about_inspection",
            SectionKind::Progress => "progress",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One section: a level-2 heading and its blocks in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The printed heading, from the framework file.
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A numbered paragraph.
    Paragraph(Paragraph),
    /// A bulleted list; each item is a numbered paragraph.
    Bullets { items: Vec<Paragraph> },
    /// A level-3 heading inside a section (the inspection team, for example).
    Subheading { text: String },
    /// A table with a header row; each row is numbered and has a stable id.
    Table(Table),
    /// A bar chart of one survey question, with suppressed figures already hidden.
    Chart(Chart),
}

/// A paragraph of text with the evidence it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: String,
    pub number: u32,
    pub text: String,
    /// What the paragraph cites, for inspectors' copies; published formats leave
    /// these out.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// A piece of evidence a paragraph cites, with a label a reader can follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub reference: EvidenceRef,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Says what the table holds, for screen readers (a caption).
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub id: String,
    pub number: u32,
    pub cells: Vec<String>,
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// A bar chart: one bar per answer, as a share of those who answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub id: String,
    pub number: u32,
    pub title: String,
    /// The alternative text: what the chart shows, in words, with every figure.
    pub description: String,
    pub bars: Vec<ChartBar>,
    /// "Based on N answers", or that the total is not shown.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartBar {
    pub label: String,
    /// The share in percent, or `None` where the figure is suppressed.
    pub percent: Option<f64>,
    /// The figure as printed: "45%" or the suppressed marker's words.
    pub display: String,
}

impl Report {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Every numbered unit in reading order: (id, number, section, text). Tables give
    /// their cells joined; charts their description. The diff and the review
    /// comments work on this list.
    pub fn units(&self) -> Vec<Unit<'_>> {
        let mut out = vec![];
        for section in &self.sections {
            for block in &section.blocks {
                match block {
                    Block::Paragraph(p) => out.push(Unit::paragraph(section, p)),
                    Block::Bullets { items } => {
                        out.extend(items.iter().map(|p| Unit::paragraph(section, p)))
                    }
                    Block::Subheading { .. } => {}
                    Block::Table(t) => out.extend(t.rows.iter().map(|r| Unit {
                        id: &r.id,
                        number: r.number,
                        section: section.kind,
                        heading: &section.heading,
                        text: r.cells.join(" | "),
                    })),
                    Block::Chart(c) => out.push(Unit {
                        id: &c.id,
                        number: c.number,
                        section: section.kind,
                        heading: &section.heading,
                        text: format!("{}: {}", c.title, c.description),
                    }),
                }
            }
        }
        out
    }
}

/// One numbered unit of a report, for diffs and comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit<'a> {
    pub id: &'a str,
    pub number: u32,
    pub section: SectionKind,
    pub heading: &'a str,
    pub text: String,
}

impl<'a> Unit<'a> {
    fn paragraph(section: &'a Section, p: &'a Paragraph) -> Self {
        Unit {
            id: &p.id,
            number: p.number,
            section: section.kind,
            heading: &section.heading,
            text: p.text.clone(),
        }
    }
}

/// The easy-read summary for children, young people and families: points the
/// inspector wrote, each with a symbol beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EasyReadSummary {
    pub title: String,
    pub language: String,
    pub partnership: String,
    pub inspection_dates: String,
    pub footer: String,
    pub points: Vec<EasyReadPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EasyReadPoint {
    pub id: String,
    pub text: String,
    /// The symbol's file name in `templates/static/symbols/`, without `.svg`.
    pub symbol: String,
    /// What the symbol shows, as its alternative text.
    pub symbol_label: String,
}

// ---------------------------------------------------------------------------
// Building the report from what inspectors recorded.

use std::collections::BTreeMap;

use super::collation::QuestionResult;
use super::findings::{Bodies, Finding, FindingKind};
use super::framework::{MonitoringWording, Outcome, ProgressJudgement, ReportWording};
use super::narrative::{self, NarrativeParagraph, Parsed};

/// The contact details of one body, for the partnership details table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyDetails {
    pub leader: String,
    pub website: String,
    pub address: String,
}

/// One member of the inspection team as printed: a name and a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamLine {
    pub name: String,
    pub role: String,
}

/// What the report prints about the partnership and the team, entered by inspectors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Particulars {
    /// The partnership's name as printed in the title ("Northby Local Area Partnership").
    pub partnership_name: String,
    pub council: BodyDetails,
    /// Keyed by the ICB's stored id.
    pub icbs: BTreeMap<i32, BodyDetails>,
    pub team: Vec<TeamLine>,
}

/// A chart's figures, already suppressed, ready to place in a section.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSource {
    pub title: String,
    pub bars: Vec<ChartBar>,
    pub note: String,
}

/// Words shown in place of a suppressed figure.
pub const SUPPRESSED_WORDS: &str = "not shown (too few answers)";

/// A chart of one survey question from its collated (suppressed) figures: one bar
/// per answer as a share of those who answered. A suppressed count gives no bar and
/// no figure, and the total is only printed when it is itself shown.
pub fn chart_of(audience: &str, question: &QuestionResult<'_>) -> ChartSource {
    let bars = question
        .options
        .iter()
        .map(|o| match (o.count.count(), o.percent) {
            (Some(_), Some(p)) => ChartBar {
                label: o.text.to_string(),
                percent: Some((p * 10.0).round() / 10.0),
                display: format!("{p:.0}%"),
            },
            _ => ChartBar {
                label: o.text.to_string(),
                percent: None,
                display: SUPPRESSED_WORDS.to_string(),
            },
        })
        .collect();
    let note = match question.answered.count() {
        Some(0) => "No one has answered this question yet.".to_string(),
        Some(n) => format!("Based on {n} answers. Shares are of those who answered."),
        None => "Too few answers to show the total.".to_string(),
    };
    ChartSource {
        title: format!("{audience}: {}", question.question.text.get("en")),
        bars,
        note,
    }
}

/// Everything the report is built from.
pub struct ReportInput<'a> {
    pub wording: &'a ReportWording,
    pub outcome: &'a Outcome,
    pub bodies: &'a Bodies,
    pub particulars: &'a Particulars,
    pub inspection_dates: String,
    pub previous_inspection_dates: Option<String>,
    /// The written sections' paragraphs.
    pub narratives: &'a BTreeMap<SectionKind, Vec<NarrativeParagraph>>,
    /// In the order inspectors set.
    pub findings: &'a [Finding],
    /// Charts the narratives may place, by survey item.
    pub charts: &'a BTreeMap<EvidenceRef, ChartSource>,
    /// Labels of the evidence that paragraphs cite.
    pub citation_labels: &'a BTreeMap<EvidenceRef, String>,
}

struct Numbering(u32);

impl Numbering {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

fn citations_of(refs: &[EvidenceRef], labels: &BTreeMap<EvidenceRef, String>) -> Vec<Citation> {
    refs.iter()
        .map(|r| Citation {
            reference: r.clone(),
            label: labels
                .get(r)
                .cloned()
                .unwrap_or_else(|| super::findings::evidence_key(r)),
        })
        .collect()
}

/// The full report, in the published order. Sections with nothing in them are left
/// out, as published reports leave out areas for priority action unless the outcome
/// is 3.
pub fn build(input: &ReportInput<'_>) -> Report {
    let w = input.wording;
    let h = &w.headings;
    let mut n = Numbering(0);
    let partnership = partnership_name(input.particulars, input.bodies);
    let title = w.title.replace("{partnership}", &partnership);
    let para = |n: &mut Numbering, id: &str, text: &str| {
        Block::Paragraph(Paragraph {
            id: id.to_string(),
            number: n.next(),
            text: text.to_string(),
            citations: vec![],
        })
    };
    let mut sections = vec![];

    // Inspection outcome: the statement and its next steps, from the framework file.
    let mut blocks = vec![para(&mut n, "outcome", &input.outcome.statement)];
    for (i, step) in input.outcome.consequences.next_steps.iter().enumerate() {
        blocks.push(para(&mut n, &format!("next-step-{}", i + 1), step));
    }
    sections.push(Section {
        kind: SectionKind::Outcome,
        heading: h.outcome.clone(),
        blocks,
    });

    // The written sections.
    for (kind, heading, bulleted) in [
        (
            SectionKind::PartnershipInformation,
            &h.partnership_information,
            false,
        ),
        (SectionKind::Experience, &h.experience, false),
        (SectionKind::Effective, &h.effective, true),
        (SectionKind::Better, &h.better, true),
    ] {
        let paragraphs = input
            .narratives
            .get(&kind)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let blocks = written_blocks(
            input.charts,
            input.citation_labels,
            paragraphs,
            bulleted,
            &mut n,
        );
        if !blocks.is_empty() {
            sections.push(Section {
                kind,
                heading: heading.clone(),
                blocks,
            });
        }
    }

    // Areas for priority action: outcome 3 only, a table with the responsible body.
    let priority: Vec<&Finding> = input
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::AreaForPriorityAction)
        .collect();
    if input.outcome.id == 3 && !priority.is_empty() {
        let rows = priority
            .iter()
            .map(|f| TableRow {
                id: format!("f-{}", f.id),
                number: n.next(),
                cells: vec![
                    f.responsible
                        .as_ref()
                        .map(|r| r.label(input.bodies))
                        .unwrap_or_default(),
                    f.text.clone(),
                ],
                citations: citations_of(&f.evidence, input.citation_labels),
            })
            .collect();
        sections.push(Section {
            kind: SectionKind::PriorityActions,
            heading: h.priority_actions.clone(),
            blocks: vec![Block::Table(Table {
                caption: format!("{}, with the body responsible for each", h.priority_actions),
                header: w.priority_action_columns.to_vec(),
                rows,
            })],
        });
    }

    // Areas for improvement: every outcome, each addressed to named leaders and
    // naming the partner who takes it forward.
    let improvements: Vec<&Finding> = input
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::AreaForImprovement)
        .collect();
    if !improvements.is_empty() {
        let rows = improvements
            .iter()
            .map(|f| {
                let mut cell = f.text.clone();
                let mut who = vec![];
                if let Some(l) = f.addressed_to {
                    who.push(format!("Addressed to: {}", l.label().to_lowercase()));
                }
                if let Some(r) = &f.responsible {
                    who.push(format!("To be taken forward by: {}", r.label(input.bodies)));
                }
                if !who.is_empty() {
                    cell.push_str(&format!("\n{}.", who.join(". ")));
                }
                TableRow {
                    id: format!("f-{}", f.id),
                    number: n.next(),
                    cells: vec![cell],
                    citations: citations_of(&f.evidence, input.citation_labels),
                }
            })
            .collect();
        sections.push(Section {
            kind: SectionKind::Improvements,
            heading: h.improvements.clone(),
            blocks: vec![Block::Table(Table {
                caption: format!(
                    "{}, with the leaders each is addressed to and who takes it forward",
                    h.improvements
                ),
                header: w.improvement_columns.to_vec(),
                rows,
            })],
        });
    }

    sections.push(details_section(
        w,
        &h.details,
        input.bodies,
        input.particulars,
        &mut n,
    ));
    sections.push(about_section(
        &h.about_inspection,
        &w.statutory_basis,
        &w.inspection_team_heading,
        input.particulars,
        &mut n,
    ));

    let previous_inspection = match &input.previous_inspection_dates {
        Some(d) => Some(w.previous_inspection.replace("{dates}", d)),
        None => Some(w.first_inspection.clone()),
    };
    Report {
        footer: format!("{title}: {}", input.inspection_dates),
        title,
        language: LANGUAGE.to_string(),
        partnership,
        inspection_dates: input.inspection_dates.clone(),
        previous_inspection,
        outcome: ReportOutcome {
            id: input.outcome.id,
            label: input.outcome.label.clone(),
        },
        sections,
    }
}

/// Local area partnership details: the council beside each ICB.
fn details_section(
    w: &ReportWording,
    heading: &str,
    bodies: &Bodies,
    p: &Particulars,
    n: &mut Numbering,
) -> Section {
    let mut header = vec![w.details_columns[0].clone()];
    let single = bodies.icbs.len() == 1;
    for (_, name) in &bodies.icbs {
        header.push(if single {
            w.details_columns[1].clone()
        } else {
            format!("{}: {name}", w.details_columns[1])
        });
    }
    let icb = |id: i32| p.icbs.get(&id).cloned().unwrap_or_default();
    let row = |n: &mut Numbering, id: &str, council: String, each: &dyn Fn(i32, &str) -> String| {
        let mut cells = vec![council];
        cells.extend(bodies.icbs.iter().map(|(i, name)| each(*i, name)));
        TableRow {
            id: id.to_string(),
            number: n.next(),
            cells,
            citations: vec![],
        }
    };
    let rows = vec![
        row(n, "details-names", bodies.council.clone(), &|_, name| {
            name.to_string()
        }),
        row(n, "details-leaders", p.council.leader.clone(), &|i, _| {
            icb(i).leader
        }),
        row(n, "details-websites", p.council.website.clone(), &|i, _| {
            icb(i).website
        }),
        row(
            n,
            "details-addresses",
            p.council.address.clone(),
            &|i, _| icb(i).address,
        ),
    ];
    Section {
        kind: SectionKind::Details,
        heading: heading.to_string(),
        blocks: vec![Block::Table(Table {
            caption: "The bodies that make up the local area partnership".to_string(),
            header,
            rows,
        })],
    }
}

/// Information about this inspection: the statutory basis, the team listed last.
fn about_section(
    heading: &str,
    statutory_basis: &str,
    team_heading: &str,
    p: &Particulars,
    n: &mut Numbering,
) -> Section {
    let mut blocks = vec![Block::Paragraph(Paragraph {
        id: "about-basis".to_string(),
        number: n.next(),
        text: statutory_basis.to_string(),
        citations: vec![],
    })];
    if !p.team.is_empty() {
        blocks.push(Block::Subheading {
            text: team_heading.to_string(),
        });
        // Ids from the names, so removing one member does not shift the others'.
        let mut seen: Vec<String> = vec![];
        let items = p
            .team
            .iter()
            .map(|t| {
                let base = format!("team-{}", slug(&t.name));
                let mut id = base.clone();
                let mut k = 2;
                while seen.contains(&id) {
                    id = format!("{base}-{k}");
                    k += 1;
                }
                seen.push(id.clone());
                Paragraph {
                    id,
                    number: n.next(),
                    text: format!("{}, {}", t.name, t.role),
                    citations: vec![],
                }
            })
            .collect();
        blocks.push(Block::Bullets { items });
    }
    Section {
        kind: SectionKind::AboutInspection,
        heading: heading.to_string(),
        blocks,
    }
}

/// Everything a monitoring inspection's report is built from.
pub struct MonitoringReportInput<'a> {
    pub report: &'a ReportWording,
    pub wording: &'a MonitoringWording,
    pub bodies: &'a Bodies,
    pub particulars: &'a Particulars,
    pub inspection_dates: String,
    /// The on-site dates of the full inspection whose priority actions are monitored.
    pub full_inspection_dates: Option<String>,
    /// The partnership information paragraphs, as written.
    pub partnership_information: &'a [NarrativeParagraph],
    /// In the order of the full inspection's report, each with its progress judged.
    pub actions: &'a [JudgedAction],
}

/// One area for priority action carried over, with the progress inspectors judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedAction {
    /// The row id in the full inspection's final report ("f-12"), kept so that the
    /// monitoring report's row is traceable to the action it judges.
    pub from_row: String,
    pub responsible: String,
    pub action: String,
    pub judgement: ProgressJudgement,
    pub finding: String,
}

/// A monitoring inspection's report: the summary of progress and its next steps,
/// the partnership, a table judging each area for priority action, the details
/// and the team. Same model as a full report, so the same renderers, review and
/// final lock apply.
pub fn build_monitoring(input: &MonitoringReportInput<'_>) -> Report {
    let w = input.wording;
    let h = &w.headings;
    let mut n = Numbering(0);
    let partnership = partnership_name(input.particulars, input.bodies);
    let title = w.title.replace("{partnership}", &partnership);
    let para = |n: &mut Numbering, id: &str, text: String| {
        Block::Paragraph(Paragraph {
            id: id.to_string(),
            number: n.next(),
            text,
            citations: vec![],
        })
    };
    let total = input.actions.len();
    let mut blocks = vec![];
    for j in &w.progress_judgements {
        let count = input
            .actions
            .iter()
            .filter(|a| a.judgement.id == j.id)
            .count();
        if count > 0 {
            let text = w
                .summary
                .replace("{progress}", &j.phrase)
                .replace("{count}", &count.to_string())
                .replace("{total}", &total.to_string());
            blocks.push(para(&mut n, &format!("summary-{}", j.id), text));
        }
    }
    for (i, step) in w.next_steps.iter().enumerate() {
        blocks.push(para(&mut n, &format!("next-step-{}", i + 1), step.clone()));
    }
    let mut sections = vec![Section {
        kind: SectionKind::Outcome,
        heading: h.summary.clone(),
        blocks,
    }];
    let information = written_blocks(
        &BTreeMap::new(),
        &BTreeMap::new(),
        input.partnership_information,
        false,
        &mut n,
    );
    if !information.is_empty() {
        sections.push(Section {
            kind: SectionKind::PartnershipInformation,
            heading: h.partnership_information.clone(),
            blocks: information,
        });
    }
    if !input.actions.is_empty() {
        let rows = input
            .actions
            .iter()
            .map(|a| {
                let mut progress = a.judgement.label.clone();
                if !a.finding.trim().is_empty() {
                    progress.push('\n');
                    progress.push_str(a.finding.trim());
                }
                TableRow {
                    id: format!("progress-{}", a.from_row),
                    number: n.next(),
                    cells: vec![a.responsible.clone(), a.action.clone(), progress],
                    citations: vec![],
                }
            })
            .collect();
        sections.push(Section {
            kind: SectionKind::Progress,
            heading: h.progress.clone(),
            blocks: vec![Block::Table(Table {
                caption: format!(
                    "{}: the body responsible, the action and the progress judged",
                    h.progress
                ),
                header: w.progress_columns.to_vec(),
                rows,
            })],
        });
    }
    sections.push(details_section(
        input.report,
        &h.details,
        input.bodies,
        input.particulars,
        &mut n,
    ));
    sections.push(about_section(
        &h.about_inspection,
        &w.statutory_basis,
        &input.report.inspection_team_heading,
        input.particulars,
        &mut n,
    ));
    Report {
        footer: format!("{title}: {}", input.inspection_dates),
        title,
        language: LANGUAGE.to_string(),
        partnership,
        inspection_dates: input.inspection_dates.clone(),
        previous_inspection: input
            .full_inspection_dates
            .as_ref()
            .map(|d| w.full_inspection.replace("{dates}", d)),
        outcome: ReportOutcome {
            id: 3,
            label: w.outcome_label.clone(),
        },
        sections,
    }
}

fn partnership_name(particulars: &Particulars, bodies: &Bodies) -> String {
    if particulars.partnership_name.trim().is_empty() {
        format!("{} Local Area Partnership", bodies.council)
    } else {
        particulars.partnership_name.trim().to_string()
    }
}

/// A written section's paragraphs as blocks: text paragraphs (or bullets), with
/// charts placed where inspectors put them.
fn written_blocks(
    charts: &BTreeMap<EvidenceRef, ChartSource>,
    citation_labels: &BTreeMap<EvidenceRef, String>,
    paragraphs: &[NarrativeParagraph],
    bulleted: bool,
    n: &mut Numbering,
) -> Vec<Block> {
    let mut blocks = vec![];
    let mut bullets: Vec<Paragraph> = vec![];
    for (i, p) in paragraphs.iter().enumerate() {
        match narrative::parse(i + 1, &p.text) {
            Ok(Parsed::Chart(reference)) => {
                if !bullets.is_empty() {
                    blocks.push(Block::Bullets {
                        items: std::mem::take(&mut bullets),
                    });
                }
                if let Some(c) = charts.get(&reference) {
                    blocks.push(Block::Chart(Chart {
                        id: p.id.clone(),
                        number: n.next(),
                        description: chart_description(c),
                        title: c.title.clone(),
                        bars: c.bars.clone(),
                        note: c.note.clone(),
                    }));
                }
            }
            parsed => {
                // Text was checked when saved; should a marker no longer parse, print
                // the paragraph as written rather than lose it.
                let (text, refs) = match parsed {
                    Ok(Parsed::Text { text, citations }) => (text, citations),
                    _ => (p.text.clone(), vec![]),
                };
                let paragraph = Paragraph {
                    id: p.id.clone(),
                    number: n.next(),
                    text,
                    citations: citations_of(&refs, citation_labels),
                };
                if bulleted {
                    bullets.push(paragraph);
                } else {
                    blocks.push(Block::Paragraph(paragraph));
                }
            }
        }
    }
    if !bullets.is_empty() {
        blocks.push(Block::Bullets { items: bullets });
    }
    blocks
}

/// Lower-case letters and digits joined by hyphens: "Robin Ashdown (demo)" gives
/// "robin-ashdown-demo".
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "member".into()
    } else {
        words.join("-")
    }
}

/// A chart's alternative text: every figure, in words.
pub fn chart_description(c: &ChartSource) -> String {
    let bars: Vec<String> = c
        .bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.display))
        .collect();
    format!("Bar chart. {} {}", bars.join("; "), c.note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::findings::{Leaders, Responsible};
    use crate::domain::framework::Framework;

    fn framework() -> Framework {
        serde_json::from_str(include_str!("../../framework/framework.json"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn bodies() -> Bodies {
        Bodies {
            council: "Northby Council".into(),
            icbs: vec![(7, "Northby and Southby ICB".into())],
        }
    }

    fn finding(id: i32, kind: FindingKind, text: &str) -> Finding {
        let (responsible, addressed_to) = match kind {
            FindingKind::Strength => (None, None),
            FindingKind::AreaForImprovement => {
                (Some(Responsible::Council), Some(Leaders::Partnership))
            }
            FindingKind::AreaForPriorityAction => (Some(Responsible::CouncilAndIcb), None),
        };
        Finding {
            id,
            criterion_id: "A1".into(),
            kind,
            text: text.into(),
            evidence: vec![],
            responsible,
            addressed_to,
            in_hand: false,
            group: None,
            position: id,
        }
    }

    fn paragraphs(texts: &[(&str, &str)]) -> Vec<NarrativeParagraph> {
        texts
            .iter()
            .map(|(id, text)| NarrativeParagraph {
                id: id.to_string(),
                text: text.to_string(),
            })
            .collect()
    }

    fn report(outcome: u8, findings: &[Finding]) -> Report {
        let f = framework();
        let particulars = Particulars {
            partnership_name: "Northby Local Area Partnership".into(),
            team: vec![TeamLine {
                name: "A Person".into(),
                role: "Ofsted lead inspector".into(),
            }],
            ..Default::default()
        };
        let mut narratives = BTreeMap::new();
        narratives.insert(
            SectionKind::Experience,
            paragraphs(&[
                ("experience-1", "Children wait too long [[indicator:x]]."),
                ("experience-2", "[[chart:1:q1]]"),
            ]),
        );
        narratives.insert(
            SectionKind::Effective,
            paragraphs(&[("effective-1", "Needs are spotted early.")]),
        );
        let mut charts = BTreeMap::new();
        charts.insert(
            EvidenceRef::SurveyItem {
                survey_id: 1,
                question_id: "q1".into(),
            },
            ChartSource {
                title: "Parents: help at the right time".into(),
                bars: vec![
                    ChartBar {
                        label: "Agree".into(),
                        percent: Some(40.0),
                        display: "40%".into(),
                    },
                    ChartBar {
                        label: "Don't know".into(),
                        percent: None,
                        display: SUPPRESSED_WORDS.into(),
                    },
                ],
                note: "Based on 30 answers.".into(),
            },
        );
        let labels = BTreeMap::new();
        let outcome = f
            .outcome(outcome)
            .cloned()
            .unwrap_or_else(|| panic!("no outcome"));
        build(&ReportInput {
            wording: &f.report,
            outcome: &outcome,
            bodies: &bodies(),
            particulars: &particulars,
            inspection_dates: "2 to 6 June 2025".into(),
            previous_inspection_dates: None,
            narratives: &narratives,
            findings,
            charts: &charts,
            citation_labels: &labels,
        })
    }

    fn kinds(r: &Report) -> Vec<SectionKind> {
        r.sections.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn outcome_3_has_the_priority_action_table_with_its_responsible_body() {
        let findings = vec![
            finding(
                1,
                FindingKind::AreaForPriorityAction,
                "Leaders should fix assessments.",
            ),
            finding(
                2,
                FindingKind::AreaForImprovement,
                "Leaders should improve reviews.",
            ),
        ];
        let r = report(3, &findings);
        assert_eq!(
            kinds(&r),
            vec![
                SectionKind::Outcome,
                SectionKind::Experience,
                SectionKind::Effective,
                SectionKind::PriorityActions,
                SectionKind::Improvements,
                SectionKind::Details,
                SectionKind::AboutInspection,
            ]
        );
        let Some(Block::Table(t)) = r
            .section(SectionKind::PriorityActions)
            .and_then(|s| s.blocks.first())
        else {
            panic!("no priority action table");
        };
        assert_eq!(
            t.header,
            vec!["Responsible body", "Areas for priority action"]
        );
        assert_eq!(
            t.rows.first().map(|r| r.cells.clone()),
            Some(vec![
                "Northby Council and Northby and Southby ICB".to_string(),
                "Leaders should fix assessments.".to_string()
            ])
        );
        // Next steps from the framework file, after the outcome statement.
        let outcome = r.section(SectionKind::Outcome).map(|s| s.blocks.len());
        assert_eq!(outcome, Some(4));
        assert!(r
            .units()
            .iter()
            .any(|u| u.text.contains("monitoring inspection")));
        assert_eq!(
            r.title,
            "Area SEND inspection of Northby Local Area Partnership"
        );
    }

    #[test]
    fn outcomes_1_and_2_leave_out_the_priority_action_table() {
        for outcome in [1, 2] {
            let findings = vec![finding(2, FindingKind::AreaForImprovement, "Improve.")];
            let r = report(outcome, &findings);
            assert!(r.section(SectionKind::PriorityActions).is_none());
            assert!(r.section(SectionKind::Improvements).is_some());
            let steps = &framework()
                .outcome(outcome)
                .map(|o| o.consequences.next_steps.clone())
                .unwrap_or_default();
            for step in steps {
                assert!(r.units().iter().any(|u| &u.text == step), "{step}");
            }
        }
    }

    #[test]
    fn improvements_name_their_leaders_and_partner() {
        let r = report(
            2,
            &[finding(
                5,
                FindingKind::AreaForImprovement,
                "Improve reviews.",
            )],
        );
        let Some(Block::Table(t)) = r
            .section(SectionKind::Improvements)
            .and_then(|s| s.blocks.first())
        else {
            panic!("no table");
        };
        assert_eq!(t.header, vec!["Areas for improvement"]);
        let cell = t
            .rows
            .first()
            .and_then(|r| r.cells.first())
            .cloned()
            .unwrap_or_default();
        assert!(
            cell.contains("Addressed to: leaders across the partnership"),
            "{cell}"
        );
        assert!(
            cell.contains("To be taken forward by: Northby Council"),
            "{cell}"
        );
        assert_eq!(t.rows.first().map(|r| r.id.as_str()), Some("f-5"));
    }

    #[test]
    fn paragraphs_are_numbered_through_the_report_with_stable_ids() {
        let r = report(1, &[]);
        let units = r.units();
        let numbers: Vec<u32> = units.iter().map(|u| u.number).collect();
        let expected: Vec<u32> = (1..=units.len() as u32).collect();
        assert_eq!(numbers, expected);
        let ids: Vec<&str> = units.iter().map(|u| u.id).collect();
        assert!(ids.contains(&"outcome"));
        assert!(ids.contains(&"experience-1"));
        assert!(ids.contains(&"details-leaders"));
        assert!(ids.contains(&"team-a-person"));
        // Citation markers leave the text; the citation is kept beside it.
        let first = units
            .iter()
            .find(|u| u.id == "experience-1")
            .map(|u| u.text.clone());
        assert_eq!(first.as_deref(), Some("Children wait too long."));
    }

    #[test]
    fn charts_carry_suppressed_bars_as_words_only() {
        let r = report(1, &[]);
        let chart = r
            .section(SectionKind::Experience)
            .and_then(|s| {
                s.blocks.iter().find_map(|b| match b {
                    Block::Chart(c) => Some(c.clone()),
                    _ => None,
                })
            })
            .unwrap_or_else(|| panic!("no chart"));
        let hidden = chart.bars.iter().find(|b| b.label == "Don't know").cloned();
        assert_eq!(hidden.as_ref().and_then(|b| b.percent), None);
        assert_eq!(
            hidden.map(|b| b.display),
            Some(SUPPRESSED_WORDS.to_string())
        );
        assert!(chart.description.contains("Don't know: not shown"));
    }

    #[test]
    fn the_published_order_is_kept_from_the_framework_file() {
        let f = framework();
        let h = &f.report.headings;
        let r = report(
            3,
            &[
                finding(1, FindingKind::AreaForPriorityAction, "P"),
                finding(2, FindingKind::AreaForImprovement, "I"),
            ],
        );
        let headings: Vec<&str> = r.sections.iter().map(|s| s.heading.as_str()).collect();
        let published = [
            &h.outcome,
            &h.experience,
            &h.effective,
            &h.priority_actions,
            &h.improvements,
            &h.details,
            &h.about_inspection,
        ];
        assert_eq!(
            headings,
            published.iter().map(|s| s.as_str()).collect::<Vec<_>>()
        );
        let last = r.sections.last().and_then(|s| s.blocks.last());
        assert!(
            matches!(last, Some(Block::Bullets { .. })),
            "the team is listed last"
        );
    }

    #[test]
    fn a_monitoring_report_judges_each_carried_action_in_the_monitoring_form() {
        let f = framework();
        let w = &f.monitoring_report;
        let judgement = |id: &str| {
            f.progress_judgement(id)
                .cloned()
                .unwrap_or_else(|| panic!("{id}"))
        };
        let actions = vec![
            JudgedAction {
                from_row: "f-3".into(),
                responsible: "Northby Council and Northby and Southby ICB".into(),
                action: "Issue plans on time.".into(),
                judgement: judgement("sufficient"),
                finding: "Nine in ten plans are now on time.".into(),
            },
            JudgedAction {
                from_row: "f-8".into(),
                responsible: "Northby and Southby ICB".into(),
                action: "Cut therapy waits.".into(),
                judgement: judgement("insufficient"),
                finding: "".into(),
            },
        ];
        let particulars = Particulars::default();
        let information = paragraphs(&[("p-1", "The council and the ICB share the work.")]);
        let r = build_monitoring(&MonitoringReportInput {
            report: &f.report,
            wording: w,
            bodies: &bodies(),
            particulars: &particulars,
            inspection_dates: "3 to 5 March 2027".into(),
            full_inspection_dates: Some("16 to 20 June 2025".into()),
            partnership_information: &information,
            actions: &actions,
        });
        let kinds: Vec<SectionKind> = r.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Outcome,
                SectionKind::PartnershipInformation,
                SectionKind::Progress,
                SectionKind::Details,
                SectionKind::AboutInspection
            ]
        );
        assert_eq!(r.sections[0].heading, w.headings.summary);
        assert_eq!(r.sections[2].heading, w.headings.progress);
        assert!(r
            .title
            .contains("monitoring inspection of Northby Council Local Area Partnership"));
        assert_eq!(
            r.previous_inspection.as_deref(),
            Some("Dates of the full inspection this monitoring inspection follows: 16 to 20 June 2025")
        );
        let units = r.units();
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert!(texts
            .iter()
            .any(|t| t.contains("sufficient progress in 1 of the 2")));
        assert!(texts
            .iter()
            .any(|t| t.contains("insufficient progress in 1 of the 2")));
        // Each progress row keeps the action's id from the full report.
        let Some(Block::Table(table)) = r.sections[2].blocks.first() else {
            panic!("the progress table")
        };
        assert_eq!(table.header.len(), 3);
        assert_eq!(table.rows[0].id, "progress-f-3");
        assert_eq!(
            table.rows[0].cells[2],
            "Sufficient progress\nNine in ten plans are now on time."
        );
        assert_eq!(table.rows[1].cells[2], "Insufficient progress");
        // Numbered straight through, as every report is.
        let numbers: Vec<u32> = units.iter().map(|u| u.number).collect();
        assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
        // No priority action table and no outcome statement of a full report.
        assert!(r.section(SectionKind::PriorityActions).is_none());
        assert_eq!(r.outcome.label, w.outcome_label);
    }
}
