//! Collated survey results for inspectors: per survey, per question, with a
//! breakdown chosen from the grouping questions, the channel and help from an
//! adult; each criterion's survey items side by side across the three audiences;
//! and who answered, against the area's known SEND population. Every figure is
//! suppressed before it reaches a page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::super::chart::{bar_chart, Bar, BarChartView, ValueFormat};
use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::require;
use crate::app::{self, results::SurveyTallies};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::collation::{reading, QuestionResult, Reading, SurveyResults};
use crate::domain::indicator::{group_thousands, Observation};
use crate::domain::representativeness::{population_from_statistics, shares};
use crate::domain::suppression::Cell;
use crate::domain::survey_form::{Grouping, QuestionType};

/// The word shown in place of a suppressed figure, explained on every page.
pub const HIDDEN: &str = "hidden";

/// "I don't understand" answered by more than this share of people flags the question.
pub const DONT_UNDERSTAND_SIGNAL: f64 = 10.0;

pub fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Count(n) => group_thousands(n as f64),
        Cell::Suppressed => HIDDEN.to_string(),
    }
}

pub fn percent_text(p: Option<f64>) -> String {
    match p {
        Some(p) => format!("{p:.0}%"),
        None => String::new(),
    }
}

fn reading_label(r: Reading) -> &'static str {
    match r {
        Reading::Favourable => "Mostly favourable",
        Reading::Mixed => "Mixed",
        Reading::Unfavourable => "Mostly unfavourable",
        Reading::TooFew => "Too few answers to say",
    }
}

fn reading_class(r: Reading) -> &'static str {
    match r {
        Reading::Favourable => "tag--better",
        Reading::Unfavourable => "tag--worse",
        Reading::Mixed | Reading::TooFew => "tag--neutral",
    }
}

pub fn threshold(state: &AppState) -> u64 {
    u64::from(state.catalogue.framework.settings.suppression_threshold)
}

/// Every survey of the inspection with its tallies, read in one go.
async fn load(state: &AppState, id: i32) -> Result<Vec<SurveyTallies>, WebError> {
    let catalogue = state.catalogue.clone();
    Ok(db::read(&state.pool, move |c| {
        app::results::survey_tallies(c, &catalogue, id)
    })
    .await?)
}

fn collated<'a>(state: &AppState, s: &'a SurveyTallies) -> Result<SurveyResults<'a>, WebError> {
    s.collate(threshold(state)).map_err(WebError::unexpected)
}

// ---------------------------------------------------------------- all surveys

#[derive(Serialize)]
struct SurveyRow {
    id: i32,
    title: String,
    audience: &'static str,
    status: &'static str,
    responses: String,
}

#[derive(Serialize)]
struct CriterionItem {
    audience: &'static str,
    survey_id: i32,
    question_id: String,
    question: String,
    favourable: String,
    answered: String,
    reading: &'static str,
    reading_class: &'static str,
}

#[derive(Serialize)]
struct CriterionViews {
    id: String,
    label: String,
    items: Vec<CriterionItem>,
    audiences: usize,
}

#[derive(Serialize)]
struct ResultsView {
    inspection: InspectionRef,
    threshold: u64,
    surveys: Vec<SurveyRow>,
    criteria: Vec<CriterionViews>,
}

pub async fn results(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let inspection = inspection_ref(&state, id).await?;
    let surveys = load(&state, id).await?;
    let all: Vec<(&SurveyTallies, SurveyResults)> = surveys
        .iter()
        .map(|s| Ok((s, collated(&state, s)?)))
        .collect::<Result<_, WebError>>()?;
    let rows = all
        .iter()
        .map(|(s, r)| SurveyRow {
            id: s.survey.id,
            title: r.form.title.get("en").to_string(),
            audience: r.form.audience.label(),
            status: s.survey.status.label(),
            responses: cell_text(r.responses),
        })
        .collect();
    let mut criteria = vec![];
    for criterion in state
        .catalogue
        .framework
        .areas
        .iter()
        .flat_map(|a| a.criteria.iter())
    {
        let mut items = vec![];
        for (s, r) in &all {
            for q in r.questions.iter().filter(|q| {
                q.question.criteria.contains(&criterion.id) && r.form.is_directional(q.question)
            }) {
                let read = reading(q.favourable);
                items.push(CriterionItem {
                    audience: r.form.audience.label(),
                    survey_id: s.survey.id,
                    question_id: q.question.id.clone(),
                    question: q.question.text.get("en").to_string(),
                    favourable: percent_text(q.favourable),
                    answered: cell_text(q.answered),
                    reading: reading_label(read),
                    reading_class: reading_class(read),
                });
            }
        }
        if !items.is_empty() {
            let mut audiences: Vec<&str> = items.iter().map(|i| i.audience).collect();
            audiences.dedup();
            criteria.push(CriterionViews {
                id: criterion.id.clone(),
                label: format!("{} {}", criterion.id, criterion.short),
                audiences: audiences.len(),
                items,
            });
        }
    }
    let title = format!("Survey results: {}", inspection.council_name);
    let view = ResultsView {
        inspection,
        threshold: threshold(&state),
        surveys: rows,
        criteria,
    };
    Page::for_user(&me, title, view)?.render(&state, StatusCode::OK, "evidence/results")
}

// ---------------------------------------------------------------- one survey

#[derive(Deserialize)]
pub struct BreakdownQuery {
    by: Option<String>,
}

#[derive(Serialize)]
struct DimensionChoice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct OptionRow {
    text: String,
    count: String,
    percent: String,
    dont_understand: bool,
}

#[derive(Serialize)]
struct BreakdownRow {
    label: String,
    answered: String,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct BreakdownView {
    label: String,
    columns: Vec<String>,
    rows: Vec<BreakdownRow>,
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    number: usize,
    text: String,
    criteria: String,
    answered: String,
    free_text: bool,
    options: Vec<OptionRow>,
    dont_understand: String,
    dont_understand_high: bool,
    favourable: String,
    reading: &'static str,
    chart: Option<BarChartView>,
    breakdown: Option<BreakdownView>,
}

#[derive(Serialize)]
struct SurveyResultsView {
    inspection: InspectionRef,
    survey_id: i32,
    title: String,
    audience: &'static str,
    responses: String,
    threshold: u64,
    dimensions: Vec<DimensionChoice>,
    by_label: Option<String>,
    questions: Vec<QuestionView>,
}

fn question_view(
    q: &QuestionResult<'_>,
    number: usize,
    by: Option<&str>,
    threshold: u64,
) -> QuestionView {
    let is_choice = q.question.kind.is_choice();
    let options: Vec<OptionRow> = q
        .options
        .iter()
        .map(|o| OptionRow {
            text: o.text.to_string(),
            count: cell_text(o.count),
            percent: percent_text(o.percent),
            dont_understand: o.dont_understand,
        })
        .collect();
    let text = q.question.text.get("en").to_string();
    let chart = is_choice.then(|| {
        let bars: Vec<Bar> = q
            .options
            .iter()
            .map(|o| Bar {
                label: o.text.to_string(),
                value: o.percent,
                shown: match (o.count, o.percent) {
                    (Cell::Count(n), Some(p)) => format!("{p:.0}% ({})", group_thousands(n as f64)),
                    (Cell::Count(n), None) => group_thousands(n as f64),
                    (Cell::Suppressed, _) => format!("{HIDDEN} (too few to show)"),
                },
            })
            .collect();
        let description = format!(
            "{} answered{}. Figures under {threshold}, and any that would reveal them, are hidden.",
            cell_text(q.answered),
            match q.favourable {
                Some(f) => format!("; {f:.0}% of the opinions given were favourable"),
                None => String::new(),
            }
        );
        bar_chart(
            &format!("chart-{}", q.question.id),
            &text,
            &description,
            &bars,
            100.0,
            ValueFormat::Percent,
        )
    });
    let breakdown = by
        .and_then(|by| q.breakdowns.iter().find(|b| b.dimension == by))
        .map(|b| {
            let labels: Vec<String> = if is_choice {
                q.options.iter().map(|o| o.text.to_string()).collect()
            } else {
                vec![]
            };
            BreakdownView {
                label: b.label.clone(),
                columns: labels,
                rows: b
                    .groups
                    .iter()
                    .map(|g| BreakdownRow {
                        label: g.label.clone(),
                        answered: cell_text(g.answered),
                        cells: g
                            .options
                            .iter()
                            .map(|(c, p)| match (c, p) {
                                (Cell::Count(_), Some(p)) => format!("{} ({p:.0}%)", cell_text(*c)),
                                _ => cell_text(*c),
                            })
                            .collect(),
                    })
                    .collect(),
            }
        });
    QuestionView {
        id: q.question.id.clone(),
        number,
        text,
        criteria: q.question.criteria.join(", "),
        answered: cell_text(q.answered),
        free_text: q.question.kind == QuestionType::FreeText,
        options,
        dont_understand: percent_text(q.dont_understand_rate),
        dont_understand_high: q
            .dont_understand_rate
            .is_some_and(|r| r > DONT_UNDERSTAND_SIGNAL),
        favourable: percent_text(q.favourable),
        reading: if q.favourable.is_some() {
            reading_label(reading(q.favourable))
        } else {
            ""
        },
        chart,
        breakdown,
    }
}

pub async fn survey_results(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    query: web::Query<BreakdownQuery>,
) -> Result<HttpResponse, WebError> {
    let (id, survey_id) = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let inspection = inspection_ref(&state, id).await?;
    let surveys = load(&state, id).await?;
    let s = surveys
        .iter()
        .find(|s| s.survey.id == survey_id)
        .ok_or(WebError::NotFound)?;
    let r = collated(&state, s)?;
    let by = query.by.as_deref().filter(|b| !b.is_empty());
    if let Some(by) = by {
        if !r.dimensions.iter().any(|(d, _)| d == by) {
            return Err(WebError::BadRequest(
                "There is no such breakdown for this survey. Choose one from the list.".into(),
            ));
        }
    }
    let threshold = threshold(&state);
    let view = SurveyResultsView {
        inspection,
        survey_id,
        title: r.form.title.get("en").to_string(),
        audience: r.form.audience.label(),
        responses: cell_text(r.responses),
        threshold,
        dimensions: r
            .dimensions
            .iter()
            .map(|(d, label)| DimensionChoice {
                value: d.clone(),
                label: label.clone(),
                selected: Some(d.as_str()) == by,
            })
            .collect(),
        by_label: by
            .and_then(|b| r.dimensions.iter().find(|(d, _)| d == b))
            .map(|(_, l)| l.clone()),
        questions: r
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| question_view(q, i + 1, by, threshold))
            .collect(),
    };
    let title = format!("{}: results", view.title);
    Page::for_user(&me, title, view)?.render(&state, StatusCode::OK, "evidence/survey_results")
}

// ---------------------------------------------------------------- who answered

#[derive(Serialize)]
struct ShareRow {
    /// The input's id, which an error summary links to.
    field: String,
    option_id: String,
    label: String,
    responses: String,
    response_share: String,
    population: String,
    population_source: String,
    population_share: String,
    under_represented: bool,
    entered: String,
}

#[derive(Serialize)]
struct GroupingView {
    form_id: String,
    question_id: String,
    anchor: String,
    audience: &'static str,
    question: String,
    rows: Vec<ShareRow>,
    flagged: usize,
}

#[derive(Serialize)]
struct RepresentativenessView {
    inspection: InspectionRef,
    threshold: u64,
    groupings: Vec<GroupingView>,
}

/// Grouping questions compared with the population: age, need, plan or support.
fn compared(grouping: Option<Grouping>) -> bool {
    matches!(
        grouping,
        Some(Grouping::AgeBand | Grouping::TypeOfNeed | Grouping::SupportLevel)
    )
}

pub async fn representativeness(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    representativeness_page(&state, &me, id, StatusCode::OK, vec![]).await
}

async fn representativeness_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let surveys = load(state, id).await?;
    let (values, entered) = db::read(&state.pool, move |c| {
        Ok::<_, db::DbError>((
            db::indicators::for_inspection(c, id)?,
            db::population::for_inspection(c, id)?,
        ))
    })
    .await?;
    let observations: Vec<Observation> = values.iter().map(|v| v.observation()).collect();
    let catalogue = &state.catalogue.indicators;
    let mut groupings = vec![];
    for s in &surveys {
        let r = collated(state, s)?;
        for q in r.questions.iter().filter(|q| compared(q.question.grouping)) {
            let Some(grouping) = q.question.grouping else {
                continue;
            };
            let entered_for = |option: &str| {
                entered
                    .iter()
                    .find(|e| {
                        e.form_id == r.form.id
                            && e.question_id == q.question.id
                            && e.option_id == option
                    })
                    .map(|e| e.count)
            };
            let known = |option: &str| -> Option<(u64, String)> {
                entered_for(option)
                    .map(|n| (n, "entered by an inspector".to_string()))
                    .or_else(|| {
                        population_from_statistics(catalogue, grouping, option, &observations).map(
                            |(n, period)| (n, format!("DfE statistics, {period} (EHC plans only)")),
                        )
                    })
            };
            let rows: Vec<ShareRow> = shares(q, |option| known(option).map(|(n, _)| n))
                .into_iter()
                .map(|g| ShareRow {
                    population: g
                        .population
                        .map(|n| group_thousands(n as f64))
                        .unwrap_or_default(),
                    population_source: known(&g.option_id).map(|(_, s)| s).unwrap_or_default(),
                    entered: entered_for(&g.option_id)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    field: format!("{}-{}-{}", r.form.id, q.question.id, g.option_id),
                    option_id: g.option_id,
                    label: g.label,
                    responses: cell_text(g.responses),
                    response_share: percent_text(g.response_share),
                    population_share: percent_text(g.population_share),
                    under_represented: g.under_represented,
                })
                .collect();
            groupings.push(GroupingView {
                anchor: format!("{}-{}", r.form.id, q.question.id),
                form_id: r.form.id.clone(),
                question_id: q.question.id.clone(),
                audience: r.form.audience.label(),
                question: q.question.text.get("en").to_string(),
                flagged: rows.iter().filter(|r| r.under_represented).count(),
                rows,
            });
        }
    }
    let title = format!("Who answered: {}", inspection.council_name);
    let view = RepresentativenessView {
        inspection,
        threshold: threshold(state),
        groupings,
    };
    Page::for_user(me, title, view)?.with_errors(errors).render(
        state,
        status,
        "evidence/representativeness",
    )
}

/// Enter the known population of one grouping question's answers (blank clears).
pub async fn set_population(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordEvidence).await?;
    let form_id = form.text("form_id").to_string();
    let question_id = form.text("question_id").to_string();
    // Only a grouping question of a form this inspection has a survey of.
    let surveys = load(&state, id).await?;
    let question = surveys
        .iter()
        .map(|s| &s.form.form)
        .filter(|f| f.id == form_id)
        .find_map(|f| f.question(&question_id).map(|q| (f, q)))
        .filter(|(_, q)| compared(q.grouping));
    let Some((survey_form, question)) = question else {
        return Err(WebError::BadRequest(
            "There is no such grouping question in this inspection's surveys.".into(),
        ));
    };
    let mut counts = vec![];
    let mut errors = vec![];
    for (option, _) in crate::domain::answering::offered_options(survey_form, question) {
        let field = format!("count-{}", option.id);
        let text = form.text(&field).trim().replace(',', "");
        if text.is_empty() {
            counts.push((option.id.clone(), None));
            continue;
        }
        match text.parse::<u64>() {
            Ok(n) if n <= 10_000_000 => counts.push((option.id.clone(), Some(n))),
            _ => errors.push(FieldError::new(
                &format!("{form_id}-{question_id}-{}", option.id),
                format!(
                    "Enter the number of children and young people for \"{}\" as a whole number, or leave it blank",
                    option.text.get("en")
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return representativeness_page(&state, &me, id, StatusCode::UNPROCESSABLE_ENTITY, errors)
            .await;
    }
    let actor = me.user.id;
    let (f, q) = (form_id.clone(), question_id.clone());
    db::run(&state.pool, move |c| {
        app::results::set_population(c, id, &f, &q, &counts, actor)
    })
    .await?;
    Ok(see_other(&format!(
        "/inspections/{id}/representativeness#{form_id}-{question_id}"
    )))
}
