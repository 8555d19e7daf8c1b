//! Inspectors' judging pages: findings per criterion (recorded, ordered, grouped,
//! each with the evidence it rests on), and the outcome: area-send's proposal with
//! its reasons and warnings, and the lead inspector's decision.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::super::error::WebError;
use super::super::form::CheckedForm;
use super::super::page::{see_other, FieldError, Page};
use super::super::session::SignedIn;
use super::super::AppState;
use super::evidence::{inspection_ref, InspectionRef};
use super::matrix::href;
use super::require;
use super::results::threshold;
use crate::app::{self, AppError};
use crate::db;
use crate::domain::access::Permission;
use crate::domain::findings::{
    evidence_key, Finding, FindingDraft, FindingForm, FindingKind, Leaders, Responsible,
};
use crate::domain::matrix::{EvidenceItem, SourceKind};
use crate::domain::outcome::{Decision, Warning};

#[derive(Serialize)]
pub struct EvidenceLink {
    pub title: String,
    pub detail: String,
    pub href: String,
    pub suppressed: bool,
}

#[derive(Serialize)]
struct FindingRow {
    id: i32,
    criterion: String,
    kind: &'static str,
    kind_value: &'static str,
    text: String,
    group: Option<String>,
    responsible: Option<String>,
    addressed_to: Option<&'static str>,
    in_hand: bool,
    evidence: Vec<EvidenceLink>,
    warnings: Vec<String>,
    first: bool,
    last: bool,
}

#[derive(Serialize)]
struct WarningView {
    message: String,
    href: Option<String>,
}

#[derive(Serialize)]
struct ProposalView {
    outcome: u8,
    label: String,
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct DecisionView {
    outcome: u8,
    label: String,
    rationale: String,
    decided_at: String,
}

#[derive(Serialize)]
struct FindingsView {
    inspection: InspectionRef,
    findings: Vec<FindingRow>,
    counts: Vec<(String, usize)>,
    warnings: Vec<WarningView>,
    warning_count: usize,
    proposal: Option<ProposalView>,
    decision: Option<DecisionView>,
    may_record: bool,
}

fn criterion_label(state: &AppState, id: &str) -> String {
    state
        .catalogue
        .framework
        .criterion(id)
        .map(|c| format!("{} {}", c.id, c.short))
        .unwrap_or_else(|| id.to_string())
}

fn finding_label(state: &AppState, findings: &[Finding], id: i32) -> String {
    findings
        .iter()
        .find(|f| f.id == id)
        .map(|f| {
            format!(
                "The {} on {}",
                f.kind.label().to_lowercase(),
                criterion_label(state, &f.criterion_id)
            )
        })
        .unwrap_or_else(|| "A finding".to_string())
}

fn evidence_links(id: i32, finding: &Finding, items: &[EvidenceItem]) -> Vec<EvidenceLink> {
    finding
        .evidence
        .iter()
        .map(|r| match items.iter().find(|i| &i.reference == r) {
            Some(i) => EvidenceLink {
                title: i.title.clone(),
                detail: i.detail.clone(),
                href: href(id, r),
                suppressed: i.suppressed,
            },
            None => EvidenceLink {
                title: evidence_key(r),
                detail: "No longer in this inspection".into(),
                href: href(id, r),
                suppressed: false,
            },
        })
        .collect()
}

fn warning_views(state: &AppState, id: i32, j: &app::report::Judgement) -> Vec<WarningView> {
    j.warnings
        .iter()
        .map(|w| WarningView {
            message: w.message(|fid| finding_label(state, &j.findings, fid)),
            href: match w {
                Warning::CriterionWithoutFinding { criterion_id } => Some(format!(
                    "/inspections/{id}/findings/new?criterion={criterion_id}"
                )),
                _ => w
                    .finding_id()
                    .map(|f| format!("/inspections/{id}/findings#finding-{f}")),
            },
        })
        .collect()
}

fn outcome_label(state: &AppState, outcome: u8) -> String {
    state
        .catalogue
        .framework
        .outcome(outcome)
        .map(|o| o.label.clone())
        .unwrap_or_else(|| format!("Outcome {outcome}"))
}

fn proposal_view(state: &AppState, j: &app::report::Judgement) -> Option<ProposalView> {
    j.proposal.as_ref().map(|p| ProposalView {
        outcome: p.outcome,
        label: outcome_label(state, p.outcome),
        reasons: p.reasons.clone(),
    })
}

fn decision_view(state: &AppState, j: &app::report::Judgement) -> Option<DecisionView> {
    j.decision.as_ref().map(|d| DecisionView {
        outcome: d.decision.outcome,
        label: outcome_label(state, d.decision.outcome),
        rationale: d.decision.rationale.clone(),
        decided_at: d.decided_at.format("%-d %B %Y at %H:%M UTC").to_string(),
    })
}

async fn judgement(state: &AppState, id: i32) -> Result<app::report::Judgement, WebError> {
    let catalogue = state.catalogue.clone();
    let threshold = threshold(state);
    Ok(db::read(&state.pool, move |c| {
        app::report::judgement(c, &catalogue, id, threshold)
    })
    .await?)
}

pub async fn findings(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    let inspection = inspection_ref(&state, id).await?;
    // A monitoring inspection judges progress, not findings and an outcome.
    if inspection.monitoring {
        return Ok(see_other(&format!("/inspections/{id}/progress")));
    }
    let j = judgement(&state, id).await?;
    let bodies = app::report::bodies(&j.inspection);
    let n = j.findings.len();
    let rows = j
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| FindingRow {
            id: f.id,
            criterion: criterion_label(&state, &f.criterion_id),
            kind: f.kind.label(),
            kind_value: f.kind.as_str(),
            text: f.text.clone(),
            group: f.group.clone(),
            responsible: f.responsible.as_ref().map(|r| r.label(&bodies)),
            addressed_to: f.addressed_to.map(|a| a.label()),
            in_hand: f.in_hand,
            evidence: evidence_links(id, f, &j.items),
            warnings: j
                .warnings
                .iter()
                .filter(|w| w.finding_id() == Some(f.id))
                .map(|w| w.message(|_| "This finding".to_string()))
                .collect(),
            first: i == 0,
            last: i + 1 == n,
        })
        .collect();
    let counts = FindingKind::ALL
        .iter()
        .map(|k| {
            (
                k.label().to_string(),
                j.findings.iter().filter(|f| f.kind == *k).count(),
            )
        })
        .collect();
    let view = FindingsView {
        inspection,
        findings: rows,
        counts,
        warning_count: j.warnings.len(),
        warnings: warning_views(&state, id, &j),
        proposal: proposal_view(&state, &j),
        decision: decision_view(&state, &j),
        may_record: me.user.actor().may(
            super::access(&state, &me, id).await?,
            Permission::RecordFindings,
        ),
    };
    Page::for_user(&me, "Findings", view)?.render(&state, StatusCode::OK, "judging/findings")
}

// ---------------------------------------------------------------- the finding form

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct EvidenceChoice {
    key: String,
    title: String,
    detail: String,
    leaning: &'static str,
    suppressed: bool,
    checked: bool,
    for_criterion: bool,
}

#[derive(Serialize)]
struct EvidenceGroup {
    kind: &'static str,
    items: Vec<EvidenceChoice>,
}

#[derive(Serialize)]
struct FindingFormView {
    inspection: InspectionRef,
    action: String,
    editing: Option<i32>,
    /// The finding's revision as stored now (empty for a new finding).
    revision: String,
    criteria: Vec<Choice>,
    kinds: Vec<Choice>,
    text: String,
    evidence: Vec<EvidenceGroup>,
    responsible: Vec<Choice>,
    responsible_other: String,
    leaders: Vec<Choice>,
    in_hand: bool,
    group: String,
}

/// What the form shows: a finding as stored, or as typed.
struct Typed {
    criterion: String,
    kind: String,
    text: String,
    evidence: Vec<String>,
    responsible: String,
    responsible_other: String,
    addressed_to: String,
    in_hand: bool,
    group: String,
}

impl Typed {
    fn of(f: &Finding) -> Self {
        Typed {
            criterion: f.criterion_id.clone(),
            kind: f.kind.as_str().into(),
            text: f.text.clone(),
            evidence: f.evidence.iter().map(evidence_key).collect(),
            responsible: f
                .responsible
                .as_ref()
                .map(Responsible::form_value)
                .unwrap_or_default(),
            responsible_other: match &f.responsible {
                Some(Responsible::Other { name }) => name.clone(),
                _ => String::new(),
            },
            addressed_to: f
                .addressed_to
                .map(|a| a.as_str().into())
                .unwrap_or_default(),
            in_hand: f.in_hand,
            group: f.group.clone().unwrap_or_default(),
        }
    }

    fn from_form(form: &CheckedForm) -> Self {
        Typed {
            criterion: form.text("criterion").into(),
            kind: form.text("kind").into(),
            text: form.text("text").into(),
            evidence: form.all("evidence").into_iter().map(String::from).collect(),
            responsible: form.text("responsible").into(),
            responsible_other: form.text("responsible_other").into(),
            addressed_to: form.text("addressed_to").into(),
            in_hand: form.ticked("in_hand"),
            group: form.text("group").into(),
        }
    }

    fn form(&self) -> FindingForm<'_> {
        FindingForm {
            criterion: &self.criterion,
            kind: &self.kind,
            text: &self.text,
            evidence: self.evidence.iter().map(String::as_str).collect(),
            responsible: &self.responsible,
            responsible_other: &self.responsible_other,
            addressed_to: &self.addressed_to,
            in_hand: self.in_hand,
            group: &self.group,
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn finding_form(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    editing: Option<i32>,
    typed: &Typed,
    j: &app::report::Judgement,
    status: StatusCode,
    errors: Vec<FieldError>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let criteria = state
        .catalogue
        .framework
        .areas
        .iter()
        .flat_map(|a| a.criteria.iter())
        .map(|c| Choice {
            value: c.id.clone(),
            label: format!("{} {}", c.id, c.short),
            checked: c.id == typed.criterion,
        })
        .collect();
    let kinds = FindingKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.as_str().into(),
            label: k.label().into(),
            checked: k.as_str() == typed.kind,
        })
        .collect();
    let evidence = SourceKind::ALL
        .iter()
        .map(|kind| EvidenceGroup {
            kind: kind.label(),
            items: j
                .items
                .iter()
                .filter(|i| i.reference.kind() == *kind)
                .map(|i| {
                    let key = evidence_key(&i.reference);
                    EvidenceChoice {
                        checked: typed.evidence.contains(&key),
                        key,
                        title: i.title.clone(),
                        detail: i.detail.clone(),
                        leaning: i.leaning.label(),
                        suppressed: i.suppressed,
                        for_criterion: i.criteria.contains(&typed.criterion),
                    }
                })
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let bodies = app::report::bodies(&j.inspection);
    let mut responsible = vec![Choice {
        value: "council".into(),
        label: bodies.council.clone(),
        checked: typed.responsible == "council",
    }];
    for (icb_id, name) in &bodies.icbs {
        let value = format!("icb:{icb_id}");
        responsible.push(Choice {
            checked: typed.responsible == value,
            value,
            label: name.clone(),
        });
    }
    responsible.push(Choice {
        value: "council_and_icb".into(),
        label: Responsible::CouncilAndIcb.label(&bodies) + " jointly",
        checked: typed.responsible == "council_and_icb",
    });
    responsible.push(Choice {
        value: "other".into(),
        label: "Another partner (name it below)".into(),
        checked: typed.responsible == "other",
    });
    let leaders = Leaders::ALL
        .iter()
        .map(|l| Choice {
            value: l.as_str().into(),
            label: l.label().into(),
            checked: l.as_str() == typed.addressed_to,
        })
        .collect();
    let view = FindingFormView {
        inspection,
        action: match editing {
            Some(f) => format!("/inspections/{id}/findings/{f}"),
            None => format!("/inspections/{id}/findings"),
        },
        editing,
        revision: editing
            .and_then(|f| j.findings.iter().find(|x| x.id == f))
            .map(|f| f.revision())
            .unwrap_or_default(),
        criteria,
        kinds,
        text: typed.text.clone(),
        evidence,
        responsible,
        responsible_other: typed.responsible_other.clone(),
        leaders,
        in_hand: typed.in_hand,
        group: typed.group.clone(),
    };
    let title = if editing.is_some() {
        "Change a finding"
    } else {
        "Add a finding"
    };
    Page::for_user(me, title, view)?
        .with_errors(errors)
        .render(state, status, "judging/finding")
}

#[derive(serde::Deserialize)]
pub struct NewQuery {
    criterion: Option<String>,
}

pub async fn new_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let j = judgement(&state, id).await?;
    let typed = Typed {
        criterion: query.criterion.clone().unwrap_or_default(),
        kind: String::new(),
        text: String::new(),
        evidence: vec![],
        responsible: String::new(),
        responsible_other: String::new(),
        addressed_to: String::new(),
        in_hand: false,
        group: String::new(),
    };
    finding_form(&state, &me, id, None, &typed, &j, StatusCode::OK, vec![]).await
}

pub async fn edit_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, finding_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let j = judgement(&state, id).await?;
    let finding = j
        .findings
        .iter()
        .find(|f| f.id == finding_id)
        .ok_or(WebError::NotFound)?;
    let typed = Typed::of(finding);
    finding_form(
        &state,
        &me,
        id,
        Some(finding_id),
        &typed,
        &j,
        StatusCode::OK,
        vec![],
    )
    .await
}

async fn save(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    editing: Option<i32>,
    form: &CheckedForm,
) -> Result<HttpResponse, WebError> {
    require(state, me, id, Permission::RecordFindings).await?;
    let j = judgement(state, id).await?;
    if let Some(f) = editing {
        if !j.findings.iter().any(|x| x.id == f) {
            return Err(WebError::NotFound);
        }
    }
    let typed = Typed::from_form(form);
    let criteria: Vec<String> = state
        .catalogue
        .framework
        .criterion_ids()
        .into_iter()
        .collect();
    let available: Vec<_> = j.items.iter().map(|i| i.reference.clone()).collect();
    // Evidence cited before and since removed stays citable, so editing the text of
    // a finding does not fail on what someone else deleted.
    let mut available = available;
    if let Some(f) = editing.and_then(|f| j.findings.iter().find(|x| x.id == f)) {
        available.extend(f.evidence.iter().cloned());
    }
    let bodies = app::report::bodies(&j.inspection);
    let draft = match FindingDraft::parse(&typed.form(), &criteria, &available, &bodies) {
        Ok(d) => d,
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| FieldError::new(e.field(), e))
                .collect();
            return finding_form(
                state,
                me,
                id,
                editing,
                &typed,
                &j,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await;
        }
    };
    let actor = me.user.id;
    let expected = form.text("revision").to_string();
    let result = db::run(&state.pool, move |c| match editing {
        Some(f) => app::report::change_finding(c, id, f, &draft, &expected, actor).map(|()| f),
        None => app::report::add_finding(c, id, &draft, actor),
    })
    .await;
    match result {
        Ok(f) => Ok(see_other(&format!(
            "/inspections/{id}/findings#finding-{f}"
        ))),
        Err(AppError::Refused(r)) => {
            // Shown again with what was typed, and (after someone else's change) the
            // finding's new revision, so the person can check and save again.
            let j = judgement(state, id).await?;
            let errors = vec![FieldError::new("text", &r)];
            finding_form(
                state,
                me,
                id,
                editing,
                &typed,
                &j,
                StatusCode::CONFLICT,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    save(&state, &me, path.into_inner(), None, &form).await
}

pub async fn change_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, finding_id) = path.into_inner();
    save(&state, &me, id, Some(finding_id), &form).await
}

#[derive(Serialize)]
struct RemoveView {
    inspection: InspectionRef,
    id: i32,
    kind: &'static str,
    criterion: String,
    text: String,
}

/// Ask before removing: the finding, and a button that removes it.
pub async fn confirm_remove(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, WebError> {
    let (id, finding_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let inspection = inspection_ref(&state, id).await?;
    let findings = db::read(&state.pool, move |c| db::report::findings(c, id)).await?;
    let f = findings
        .iter()
        .find(|f| f.id == finding_id)
        .ok_or(WebError::NotFound)?;
    let view = RemoveView {
        inspection,
        id: f.id,
        kind: f.kind.label(),
        criterion: criterion_label(&state, &f.criterion_id),
        text: f.text.clone(),
    };
    Page::for_user(&me, "Remove this finding?", view)?.render(
        &state,
        StatusCode::OK,
        "judging/remove",
    )
}

pub async fn remove_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    _form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, finding_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let actor = me.user.id;
    db::run(&state.pool, move |c| {
        app::report::remove_finding(c, id, finding_id, actor)
    })
    .await?;
    Ok(see_other(&format!("/inspections/{id}/findings")))
}

pub async fn move_finding(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<(i32, i32)>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let (id, finding_id) = path.into_inner();
    require(&state, &me, id, Permission::RecordFindings).await?;
    let up = match form.text("direction") {
        "up" => true,
        "down" => false,
        _ => {
            return Err(WebError::BadRequest(
                "Choose to move the finding up or down.".into(),
            ))
        }
    };
    let actor = me.user.id;
    db::run(&state.pool, move |c| {
        app::report::move_finding(c, id, finding_id, up, actor)
    })
    .await?;
    Ok(see_other(&format!(
        "/inspections/{id}/findings#finding-{finding_id}"
    )))
}

// ---------------------------------------------------------------- the outcome

#[derive(Serialize)]
struct OutcomeChoice {
    value: u8,
    label: String,
    statement: String,
    checked: bool,
    proposed: bool,
}

#[derive(Serialize)]
struct OutcomeView {
    inspection: InspectionRef,
    proposal: Option<ProposalView>,
    decision: Option<DecisionView>,
    warnings: Vec<WarningView>,
    warning_count: usize,
    may_decide: bool,
    choices: Vec<OutcomeChoice>,
    rationale: String,
}

async fn outcome_page(
    state: &AppState,
    me: &SignedIn,
    id: i32,
    status: StatusCode,
    errors: Vec<FieldError>,
    typed: Option<(&str, &str)>,
) -> Result<HttpResponse, WebError> {
    let inspection = inspection_ref(state, id).await?;
    let j = judgement(state, id).await?;
    let role = super::access(state, me, id).await?;
    let chosen = match typed {
        Some((o, _)) => o.parse::<u8>().ok(),
        None => j.decision.as_ref().map(|d| d.decision.outcome),
    };
    let proposed = j.proposal.as_ref().map(|p| p.outcome);
    let choices = state
        .catalogue
        .framework
        .outcomes
        .iter()
        .map(|o| OutcomeChoice {
            value: o.id,
            label: o.label.clone(),
            statement: o.statement.clone(),
            checked: chosen == Some(o.id),
            proposed: proposed == Some(o.id),
        })
        .collect();
    let view = OutcomeView {
        inspection,
        warning_count: j.warnings.len(),
        warnings: warning_views(state, id, &j),
        proposal: proposal_view(state, &j),
        decision: decision_view(state, &j),
        may_decide: me.user.actor().may(role, Permission::DecideOutcome),
        choices,
        rationale: match typed {
            Some((_, r)) => r.to_string(),
            None => j
                .decision
                .as_ref()
                .map(|d| d.decision.rationale.clone())
                .unwrap_or_default(),
        },
    };
    Page::for_user(me, "Inspection outcome", view)?
        .with_errors(errors)
        .render(state, status, "judging/outcome")
}

pub async fn outcome(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::ViewEvidence).await?;
    if inspection_ref(&state, id).await?.monitoring {
        return Ok(see_other(&format!("/inspections/{id}/progress")));
    }
    outcome_page(&state, &me, id, StatusCode::OK, vec![], None).await
}

pub async fn decide(
    state: web::Data<AppState>,
    me: SignedIn,
    path: web::Path<i32>,
    form: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    require(&state, &me, id, Permission::DecideOutcome).await?;
    let typed = (form.text("outcome"), form.text("rationale"));
    let decision = match Decision::parse(typed.0, typed.1) {
        Ok(d) => d,
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| FieldError::new(e.field(), e))
                .collect();
            return outcome_page(
                &state,
                &me,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                Some(typed),
            )
            .await;
        }
    };
    let actor = me.user.id;
    let catalogue = state.catalogue.clone();
    match db::run(&state.pool, move |c| {
        app::report::decide(c, &catalogue, id, &decision, actor)
    })
    .await
    {
        Ok(()) => Ok(see_other(&format!("/inspections/{id}/outcome"))),
        Err(AppError::Refused(r)) => {
            let errors = vec![FieldError::new("outcome", &r)];
            outcome_page(&state, &me, id, StatusCode::CONFLICT, errors, Some(typed)).await
        }
        Err(e) => Err(e.into()),
    }
}
