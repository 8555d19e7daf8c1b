//! Inspections, their teams (memberships) and lifecycle changes.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::partnerships::{self, Partnership};
use super::schema::{icbs, inspections, memberships, partnerships as p, users};
use super::users::User;
use super::{audit, now, DbConnection, DbError};
use crate::domain::access::{check_membership, Actor, Role};
use crate::domain::account::UserKind;
use crate::domain::inspection::{transition, InspectionDates, InspectionKind, Status};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = inspections)]
struct InspectionRow {
    id: i32,
    partnership_id: i32,
    kind: String,
    status: String,
    notified_on: NaiveDate,
    on_site_start: NaiveDate,
    on_site_end: NaiveDate,
    previous_inspection_on: Option<NaiveDate>,
    updated_at: NaiveDateTime,
}

/// An inspection with its partnership.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub id: i32,
    pub kind: InspectionKind,
    pub status: Status,
    pub dates: InspectionDates,
    pub previous_inspection_on: Option<NaiveDate>,
    pub updated_at: NaiveDateTime,
    pub partnership: Partnership,
}

fn parse_row(row: InspectionRow, partnership: Partnership) -> Result<Inspection, DbError> {
    let kind = InspectionKind::parse(&row.kind)
        .ok_or_else(|| DbError::Corrupt(format!("inspection kind {:?}", row.kind)))?;
    let status = Status::parse(&row.status)
        .ok_or_else(|| DbError::Corrupt(format!("inspection status {:?}", row.status)))?;
    let dates = InspectionDates::new(row.notified_on, row.on_site_start, row.on_site_end)
        .map_err(|e| DbError::Corrupt(format!("inspection {} dates: {e}", row.id)))?;
    Ok(Inspection {
        id: row.id,
        kind,
        status,
        dates,
        previous_inspection_on: row.previous_inspection_on,
        updated_at: row.updated_at,
        partnership,
    })
}

/// What is needed to set up an inspection.
#[derive(Debug, Clone)]
pub struct NewInspection {
    pub partnership_id: i32,
    pub kind: InspectionKind,
    pub dates: InspectionDates,
    pub previous_inspection_on: Option<NaiveDate>,
    pub lead_inspector_id: i32,
    pub inspector_ids: Vec<i32>,
}

/// The user, who must be an inspector; refusals name the form `field` they came from.
fn require_inspector(
    conn: &mut DbConnection,
    user_id: i32,
    field: &'static str,
) -> Result<User, DbError> {
    let user = super::users::find(conn, user_id)?
        .ok_or_else(|| DbError::RefusedField(field, "Choose a person from the list.".into()))?;
    if user.kind != UserKind::Inspector {
        return Err(DbError::RefusedField(
            field,
            format!("{} is not an inspector.", user.display_name),
        ));
    }
    Ok(user)
}

/// Take the inspection's row for this transaction (so a concurrent change waits),
/// refusing if the report is final.
fn lock_open_inspection(conn: &mut DbConnection, inspection_id: i32) -> Result<(), DbError> {
    let n = diesel::update(
        inspections::table
            .filter(inspections::id.eq(inspection_id))
            .filter(inspections::status.ne(Status::Final.as_str())),
    )
    .set(inspections::updated_at.eq(now()))
    .execute(conn)?;
    if n == 1 {
        return Ok(());
    }
    let exists: i64 = inspections::table
        .filter(inspections::id.eq(inspection_id))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        Err(DbError::NotFound)
    } else {
        Err(DbError::refused(
            "The report is final, so the team can no longer change.",
        ))
    }
}

/// Create an inspection in the preparing state with its team, in one transaction.
pub fn create(conn: &mut DbConnection, new: &NewInspection, actor: &Actor) -> Result<i32, DbError> {
    conn.transaction(|conn| {
        if partnerships::find(conn, new.partnership_id)?.is_none() {
            return Err(DbError::RefusedField(
                "partnership_id",
                "Choose a local area partnership from the list.".into(),
            ));
        }
        require_inspector(conn, new.lead_inspector_id, "lead_inspector_id")?;
        let stamp = now();
        let id: i32 = diesel::insert_into(inspections::table)
            .values((
                inspections::partnership_id.eq(new.partnership_id),
                inspections::kind.eq(new.kind.as_str()),
                inspections::status.eq(Status::Preparing.as_str()),
                inspections::notified_on.eq(new.dates.notified_on),
                inspections::on_site_start.eq(new.dates.on_site_start),
                inspections::on_site_end.eq(new.dates.on_site_end),
                inspections::previous_inspection_on.eq(new.previous_inspection_on),
                inspections::created_at.eq(stamp),
                inspections::updated_at.eq(stamp),
            ))
            .returning(inspections::id)
            .get_result(conn)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(id),
            "inspection.created",
            serde_json::json!({ "kind": new.kind.as_str(), "partnership_id": new.partnership_id }),
        )?;
        insert_membership(
            conn,
            id,
            new.lead_inspector_id,
            Role::LeadInspector,
            None,
            actor,
        )?;
        for &user_id in new
            .inspector_ids
            .iter()
            .filter(|u| **u != new.lead_inspector_id)
        {
            require_inspector(conn, user_id, "inspector_ids")?;
            insert_membership(conn, id, user_id, Role::Inspector, None, actor)?;
        }
        Ok(id)
    })
}

fn insert_membership(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
    role: Role,
    icb_id: Option<i32>,
    actor: &Actor,
) -> Result<(), DbError> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::inspection_id.eq(inspection_id),
            memberships::user_id.eq(user_id),
            memberships::role.eq(role.as_str()),
            memberships::icb_id.eq(icb_id),
            memberships::created_at.eq(now()),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        Some(actor.user_id),
        Some(inspection_id),
        "membership.added",
        serde_json::json!({ "user_id": user_id, "role": role.as_str(), "icb_id": icb_id }),
    )
}

pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Inspection>, DbError> {
    let row: Option<InspectionRow> = inspections::table
        .find(id)
        .select(InspectionRow::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    let partnership = partnerships::find(conn, row.partnership_id)?.ok_or(DbError::NotFound)?;
    parse_row(row, partnership).map(Some)
}

/// The actor's role on an inspection, if they have one.
pub fn role_of(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
) -> Result<Option<Role>, DbError> {
    let role: Option<String> = memberships::table
        .filter(memberships::inspection_id.eq(inspection_id))
        .filter(memberships::user_id.eq(user_id))
        .select(memberships::role)
        .first(conn)
        .optional()?;
    role.map(|r| Role::parse(&r).ok_or_else(|| DbError::Corrupt(format!("role {r:?}"))))
        .transpose()
}

/// One line of the inspections list.
#[derive(Debug, Clone)]
pub struct InspectionSummary {
    pub id: i32,
    pub council_name: String,
    pub kind: InspectionKind,
    pub status: Status,
    pub on_site_start: NaiveDate,
    pub role: Option<Role>,
}

/// The inspections an actor may see: their own, or all for an admin.
pub fn list_for(conn: &mut DbConnection, actor: &Actor) -> Result<Vec<InspectionSummary>, DbError> {
    let rows: Vec<(i32, String, String, String, NaiveDate, Option<String>)> = if actor.is_admin {
        inspections::table
            .inner_join(p::table)
            .left_join(
                memberships::table.on(memberships::inspection_id
                    .eq(inspections::id)
                    .and(memberships::user_id.eq(actor.user_id))),
            )
            .order((inspections::on_site_start.desc(), inspections::id.desc()))
            .select((
                inspections::id,
                p::council_name,
                inspections::kind,
                inspections::status,
                inspections::on_site_start,
                memberships::role.nullable(),
            ))
            .load(conn)?
    } else {
        inspections::table
            .inner_join(p::table)
            .inner_join(memberships::table)
            .filter(memberships::user_id.eq(actor.user_id))
            .order((inspections::on_site_start.desc(), inspections::id.desc()))
            .select((
                inspections::id,
                p::council_name,
                inspections::kind,
                inspections::status,
                inspections::on_site_start,
                memberships::role.nullable(),
            ))
            .load(conn)?
    };
    rows.into_iter()
        .map(|(id, council_name, kind, status, on_site_start, role)| {
            Ok(InspectionSummary {
                id,
                council_name,
                kind: InspectionKind::parse(&kind)
                    .ok_or_else(|| DbError::Corrupt(format!("kind {kind:?}")))?,
                status: Status::parse(&status)
                    .ok_or_else(|| DbError::Corrupt(format!("status {status:?}")))?,
                on_site_start,
                role: role.as_deref().and_then(Role::parse),
            })
        })
        .collect()
}

/// A member of an inspection's team.
#[derive(Debug, Clone)]
pub struct TeamMember {
    pub membership_id: i32,
    pub user_id: i32,
    pub display_name: String,
    pub email: String,
    pub organisation: String,
    pub role: Role,
    pub icb_name: Option<String>,
}

/// One row of the team query, before its role is parsed.
#[derive(Queryable)]
struct TeamRow {
    membership_id: i32,
    user_id: i32,
    display_name: String,
    email: String,
    organisation: String,
    role: String,
    icb_name: Option<String>,
}

pub fn team(conn: &mut DbConnection, inspection_id: i32) -> Result<Vec<TeamMember>, DbError> {
    let rows: Vec<TeamRow> = memberships::table
        .inner_join(users::table)
        .left_join(icbs::table)
        .filter(memberships::inspection_id.eq(inspection_id))
        .order((memberships::role, users::display_name))
        .select((
            memberships::id,
            users::id,
            users::display_name,
            users::email,
            users::organisation,
            memberships::role,
            icbs::name.nullable(),
        ))
        .load(conn)?;
    let mut team = rows
        .into_iter()
        .map(|r| {
            Ok(TeamMember {
                membership_id: r.membership_id,
                user_id: r.user_id,
                display_name: r.display_name,
                email: r.email,
                organisation: r.organisation,
                role: Role::parse(&r.role)
                    .ok_or_else(|| DbError::Corrupt(format!("role {:?}", r.role)))?,
                icb_name: r.icb_name,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    team.sort_by_key(|m| Role::ALL.iter().position(|r| *r == m.role));
    Ok(team)
}

/// Add someone to an inspection's team, checking the role suits them.
pub fn add_membership(
    conn: &mut DbConnection,
    inspection_id: i32,
    user_id: i32,
    role: Role,
    icb_id: Option<i32>,
    actor: &Actor,
) -> Result<(), DbError> {
    conn.transaction(|conn| {
        lock_open_inspection(conn, inspection_id)?;
        let inspection = find(conn, inspection_id)?.ok_or(DbError::NotFound)?;
        let user = super::users::find(conn, user_id)?.ok_or_else(|| DbError::refused("Choose a person from the list."))?;
        check_membership(user.kind, role, icb_id.is_some()).map_err(DbError::refused)?;
        if let Some(icb_id) = icb_id {
            if !inspection.partnership.icbs.iter().any(|i| i.id == icb_id) {
                return Err(DbError::refused("Choose one of this partnership's ICBs."));
            }
        }
        if role_of(conn, inspection_id, user_id)?.is_some() {
            return Err(DbError::refused(format!("{} is already on this inspection.", user.display_name)));
        }
        if role == Role::LeadInspector {
            return Err(DbError::refused(
                "An inspection has one lead inspector, chosen when it is set up. Add this person as an inspector.",
            ));
        }
        insert_membership(conn, inspection_id, user_id, role, icb_id, actor)
    })
}

/// Remove someone from the team. The lead inspector cannot be removed.
pub fn remove_membership(
    conn: &mut DbConnection,
    inspection_id: i32,
    membership_id: i32,
    actor: &Actor,
) -> Result<(), DbError> {
    conn.transaction(|conn| {
        lock_open_inspection(conn, inspection_id)?;
        let row: Option<(i32, String)> = memberships::table
            .filter(memberships::id.eq(membership_id))
            .filter(memberships::inspection_id.eq(inspection_id))
            .select((memberships::user_id, memberships::role))
            .first(conn)
            .optional()?;
        let Some((user_id, role)) = row else {
            return Err(DbError::NotFound);
        };
        if role == Role::LeadInspector.as_str() {
            return Err(DbError::refused(
                "The lead inspector cannot be removed from the inspection.",
            ));
        }
        diesel::delete(memberships::table.find(membership_id)).execute(conn)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "membership.removed",
            serde_json::json!({ "user_id": user_id, "role": role }),
        )
    })
}

/// Move an inspection to `to`, if the lifecycle allows it from where it is now.
///
/// Opening the surveys opens one survey of each form in `forms` (id, version);
/// leaving that stage closes them, in the same transaction.
pub fn change_status(
    conn: &mut DbConnection,
    inspection_id: i32,
    to: Status,
    actor: &Actor,
    forms: &[(String, u32)],
) -> Result<Status, DbError> {
    conn.transaction(|conn| {
        let current: String = inspections::table
            .find(inspection_id)
            .select(inspections::status)
            .first(conn)
            .optional()?
            .ok_or(DbError::NotFound)?;
        let from = Status::parse(&current)
            .ok_or_else(|| DbError::Corrupt(format!("status {current:?}")))?;
        let to = transition(from, to).map_err(DbError::refused)?;
        // The status guard makes a concurrent change lose cleanly instead of skipping a step.
        let n = diesel::update(
            inspections::table
                .filter(inspections::id.eq(inspection_id))
                .filter(inspections::status.eq(from.as_str())),
        )
        .set((
            inspections::status.eq(to.as_str()),
            inspections::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if n != 1 {
            return Err(DbError::refused(
                "Someone else changed this inspection at the same time. Try again.",
            ));
        }
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "inspection.status_changed",
            serde_json::json!({ "from": from.as_str(), "to": to.as_str() }),
        )?;
        if to == Status::SurveysOpen {
            super::surveys::open_all(conn, inspection_id, forms)?;
        } else if from == Status::SurveysOpen {
            super::surveys::close_all(conn, inspection_id)?;
        }
        Ok(to)
    })
}
