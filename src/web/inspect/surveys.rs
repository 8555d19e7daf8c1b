//! The inspection's surveys for inspectors: links to share, how many started and
//! finished, and a count of answers to each question.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::page::Page;
use super::super::session::SignedIn;
use super::super::AppState;
use super::require;
use crate::db;
use crate::domain::access::Permission;
use crate::domain::answering::offered_options;

#[derive(Serialize)]
struct OptionCount {
    label: String,
    count: i64,
}

#[derive(Serialize)]
struct QuestionCounts {
    id: String,
    text: String,
    criteria: String,
    options: Vec<OptionCount>,
}

#[derive(Serialize)]
struct SurveyView {
    title: String,
    audience: &'static str,
    open: bool,
    open_link: String,
    kiosk_link: String,
    started: i64,
    completed: i64,
    questions: Vec<QuestionCounts>,
}

#[derive(Serialize)]
struct InspectionHeading {
    id: i32,
    council_name: String,
    status: &'static str,
}

#[derive(Serialize)]
struct SurveysView {
    inspection: InspectionHeading,
    surveys: Vec<SurveyView>,
}

pub async fn surveys(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let (inspection, surveys) = db::run(&state.pool, move |c| {
        let inspection = db::inspections::find(c, id)?.ok_or(db::DbError::NotFound)?;
        let mut surveys = vec![];
        for survey in db::surveys::for_inspection(c, id)? {
            let (started, completed) = db::surveys::counts(c, survey.id)?;
            let counts = db::surveys::answer_counts(c, survey.id)?;
            surveys.push((survey, started, completed, counts));
        }
        Ok::<_, db::DbError>((inspection, surveys))
    })
    .await?;
    let base = &state.config.base_url;
    let mut views = vec![];
    for (survey, started, completed, counts) in &surveys {
        let compiled = state.catalogue.form(&survey.form).ok_or_else(|| {
            WebError::unexpected(anyhow::anyhow!("{} is not loaded", survey.form))
        })?;
        let form = &compiled.form;
        let count_of = |q: &str, o: Option<&str>| {
            counts
                .iter()
                .filter(|(cq, co, _)| cq == q && co.as_deref() == o)
                .map(|(_, _, n)| *n)
                .sum::<i64>()
        };
        let questions = form
            .questions()
            .map(|(_, q)| {
                let mut options: Vec<OptionCount> = offered_options(form, q)
                    .iter()
                    .map(|(o, _)| OptionCount {
                        label: o.text.get("en").to_string(),
                        count: count_of(&q.id, Some(&o.id)),
                    })
                    .collect();
                if !q.kind.is_choice() {
                    options.push(OptionCount {
                        label: "Answered".into(),
                        count: count_of(&q.id, None),
                    });
                }
                QuestionCounts {
                    id: q.id.clone(),
                    text: q.text.get("en").to_string(),
                    criteria: q.criteria.join(", "),
                    options,
                }
            })
            .collect();
        views.push(SurveyView {
            title: form.title.get("en").to_string(),
            audience: form.audience.label(),
            open: survey.is_open_at(db::now()),
            open_link: format!("{base}/s/{}", survey.open_link_token),
            kiosk_link: format!("{base}/s/{}", survey.kiosk_token),
            started: *started,
            completed: *completed,
            questions,
        });
    }
    let view = SurveysView {
        inspection: InspectionHeading {
            id,
            council_name: inspection.partnership.council_name.clone(),
            status: inspection.status.label(),
        },
        surveys: views,
    };
    Page::for_user(
        &me,
        format!("Surveys: {}", inspection.partnership.council_name),
        view,
    )?
    .render(&state, StatusCode::OK, "inspections/surveys")
}
