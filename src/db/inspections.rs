//! Inspections and their teams (memberships). The rules about who may join and how
//! an inspection moves are the domain's; this module only reads and writes rows.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::partnerships::{self, Partnership};
use super::schema::{icbs, inspections, memberships, partnerships as p, users};
use super::{now, stored, DbConnection, DbError};
use crate::domain::access::{Actor, Role};
use crate::domain::inspection::{InspectionDates, InspectionKind, NewInspection, Status};
use crate::domain::team::{Member, NewMember};

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
    let dates = InspectionDates::new(row.notified_on, row.on_site_start, row.on_site_end)
        .map_err(|e| DbError::Corrupt(format!("inspection {} dates: {e}", row.id)))?;
    Ok(Inspection {
        id: row.id,
        kind: stored("inspection kind", &row.kind, InspectionKind::parse)?,
        status: stored("inspection status", &row.status, Status::parse)?,
        dates,
        previous_inspection_on: row.previous_inspection_on,
        updated_at: row.updated_at,
        partnership,
    })
}

/// Store a new inspection in the preparing state; returns its id.
pub fn insert(conn: &mut DbConnection, new: &NewInspection) -> Result<i32, DbError> {
    let stamp = now();
    Ok(diesel::insert_into(inspections::table)
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
        .get_result(conn)?)
}

pub fn insert_membership(
    conn: &mut DbConnection,
    inspection_id: i32,
    member: &NewMember,
) -> Result<(), DbError> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::inspection_id.eq(inspection_id),
            memberships::user_id.eq(member.user_id),
            memberships::role.eq(member.role.as_str()),
            memberships::icb_id.eq(member.icb_id),
            memberships::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_membership(conn: &mut DbConnection, membership_id: i32) -> Result<(), DbError> {
    diesel::delete(memberships::table.find(membership_id)).execute(conn)?;
    Ok(())
}

/// Take the inspection's row for the rest of this transaction, so a concurrent
/// change waits; returns its stage, or None if there is no such inspection.
pub fn take(conn: &mut DbConnection, inspection_id: i32) -> Result<Option<Status>, DbError> {
    let n = diesel::update(inspections::table.find(inspection_id))
        .set(inspections::updated_at.eq(now()))
        .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    status_of(conn, inspection_id)
}

pub fn status_of(conn: &mut DbConnection, inspection_id: i32) -> Result<Option<Status>, DbError> {
    let status: Option<String> = inspections::table
        .find(inspection_id)
        .select(inspections::status)
        .get_result(conn)
        .optional()?;
    status
        .map(|s| stored("inspection status", &s, Status::parse))
        .transpose()
}

/// Move the inspection from `from` to `to`; false if it was no longer at `from`
/// (a concurrent change got there first), so it never skips a step.
pub fn set_status_if(
    conn: &mut DbConnection,
    inspection_id: i32,
    from: Status,
    to: Status,
) -> Result<bool, DbError> {
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
    Ok(n == 1)
}

pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Inspection>, DbError> {
    let row: Option<InspectionRow> = inspections::table
        .find(id)
        .select(InspectionRow::as_select())
        .get_result(conn)
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    let partnership = partnerships::find(conn, row.partnership_id)?
        .ok_or_else(|| DbError::Corrupt(format!("inspection {id} has no partnership")))?;
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
        .get_result(conn)
        .optional()?;
    role.map(|r| stored("role", &r, Role::parse)).transpose()
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
                kind: stored("inspection kind", &kind, InspectionKind::parse)?,
                status: stored("inspection status", &status, Status::parse)?,
                on_site_start,
                role: role.map(|r| stored("role", &r, Role::parse)).transpose()?,
            })
        })
        .collect()
}

/// A member of an inspection's team, for display.
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

impl TeamMember {
    pub fn member(&self) -> Member {
        Member {
            membership_id: self.membership_id,
            user_id: self.user_id,
            role: self.role,
        }
    }
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
                role: stored("role", &r.role, Role::parse)?,
                icb_name: r.icb_name,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    team.sort_by_key(|m| Role::ALL.iter().position(|r| *r == m.role));
    Ok(team)
}
