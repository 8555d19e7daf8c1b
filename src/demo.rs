//! Demo data: an invented partnership and team (no real people), so the service
//! can be tried at once. Later features add their own demo data here.

use crate::app::{self, AppError};
use crate::catalogue::Catalogue;
use crate::db::{self, DbError, Pool};
use crate::domain::access::Role;
use crate::domain::account::NewAccount;
use crate::domain::inspection::{
    parse_date, InspectionDates, InspectionKind, NewInspection, Status,
};
use crate::domain::partnership::NewPartnership;

/// One demo sign-in, printed by `area-send demo`.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: &'static str,
    pub email: &'static str,
    pub password: &'static str,
}

/// The demo sign-ins. The passwords are public: never use demo data for real work.
pub const ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount {
        role: "Lead inspector (Ofsted)",
        email: "lead.inspector@demo.area-send.test",
        password: "demo-lead-inspector",
    },
    DemoAccount {
        role: "Inspector (CQC)",
        email: "inspector@demo.area-send.test",
        password: "demo-cqc-inspector",
    },
    DemoAccount {
        role: "Partnership reviewer, council",
        email: "council.reviewer@demo.area-send.test",
        password: "demo-council-reviewer",
    },
    DemoAccount {
        role: "Partnership reviewer, ICB",
        email: "icb.reviewer@demo.area-send.test",
        password: "demo-icb-reviewer",
    },
    DemoAccount {
        role: "Administrator",
        email: "admin@demo.area-send.test",
        password: "demo-administrator",
    },
];

fn date(s: &str) -> Result<chrono::NaiveDate, AppError> {
    parse_date(s).ok_or_else(|| DbError::Corrupt(format!("demo date {s}")).into())
}

fn account(
    email: &str,
    name: &str,
    org: &str,
    kind: &str,
    admin: bool,
) -> Result<NewAccount, AppError> {
    Ok(NewAccount::parse(email, name, org, kind, admin)?)
}

/// Fill an empty, migrated database with the demo. Returns the main demo inspection's id.
///
/// The main inspection has its surveys open, one for each current form of `catalogue`.
pub fn seed(pool: &Pool, catalogue: &Catalogue) -> Result<i32, AppError> {
    // Hash the public demo passwords before taking a connection: argon2 is slow on purpose.
    let mut hashes = vec![];
    for demo in &ACCOUNTS {
        hashes.push(
            crate::password::hash(demo.password)
                .map_err(|e| DbError::Corrupt(format!("hashing: {e}")))?,
        );
    }
    let mut conn = pool.get().map_err(DbError::from)?;
    let conn = &mut conn;
    let people = [
        account(
            ACCOUNTS[0].email,
            "Robin Ashdown (demo)",
            "Ofsted",
            "inspector",
            false,
        )?,
        account(
            ACCOUNTS[1].email,
            "Kit Marlowe-Field (demo)",
            "Care Quality Commission",
            "inspector",
            false,
        )?,
        account(
            ACCOUNTS[2].email,
            "Jo Penhallow (demo)",
            "Harrowdale Council",
            "partnership",
            false,
        )?,
        account(
            ACCOUNTS[3].email,
            "Sam Treloar (demo)",
            "Harrowdale and Fenmoor ICB",
            "partnership",
            false,
        )?,
        account(
            ACCOUNTS[4].email,
            "Demo Administrator",
            "Ofsted",
            "inspector",
            true,
        )?,
    ];
    let mut ids = vec![];
    for (person, hash) in people.iter().zip(hashes.iter()) {
        ids.push(app::accounts::add_user(conn, person, hash, None)?.id);
    }
    let [lead, cqc, council, icb_reviewer, admin] = ids[..] else {
        return Err(DbError::Corrupt("demo users".into()).into());
    };

    let harrowdale = app::accounts::add_partnership(
        conn,
        &NewPartnership::parse(
            "Harrowdale Council",
            "E06000990",
            &[("Harrowdale and Fenmoor Integrated Care Board", "E54000990")],
        )?,
        Some(admin),
    )?;
    // A second partnership whose inspection the demo reviewers must not see.
    let fenmoor = app::accounts::add_partnership(
        conn,
        &NewPartnership::parse(
            "Fenmoor County Council",
            "E10000990",
            &[
                ("Harrowdale and Fenmoor Integrated Care Board", "E54000990"),
                ("Fenmoor Coast Integrated Care Board", "E54000991"),
            ],
        )?,
        Some(admin),
    )?;

    let admin_actor = db::users::find(conn, admin)?
        .ok_or(DbError::NotFound)?
        .actor();
    let main = app::inspections::create(
        conn,
        &NewInspection {
            partnership_id: harrowdale.id,
            kind: InspectionKind::Full,
            dates: InspectionDates::new(
                date("2026-11-02")?,
                date("2026-11-16")?,
                date("2026-11-20")?,
            )
            .map_err(|e| DbError::Corrupt(format!("demo dates: {e}")))?,
            previous_inspection_on: Some(date("2021-06-14")?),
            lead_inspector_id: lead,
            inspector_ids: vec![cqc],
        },
        &admin_actor,
    )?;
    app::inspections::add_member(
        conn,
        main,
        council,
        Role::CouncilReviewer,
        None,
        &admin_actor,
    )?;
    let icb_id = harrowdale
        .icbs
        .first()
        .map(|i| i.id)
        .ok_or(DbError::NotFound)?;
    app::inspections::add_member(
        conn,
        main,
        icb_reviewer,
        Role::IcbReviewer,
        Some(icb_id),
        &admin_actor,
    )?;
    // The lead inspector opens the surveys, as on a real inspection.
    let lead_actor = db::users::find(conn, lead)?
        .ok_or(DbError::NotFound)?
        .actor();
    app::inspections::change_stage(conn, main, Status::SurveysOpen, &lead_actor, catalogue)?;

    app::inspections::create(
        conn,
        &NewInspection {
            partnership_id: fenmoor.id,
            kind: InspectionKind::Monitoring,
            dates: InspectionDates::new(
                date("2027-01-11")?,
                date("2027-01-25")?,
                date("2027-01-27")?,
            )
            .map_err(|e| DbError::Corrupt(format!("demo dates: {e}")))?,
            previous_inspection_on: Some(date("2025-07-07")?),
            lead_inspector_id: lead,
            inspector_ids: vec![],
        },
        &admin_actor,
    )?;
    Ok(main)
}
