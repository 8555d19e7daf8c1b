//! Setting up inspections, moving them through their stages, and their teams.

use diesel::Connection;
use serde_json::json;

use super::AppError;
use crate::catalogue::Catalogue;
use crate::db::{self, audit, DbConnection};
use crate::domain::access::{Actor, Role};
use crate::domain::inspection::{
    plan_stage_change, Effect, InspectionKind, NewInspection, StageChange, Status,
};
use crate::domain::monitoring;
use crate::domain::refusal::Refusal;
use crate::domain::team::{self, NewMember, Person, Slot, TeamError};

fn person(conn: &mut DbConnection, user_id: i32) -> Result<Option<Person>, AppError> {
    Ok(db::users::find(conn, user_id)?.map(|u| u.person()))
}

fn add_member_row(
    conn: &mut DbConnection,
    inspection_id: i32,
    member: &NewMember,
    actor: &Actor,
) -> Result<(), AppError> {
    db::inspections::insert_membership(conn, inspection_id, member)?;
    audit::record(
        conn,
        Some(actor.user_id),
        Some(inspection_id),
        "membership.added",
        json!({ "user_id": member.user_id, "role": member.role.as_str(), "icb_id": member.icb_id }),
    )?;
    Ok(())
}

/// Set up an inspection in the preparing stage with its team, in one transaction.
pub fn create(
    conn: &mut DbConnection,
    new: &NewInspection,
    actor: &Actor,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        if db::partnerships::find(conn, new.partnership_id)?.is_none() {
            return Err(Refusal::UnknownPartnership.into());
        }
        let lead = person(conn, new.lead_inspector_id)?;
        let mut inspectors = vec![];
        for &id in &new.inspector_ids {
            inspectors.push(person(conn, id)?);
        }
        let members = team::initial_team(actor, lead.as_ref(), &inspectors)?;
        // A monitoring inspection judges the last outcome 3's priority actions.
        let carried = match new.kind {
            InspectionKind::Monitoring => {
                let last = db::monitoring::last_final(conn, new.partnership_id)?;
                let actions = monitoring::carry_over(last.as_ref())?;
                last.map(|l| (l.inspection_id, actions))
            }
            InspectionKind::Full => None,
        };
        let id = db::inspections::insert(conn, new)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(id),
            "inspection.created",
            json!({ "kind": new.kind.as_str(), "partnership_id": new.partnership_id }),
        )?;
        for member in &members {
            add_member_row(conn, id, member, actor)?;
        }
        if let Some((from, actions)) = carried {
            db::monitoring::insert_all(conn, id, from, &actions)?;
            audit::record(
                conn,
                Some(actor.user_id),
                Some(id),
                "monitoring.carried_over",
                json!({ "from_inspection_id": from, "priority_actions": actions.len() }),
            )?;
        }
        Ok(id)
    })
}

/// Move an inspection to `to`, if the lifecycle allows it from where it is now,
/// applying the stage's effects (opening or closing surveys) in the same transaction.
pub fn change_stage(
    conn: &mut DbConnection,
    inspection_id: i32,
    to: Status,
    actor: &Actor,
    catalogue: &Catalogue,
) -> Result<StageChange, AppError> {
    conn.transaction(|conn| {
        let from = db::inspections::status_of(conn, inspection_id)?.ok_or(AppError::NotFound)?;
        let change = plan_stage_change(from, to, &catalogue.current_refs())?;
        // The stage guard makes a concurrent change lose cleanly instead of skipping a step.
        if !db::inspections::set_status_if(conn, inspection_id, change.from, change.to)? {
            return Err(Refusal::ChangedMeanwhile.into());
        }
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "inspection.status_changed",
            json!({ "from": change.from.as_str(), "to": change.to.as_str() }),
        )?;
        for effect in &change.effects {
            apply(conn, inspection_id, effect, catalogue)?;
        }
        Ok(change)
    })
}

/// Carry out one effect of a stage change, inside the change's transaction.
fn apply(
    conn: &mut DbConnection,
    inspection_id: i32,
    effect: &Effect,
    catalogue: &Catalogue,
) -> Result<(), AppError> {
    match effect {
        Effect::OpenSurveys(forms) => {
            for form in forms {
                let compiled = catalogue.form(form).ok_or_else(|| {
                    AppError::Store(db::DbError::Corrupt(format!("{form} is not loaded")))
                })?;
                db::surveys::open(conn, inspection_id, form, &compiled.digest)?;
            }
            // Settings added while preparing get their links to the surveys now.
            db::distribution::ensure_links(conn, inspection_id, db::now())?;
        }
        Effect::CloseSurveys => {
            db::surveys::close_all(conn, inspection_id)?;
        }
        Effect::EmptyUnsentResponses => {
            db::surveys::empty_unsent(conn, inspection_id)?;
        }
    }
    Ok(())
}

/// Take the inspection for a team change: it must exist and not be final.
fn open_for_team_change(conn: &mut DbConnection, inspection_id: i32) -> Result<(), AppError> {
    match db::inspections::take(conn, inspection_id)? {
        None => Err(AppError::NotFound),
        Some(Status::Final) => Err(TeamError::ReportFinal.into()),
        Some(_) => Ok(()),
    }
}

/// Add someone to an inspection's team in `role` (an ICB reviewer for `icb`).
pub fn add_member(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
    role: Role,
    icb: Option<i32>,
    actor: &Actor,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_team_change(conn, inspection_id)?;
        let inspection = db::inspections::find(conn, inspection_id)?.ok_or(AppError::NotFound)?;
        let members: Vec<_> = db::inspections::team(conn, inspection_id)?
            .iter()
            .map(|m| m.member())
            .collect();
        let person = person(conn, user_id)?.ok_or(TeamError::UnknownPerson(Slot::Addition))?;
        let icbs: Vec<i32> = inspection.partnership.icbs.iter().map(|i| i.id).collect();
        let member = team::check_addition(&members, &icbs, &person, role, icb)?;
        add_member_row(conn, inspection_id, &member, actor)
    })
}

/// Remove a membership from the team. The lead inspector cannot be removed.
pub fn remove_member(
    conn: &mut DbConnection,
    inspection_id: i32,
    membership_id: i32,
    actor: &Actor,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        open_for_team_change(conn, inspection_id)?;
        let members: Vec<_> = db::inspections::team(conn, inspection_id)?
            .iter()
            .map(|m| m.member())
            .collect();
        let member = team::check_removal(&members, membership_id)?.ok_or(AppError::NotFound)?;
        db::inspections::delete_membership(conn, membership_id)?;
        // Off the team is off the check: no more emails, and no longer awaited.
        db::review::remove_reviewer(conn, inspection_id, member.user_id)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "membership.removed",
            json!({ "user_id": member.user_id, "role": member.role.as_str() }),
        )?;
        Ok(())
    })
}
