//! Demo data: an invented partnership and team (no real people), so the service
//! can be tried at once. [`seed`] makes the partnership, team and open surveys;
//! [`populate`] fills the main inspection's evidence (responses, statistics, local
//! data, duties, documents, case notes) through the same use cases the web calls.

use crate::app::{self, AppError};
use crate::catalogue::Catalogue;
use crate::db::{self, DbError, Pool};
use crate::domain::access::Role;
use crate::domain::account::NewAccount;
use crate::domain::evidence::{parse_criteria, CaseNote, CaseNoteInput, DutyCheck, NewDocument};
use crate::domain::inspection::{
    parse_date, InspectionDates, InspectionKind, NewInspection, Status,
};
use crate::domain::partnership::NewPartnership;
use crate::domain::response::{is_shown, Answer, Answers, Presentation};
use crate::domain::survey::Channel;
use crate::domain::survey_form::{
    AnswerOption, Audience, Grouping, Question, QuestionType, SurveyForm, Tone,
};
use crate::domain::triage::Detector;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

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

    // Fenmoor's full inspection of 2025 gave outcome 3 and its report is final, so
    // its monitoring inspection carries the areas for priority action over.
    let fenmoor_icb = fenmoor
        .icbs
        .first()
        .map(|i| i.id)
        .ok_or(DbError::NotFound)?;
    finished_outcome_three(
        conn,
        catalogue,
        fenmoor.id,
        fenmoor_icb,
        lead,
        cqc,
        &admin_actor,
    )?;
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
            previous_inspection_on: Some(date("2025-06-16")?),
            lead_inspector_id: lead,
            inspector_ids: vec![],
        },
        &admin_actor,
    )?;
    Ok(main)
}

/// Fenmoor's earlier full inspection, already finished: findings with two areas
/// for priority action, outcome 3, one draft, made final. Its check by the
/// partnership happened before the demo's time, so it is not replayed here; the
/// Harrowdale inspection shows the check itself.
fn finished_outcome_three(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    partnership_id: i32,
    icb_id: i32,
    lead: i32,
    cqc: i32,
    admin: &crate::domain::access::Actor,
) -> Result<i32, AppError> {
    use crate::domain::findings::{FindingDraft, FindingForm};
    use crate::domain::outcome::Decision;
    let id = app::inspections::create(
        conn,
        &NewInspection {
            partnership_id,
            kind: InspectionKind::Full,
            dates: InspectionDates::new(
                date("2025-06-02")?,
                date("2025-06-16")?,
                date("2025-06-20")?,
            )
            .map_err(|e| DbError::Corrupt(format!("demo dates: {e}")))?,
            previous_inspection_on: Some(date("2019-03-04")?),
            lead_inspector_id: lead,
            inspector_ids: vec![cqc],
        },
        admin,
    )?;
    let inspection = db::inspections::find(conn, id)?.ok_or(DbError::NotFound)?;
    let bodies = app::report::bodies(&inspection);
    let criteria: Vec<String> = catalogue.framework.criterion_ids().into_iter().collect();
    let icb = format!("icb:{icb_id}");
    let findings = [
        ("A1", "area_for_priority_action", "Leaders across education, health and care do not know how long families wait for assessments, so they cannot plan to shorten the waits. They must find out, and act on what they find.", "council_and_icb", ""),
        ("B1", "area_for_priority_action", "Children and young people wait far too long for neurodevelopmental assessment, and nobody supports them or their families while they wait. Health leaders must cut these waits and offer help in the meantime.", icb.as_str(), ""),
        ("A3", "area_for_improvement", "Education, health and care plans are not reviewed each year as they should be, so many no longer describe what children and young people need.", "council", "council"),
        ("B2", "strength", "The parent carer forum is well led and speaks up for families.", "", ""),
    ];
    for (criterion, kind, text, responsible, addressed_to) in findings {
        let form = FindingForm {
            criterion,
            kind,
            text,
            evidence: vec![],
            responsible,
            responsible_other: "",
            addressed_to,
            in_hand: false,
            group: "",
        };
        let draft = FindingDraft::parse(&form, &criteria, &[], &bodies)
            .map_err(|e| demo_error(format!("finding on {criterion}: {e:?}")))?;
        app::report::add_finding(conn, id, &draft, lead)?;
    }
    let decision = Decision::parse(
        "3",
        "Waits for assessment are long and unmanaged, and leaders do not know their extent: a systemic failing that needs urgent action.",
    )
    .map_err(|e| demo_error(format!("{e:?}")))?;
    app::report::decide(conn, catalogue, id, &decision, lead)?;
    let threshold = u64::from(catalogue.framework.settings.suppression_threshold);
    let version = app::report::make_draft(conn, catalogue, id, threshold, "The final text", lead)?;
    // Straight to final, with its publication date: see the note above.
    db::inspections::set_status_if(conn, id, Status::Preparing, Status::Final)?;
    db::review::finalise(
        conn,
        id,
        version,
        date("2025-08-04")?,
        lead,
        date("2025-07-28")?
            .and_hms_opt(12, 0, 0)
            .ok_or(DbError::NotFound)?,
    )?;
    db::audit::record(
        conn,
        Some(lead),
        Some(id),
        "report.finalised",
        serde_json::json!({ "version": version, "published_on": "2025-08-04" }),
    )?;
    Ok(id)
}

/// The demo with its evidence: [`seed`], then [`populate`] the main inspection.
/// Returns the main inspection's id.
pub fn seed_with_evidence(pool: &Pool, catalogue: &Catalogue) -> Result<i32, AppError> {
    let main = seed(pool, catalogue)?;
    populate(pool, catalogue, main)?;
    judge(pool, catalogue, main)?;
    Ok(main)
}

// ---------------------------------------------------------------- judging and report

/// A finding of the demo: criterion, kind, text, who is responsible (form value),
/// leaders addressed (form value), whether already in hand.
struct DemoFinding {
    criterion: &'static str,
    kind: &'static str,
    text: &'static str,
    responsible: &'static str,
    addressed_to: &'static str,
    in_hand: bool,
}

const DEMO_FINDINGS: [DemoFinding; 6] = [
    DemoFinding {
        criterion: "A1",
        kind: "strength",
        text: "Health visitors and early years staff spot needs early, and families are put in touch with help quickly.",
        responsible: "",
        addressed_to: "",
        in_hand: false,
    },
    DemoFinding {
        criterion: "B2",
        kind: "strength",
        text: "The parent carer forum is treated as an equal partner, and its views have changed how services are planned.",
        responsible: "",
        addressed_to: "",
        in_hand: false,
    },
    DemoFinding {
        criterion: "B3",
        kind: "strength",
        text: "Leaders share an accurate picture of the area's needs, built from their own data and from what families tell them.",
        responsible: "",
        addressed_to: "",
        in_hand: false,
    },
    DemoFinding {
        criterion: "A3",
        kind: "area_for_improvement",
        text: "Leaders across the partnership should cut the time families wait for education, health and care needs assessments, so that plans are issued within 20 weeks.",
        responsible: "council_and_icb",
        addressed_to: "partnership",
        in_hand: false,
    },
    DemoFinding {
        criterion: "A4",
        kind: "area_for_improvement",
        text: "Health leaders should shorten the waits for speech and language therapy, so that children get help before they move school.",
        responsible: "icb",
        addressed_to: "health",
        in_hand: false,
    },
    DemoFinding {
        criterion: "D2",
        kind: "area_for_improvement",
        text: "The council's leaders should make sure that each annual review leads to the plan being updated promptly.",
        responsible: "council",
        addressed_to: "council",
        in_hand: true,
    },
];

/// Up to three pieces of evidence for a finding: items for its criterion, pointing the
/// finding's way where possible, of different kinds first.
fn evidence_for(
    items: &[crate::domain::matrix::EvidenceItem],
    criterion: &str,
    strength: bool,
) -> Vec<String> {
    use crate::domain::matrix::Leaning;
    let wanted = if strength {
        Leaning::Supports
    } else {
        Leaning::Challenges
    };
    let mut chosen: Vec<&crate::domain::matrix::EvidenceItem> = vec![];
    for pass in 0..2 {
        for item in items
            .iter()
            .filter(|i| i.criteria.iter().any(|c| c == criterion))
        {
            if chosen.len() >= 3 || chosen.iter().any(|c| c.reference == item.reference) {
                continue;
            }
            let new_kind = !chosen
                .iter()
                .any(|c| c.reference.kind() == item.reference.kind());
            let fits = item.leaning == wanted || item.leaning == Leaning::Context;
            if (pass == 0 && fits && new_kind) || (pass == 1 && item.leaning != Leaning::TooFew) {
                chosen.push(item);
            }
        }
    }
    chosen
        .iter()
        .map(|i| crate::domain::findings::evidence_key(&i.reference))
        .collect()
}

/// Take the main inspection on to judging: findings with their evidence, the
/// decided outcome with its rationale, the written sections, the particulars, an
/// easy-read summary, and two draft versions, so the report and the difference
/// between drafts can be opened at once. Everything goes through the real use cases.
pub fn judge(pool: &Pool, catalogue: &Catalogue, inspection_id: i32) -> Result<(), AppError> {
    use crate::domain::findings::{FindingDraft, FindingForm};
    use crate::domain::narrative::{self, Narrative};
    use crate::domain::outcome::Decision;
    use crate::domain::report::{BodyDetails, Particulars, SectionKind, TeamLine};
    let mut conn = pool.get().map_err(DbError::from)?;
    let conn = &mut *conn;
    let lead = lead_inspector(conn)?;
    // The inspection stays with its surveys open, so the demo's surveys can still be
    // answered; the findings pages warn that the evidence is not all in.
    let threshold = u64::from(catalogue.framework.settings.suppression_threshold);
    let j = app::report::judgement(conn, catalogue, inspection_id, threshold)?;
    let bodies = app::report::bodies(&j.inspection);
    let icb = bodies
        .icbs
        .first()
        .map(|(id, _)| format!("icb:{id}"))
        .unwrap_or_default();
    let criteria: Vec<String> = catalogue.framework.criterion_ids().into_iter().collect();
    let available: Vec<_> = j.items.iter().map(|i| i.reference.clone()).collect();
    let chartable: Vec<_> = app::report::charts(&j.gathered, threshold)?
        .into_keys()
        .collect();
    for f in &DEMO_FINDINGS {
        let evidence = evidence_for(&j.items, f.criterion, f.kind == "strength");
        let form = FindingForm {
            criterion: f.criterion,
            kind: f.kind,
            text: f.text,
            evidence: evidence.iter().map(String::as_str).collect(),
            responsible: if f.responsible == "icb" {
                &icb
            } else {
                f.responsible
            },
            responsible_other: "",
            addressed_to: f.addressed_to,
            in_hand: f.in_hand,
            group: "",
        };
        let draft = FindingDraft::parse(&form, &criteria, &available, &bodies)
            .map_err(|e| demo_error(format!("finding on {}: {e:?}", f.criterion)))?;
        app::report::add_finding(conn, inspection_id, &draft, lead)?;
    }
    let decision = Decision::parse(
        "2",
        "Families' experience varies too much: assessments are late and therapy waits are long, and the partnership is not yet acting on either. Strong early identification and co-production with the forum keep this from outcome 3.",
    )
    .map_err(|e| demo_error(format!("{e:?}")))?;
    app::report::decide(conn, catalogue, inspection_id, &decision, lead)?;

    // A chart of the parents' answers on getting help at the right time, if the
    // demo's surveys have such a question.
    let chart = j
        .items
        .iter()
        .find(|i| {
            i.criteria.iter().any(|c| c == "A3")
                && matches!(
                    i.reference,
                    crate::domain::matrix::EvidenceRef::SurveyItem { .. }
                )
        })
        .map(|i| format!("[[chart:{}]]", narrative::chart_key(&i.reference)));
    let cite = |criterion: &str, kind: crate::domain::matrix::SourceKind| {
        j.items
            .iter()
            .find(|i| i.criteria.iter().any(|c| c == criterion) && i.reference.kind() == kind)
            .map(|i| {
                format!(
                    " [[{}]]",
                    crate::domain::findings::evidence_key(&i.reference)
                )
            })
            .unwrap_or_default()
    };
    use crate::domain::matrix::SourceKind as K;
    let experience = format!(
        "Most young children with SEND in Harrowdale have their needs noticed early, and their families know where to turn.{}\n\nOnce a family asks for an assessment, the wait is too long. Many plans arrive well after 20 weeks.{}\n\n{}\n\nChildren who need speech and language therapy often wait months, and some move school before help starts.{}",
        cite("A1", K::SurveyItems),
        cite("A3", K::Indicators),
        chart.unwrap_or_default(),
        cite("A4", K::CaseNotes),
    );
    let sections = [
        (SectionKind::PartnershipInformation, "Harrowdale Council and the Harrowdale and Fenmoor Integrated Care Board share responsibility for SEND services in Harrowdale.\n\nA new director of children's services started in 2025. The council commissions alternative provision for the area.".to_string()),
        (SectionKind::Experience, experience),
        (SectionKind::Effective, "Health visitors and early years staff spot needs early and put families in touch with help quickly.\n\nThe parent carer forum is an equal partner; its views have changed how services are planned.\n\nLeaders have an accurate picture of the area's needs.".to_string()),
        (SectionKind::Better, "Too many education, health and care plans are issued late.\n\nWaits for speech and language therapy are too long.".to_string()),
    ];
    for (kind, text) in &sections {
        let revised = narrative::revise(
            &Narrative::default(),
            text,
            kind.as_str(),
            &available,
            &chartable,
        )
        .map_err(|e| demo_error(format!("{}: {e:?}", kind.as_str())))?;
        app::report::save_narrative(
            conn,
            inspection_id,
            *kind,
            &revised,
            &Narrative::default().revision(),
            lead,
        )?;
    }
    let mut icbs = std::collections::BTreeMap::new();
    for (id, _) in &bodies.icbs {
        icbs.insert(
            *id,
            BodyDetails {
                leader: "Dr Morgan Quayle (demo), chief executive".into(),
                website: "www.harrowdale-fenmoor-icb.example".into(),
                address: "Riverside House, Harrowdale HD1 2ZZ".into(),
            },
        );
    }
    let particulars = Particulars {
        partnership_name: "Harrowdale Local Area Partnership".into(),
        council: BodyDetails {
            leader: "Alex Brightwell (demo), director of children's services".into(),
            website: "www.harrowdale.example".into(),
            address: "Town Hall, Market Square, Harrowdale HD1 1AA".into(),
        },
        icbs,
        team: vec![
            TeamLine {
                name: "Robin Ashdown (demo)".into(),
                role: "His Majesty's Inspector, Ofsted lead inspector".into(),
            },
            TeamLine {
                name: "Kit Marlowe-Field (demo)".into(),
                role: "CQC lead inspector".into(),
            },
        ],
    };
    app::report::save_particulars(conn, inspection_id, &particulars, lead)?;
    let rows: Vec<(String, String, String)> = [
        (
            "Inspectors looked at help for children with SEND in Harrowdale.",
            "people",
        ),
        ("Many children get help early. This is going well.", "yes"),
        ("Some families wait too long for a plan.", "waiting"),
        ("The council and the NHS must make plans on time.", "plan"),
    ]
    .iter()
    .map(|(t, s)| (String::new(), t.to_string(), s.to_string()))
    .collect();
    let (points, next) = crate::domain::easy_read::revise(&[], 1, &rows)
        .map_err(|e| demo_error(format!("easy read: {e:?}")))?;
    app::report::save_easy_read(
        conn,
        inspection_id,
        &points,
        next,
        &app::report::easy_read_revision(&[], 1),
        lead,
    )?;
    app::report::make_draft(
        conn,
        catalogue,
        inspection_id,
        threshold,
        "First draft for the team",
        lead,
    )?;

    // A second draft: one paragraph reworded, one added, so the comparison shows both.
    let better = db::report::narrative(conn, inspection_id, SectionKind::Better.as_str())?;
    let revised = narrative::revise(
        &better,
        "Too many education, health and care plans are issued late, and families are not told why.\n\nWaits for speech and language therapy are too long.\n\nYoung people preparing for adulthood are not always given the information they need.",
        SectionKind::Better.as_str(),
        &available,
        &chartable,
    )
    .map_err(|e| demo_error(format!("{e:?}")))?;
    app::report::save_narrative(
        conn,
        inspection_id,
        SectionKind::Better,
        &revised,
        &better.revision(),
        lead,
    )?;
    app::report::make_draft(
        conn,
        catalogue,
        inspection_id,
        threshold,
        "After the team's review",
        lead,
    )?;
    Ok(())
}

// ---------------------------------------------------------------- evidence

/// The demo's files, built into the binary so that the demo runs from any folder.
/// The DfE-layout files hold invented rows for Harrowdale beside the real England and
/// East Midlands rows of the published samples (see demo/README.md). The 2022 release
/// comes first, so the newer release's figures are the ones kept where both give a year.
const DFE_FILES: [(&str, &[u8]); 4] = [
    ("sen2_mi.csv", include_bytes!("../demo/sen2_mi.csv")),
    (
        "timeliness_20_week.csv",
        include_bytes!("../demo/timeliness_20_week.csv"),
    ),
    (
        "annual_reviews.csv",
        include_bytes!("../demo/annual_reviews.csv"),
    ),
    (
        "sen2_dmo_dco.csv",
        include_bytes!("../demo/sen2_dmo_dco.csv"),
    ),
];
const LOCAL_DATA: (&str, &[u8]) = ("local-data.csv", include_bytes!("../demo/local-data.csv"));
const SELF_EVALUATION: &[u8] = include_bytes!("../demo/self-evaluation.pdf");
const STRATEGY: &[u8] = include_bytes!("../demo/send-strategy.docx");

/// Well above any demo file, whatever upload limit the service is set to.
const FILE_LIMIT: usize = 4 << 20;

/// What [`populate`] added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Populated {
    /// Responses sent, by form id.
    pub responses: Vec<(String, usize)>,
    /// Free-text answers among them.
    pub free_text: usize,
    /// Statistics stored, DfE and local.
    pub indicator_values: usize,
    pub duties: usize,
    pub documents: usize,
    pub case_notes: usize,
}

fn demo_error(what: impl std::fmt::Display) -> AppError {
    DbError::Corrupt(format!("demo data: {what}")).into()
}

/// Fill an inspection made by [`seed`] with evidence, so that the matrix, the charts
/// and the free-text queue have something to show: a few hundred generated survey
/// responses (the same every time), the demo's statistics files read by the real
/// importers, the statutory duties, two documents and some case notes. A demo file
/// the importers refuse, or read with problems, is an error: the demo must not start
/// half-filled.
pub fn populate(
    pool: &Pool,
    catalogue: &Catalogue,
    inspection_id: i32,
) -> Result<Populated, AppError> {
    let started = std::time::Instant::now();
    let mut conn = pool.get().map_err(DbError::from)?;
    // One transaction: thousands of small writes cost one commit, and a failure
    // leaves nothing half-done.
    let populated = diesel::Connection::transaction(&mut *conn, |conn| {
        let lead = lead_inspector(conn)?;
        let indicator_values = import_statistics(conn, catalogue, inspection_id, lead)?;
        let duties = record_duties(conn, catalogue, inspection_id, lead)?;
        let documents = add_documents(conn, catalogue, inspection_id, lead)?;
        let case_notes = add_case_notes(conn, catalogue, inspection_id, lead)?;
        let (responses, free_text) = send_responses(conn, catalogue, inspection_id)?;
        Ok::<_, AppError>(Populated {
            responses,
            free_text,
            indicator_values,
            duties,
            documents,
            case_notes,
        })
    })?;
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        ?populated,
        "demo evidence added"
    );
    Ok(populated)
}

/// The demo's lead inspector, who records the evidence.
fn lead_inspector(conn: &mut db::DbConnection) -> Result<i32, AppError> {
    let email = crate::domain::account::Email::parse(ACCOUNTS[0].email)?;
    Ok(db::users::find_by_email(conn, &email)?
        .ok_or(AppError::NotFound)?
        .id)
}

/// Import the DfE-layout files and the local data file as the web does: each read
/// whole first, then stored. Returns the number of values the inspection then holds
/// (a later file replaces an earlier one's values for the same indicator and period).
fn import_statistics(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    actor: i32,
) -> Result<usize, AppError> {
    use crate::domain::indicator::Level;
    use crate::import::dfe::Skip;
    for (name, bytes) in DFE_FILES {
        // Each file as its own upload: what an earlier one taught (the region) counts.
        let area = app::evidence::area_of(conn, inspection_id)?;
        let reading =
            crate::import::dfe::read(&catalogue.indicators, name, bytes, &area, FILE_LIMIT)
                .map_err(|refusal| demo_error(format!("{name} was refused: {refusal}")))?;
        let report = &reading.report;
        let trouble = if !report.problems.is_empty() {
            Some(format!("{} problem(s)", report.problems.len()))
        } else if !report.missing.is_empty() {
            Some(format!("no column for {}", report.missing.join(", ")))
        } else if report
            .skipped
            .iter()
            .any(|(s, _)| *s == Skip::RegionNotKnown)
        {
            Some("regional rows skipped".into())
        } else if !reading
            .values
            .iter()
            .any(|v| v.level == Level::LocalAuthority)
        {
            Some("no values for Harrowdale".into())
        } else {
            None
        };
        if let Some(trouble) = trouble {
            return Err(demo_error(format!(
                "{name}: {trouble}: {}",
                report.summary()
            )));
        }
        let sha = app::evidence::sha256_hex(bytes);
        app::evidence::store_dfe(conn, inspection_id, &sha, &reading, Some(actor))?;
    }
    let (name, bytes) = LOCAL_DATA;
    let reading = crate::import::local::read(&catalogue.indicators, bytes, FILE_LIMIT)
        .map_err(|refusal| demo_error(format!("{name} was refused: {refusal}")))?;
    if let Some(problem) = reading.problems.first() {
        return Err(demo_error(format!(
            "{name} line {}: {}",
            problem.line, problem.message
        )));
    }
    if reading.blank > 0 || reading.values.is_empty() {
        return Err(demo_error(format!(
            "{name} leaves {} line(s) blank",
            reading.blank
        )));
    }
    let sha = app::evidence::sha256_hex(bytes);
    app::evidence::store_local(conn, inspection_id, name, &sha, &reading, Some(actor))?;
    let stored = db::indicators::count(conn, inspection_id)?;
    usize::try_from(stored).map_err(demo_error)
}

/// Each statutory duty (framework part D) with a status, what shows it and a note.
const DUTIES: [(&str, &str, &str, &str); 6] = [
    (
        "D1",
        "not_met",
        "DfE statistics: 33.5% of new plans issued within 20 weeks in 2024 (exceptions excluded), down from 71.2% in 2019; region 39%, England 46.4%. The council's tracker shows 48% for April to June 2025.",
        "Recovery plan seen; ask how it is resourced. Sample late plans through case tracking.",
    ),
    (
        "D2",
        "partly",
        "2024: 369 of the 2,190 plans due a review had no review meeting; 40.4% of decisions were made within 4 weeks of the meeting (region 54.9%).",
        "Reviews for children in special schools are mostly on time; the gaps are in mainstream secondary.",
    ),
    (
        "D3",
        "met",
        "All 214 plans of children moving phase in September 2025 were amended by 15 February, checked against the council's transfer tracker.",
        "",
    ),
    (
        "D4",
        "met",
        "Local Offer website reviewed on the first day on site: updated every quarter, with a yearly 'you said, we did' report written with the parent carer forum.",
        "Search is weak; parents' survey answers say so too.",
    ),
    (
        "D5",
        "not_known",
        "",
        "Meeting with the ICB's commissioning lead on day two: ask about pooled budgets for therapies.",
    ),
    (
        "D6",
        "met",
        "Designated medical officer in post since 2022 (DfE return), designated clinical officer in post; job description with protected time seen.",
        "",
    ),
];

fn record_duties(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    actor: i32,
) -> Result<usize, AppError> {
    let duties: Vec<String> = catalogue
        .framework
        .areas
        .iter()
        .filter(|a| a.id == "D")
        .flat_map(|a| a.criteria.iter().map(|c| c.id.clone()))
        .collect();
    for duty in &duties {
        // A duty the demo has no words for (a changed framework) is still listed.
        let (status, evidence, note) = DUTIES
            .iter()
            .find(|(id, ..)| id == duty)
            .map(|(_, s, e, n)| (*s, *e, *n))
            .unwrap_or(("not_known", "", ""));
        let check = DutyCheck::parse(duty, &duties, status, evidence, note)
            .map_err(|e| demo_error(format!("duty {duty}: {e}")))?;
        app::evidence::record_duty(conn, inspection_id, &check, actor)?;
    }
    Ok(duties.len())
}

/// A document as the upload form would give it.
struct DemoDocument {
    title: &'static str,
    kind: &'static str,
    criteria: &'static [&'static str],
    file_name: &'static str,
    bytes: &'static [u8],
}

const DOCUMENTS: [DemoDocument; 2] = [
    DemoDocument {
        title: "Self-evaluation summary, September 2025",
        kind: "self_evaluation",
        criteria: &["A1", "A3", "B5", "C1", "D1", "D2", "D6"],
        file_name: "harrowdale-self-evaluation.pdf",
        bytes: SELF_EVALUATION,
    },
    DemoDocument {
        title: "SEND and alternative provision strategy 2025 to 2028",
        kind: "strategy",
        criteria: &["B1", "B2", "B4", "C1", "D5"],
        file_name: "harrowdale-send-strategy.docx",
        bytes: STRATEGY,
    },
];

fn add_documents(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    actor: i32,
) -> Result<usize, AppError> {
    let known = catalogue.framework.criterion_ids();
    for d in &DOCUMENTS {
        // As an upload: the type is what the content shows, not what the name says.
        let doc = parse_criteria(d.criteria, &known)
            .and_then(|criteria| {
                NewDocument::parse(
                    d.title,
                    d.kind,
                    criteria,
                    d.file_name,
                    d.bytes,
                    infer::get(d.bytes).map(|t| t.mime_type()),
                    FILE_LIMIT,
                )
            })
            .map_err(|e| demo_error(format!("{}: {e}", d.file_name)))?;
        app::evidence::add_document(conn, inspection_id, &doc, d.bytes, actor)?;
    }
    Ok(DOCUMENTS.len())
}

/// A case note as the form would give it, with the criteria it is tagged with.
struct DemoCase {
    input: CaseNoteInput<'static>,
    criteria: &'static [&'static str],
}

/// Pseudonymous, as the service requires: references and roles, never names.
const CASE_NOTES: [DemoCase; 6] = [
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-01",
            age_band: "5 to 10",
            need: "Autism; speech, language and communication",
            setting: "Mainstream primary",
            support: "ehc_plan",
            findings: "The school asked for an assessment in reception; the plan was issued at week 31. The family waited 14 months for an autism assessment. Speech and language therapy is in the plan but has not started because the therapist post is vacant. The class teacher and the SENCO are why the placement is holding, in mum's words.",
            bearing: "challenges",
        },
        criteria: &["A1", "A3", "D1"],
    },
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-02",
            age_band: "11 to 15",
            need: "Social, emotional and mental health",
            setting: "Alternative provision (unregistered, three mornings a week)",
            support: "ehc_plan",
            findings: "Placed in unregistered provision since January with no safety visit recorded until May. Attendance is not reported to the council each week. The young person says staff are kind but the work is too easy. The placement review was six weeks late and set no end date.",
            bearing: "challenges",
        },
        criteria: &["C1", "A3"],
    },
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-03",
            age_band: "16 to 19",
            need: "Moderate learning difficulty",
            setting: "Further education college, supported internship",
            support: "ehc_plan",
            findings: "Preparing-for-adulthood outcomes were written with the young person at the Year 9 review and updated every year since. A supported internship with a job coach began in September after travel training. The last annual review was on time and the plan amended within four weeks.",
            bearing: "supports",
        },
        criteria: &["A4", "D2"],
    },
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-04",
            age_band: "5 to 10",
            need: "Speech, language and communication",
            setting: "Mainstream primary",
            support: "sen_support",
            findings: "SEN support plan reviewed each term with the parents. An early language programme started in nursery and progress is tracked and shared with home. The parents feel listened to; no request for assessment has been needed.",
            bearing: "supports",
        },
        criteria: &["A1", "A2"],
    },
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-05",
            age_band: "11 to 15",
            need: "Physical disability and medical needs",
            setting: "Special school",
            support: "ehc_plan",
            findings: "The annual review meeting was held, but the amended plan took five months and its health advice dates from 2022. The family tell their story again to every new professional. A wheelchair came after a nine-month wait.",
            bearing: "challenges",
        },
        criteria: &["D2", "A3", "B6"],
    },
    DemoCase {
        input: CaseNoteInput {
            case_ref: "HD-CT-06",
            age_band: "Under 5",
            need: "Hearing impairment",
            setting: "Private nursery",
            support: "not_known",
            findings: "Found by newborn screening. The sensory support teacher visits the nursery every fortnight and the family have joined a local group for deaf children. Whether to ask for an assessment before school is not yet decided.",
            bearing: "neutral",
        },
        criteria: &["A1", "A5"],
    },
];

fn add_case_notes(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
    actor: i32,
) -> Result<usize, AppError> {
    let known = catalogue.framework.criterion_ids();
    let detector = Detector::new();
    for case in &CASE_NOTES {
        // The same check as a typed note: a note the detector thinks names someone fails.
        let note = parse_criteria(case.criteria, &known)
            .and_then(|criteria| CaseNote::parse(&case.input, criteria, |t| detector.person_in(t)))
            .map_err(|e| demo_error(format!("case note {}: {e}", case.input.case_ref)))?;
        app::evidence::add_case_note(conn, inspection_id, &note, actor)?;
    }
    Ok(CASE_NOTES.len())
}

// ---------------------------------------------------------------- responses

/// How many respondents each audience has: enough for breakdowns with groups on both
/// sides of the suppression threshold.
fn respondents(audience: Audience) -> usize {
    match audience {
        Audience::ChildrenAndYoungPeople => 180,
        Audience::ParentsAndCarers => 120,
        Audience::Practitioners => 60,
    }
}

/// The free-text answers each audience writes: (which free-text question of the form,
/// counted from 0, and the text). Some hold invented personal data and a few read as
/// possible safeguarding disclosures, for the triage queue.
fn free_texts(audience: Audience) -> &'static [(usize, &'static str)] {
    match audience {
        Audience::ChildrenAndYoungPeople => &[
            (0, "More quiet places at lunch. The hall is too loud for me."),
            (0, "I like my helper in class, she reads with me every day."),
            (0, "My speech therapist stopped coming and nobody told me why."),
            (0, "I want to go to the college my friends go to, not one that is far away."),
            (0, "Mr Haddon in Year 5 at Harrowdale Vale Primary shouts when I get things wrong."),
            (0, "I feel scared at home when my stepdad gets angry and I don't want to go back there."),
            (0, "The bus to my school takes more than an hour each way so I am tired all the time."),
            (0, "Sometimes I want to hurt myself when school is too much."),
            (0, "An older boy at the park takes my money and says he will hurt me if I tell anyone."),
            (0, "Help with my feelings sooner. The waiting list to talk to someone is very long."),
        ],
        Audience::ParentsAndCarers => &[
            (0, "The SENCO at our school is brilliant, and the parent carer forum helped us understand the EHC process."),
            (1, "It took 38 weeks to get the plan and we had to chase every step."),
            (1, "Please call me on 07700 900418 about my son's plan. Nobody answers the SEND team's phone."),
            (0, "Our daughter Maisie is in Year 3 at St Aldhelm's Primary and her teacher has been wonderful."),
            (2, "Therapy was written into the plan but has never been delivered."),
            (1, "The annual review was held but we never received the amended plan."),
            (2, "My son came home from his alternative provision with bruises and says a member of staff pushed him into a wall."),
            (0, "The short breaks service has been a lifeline for our whole family."),
            (1, "The Local Offer website is out of date and hard to search."),
            (2, "You can email me at sam.parent@example.org if you want more detail."),
            (1, "School and health do not talk to each other, so we repeat our story every time."),
        ],
        Audience::Practitioners => &[
            (0, "The multi-agency panel meets weekly now and decisions are quicker than last year."),
            (1, "Caseloads for EHC coordinators are too high to do reviews properly."),
            (1, "We need one register of alternative provision and a clear answer on who checks it."),
            (0, "Autism training from the outreach team was excellent and very practical."),
            (1, "Health advice for assessments arrives late. Contact Dr Priya Nandra on 01632 960552 for the details."),
            (1, "Speech and language therapy waits are so long that some families give up."),
        ],
    }
}

/// Relative weights of the answers to grouping and other neutral questions, by
/// answer id; answers not listed weigh 10. Small weights make small groups, which
/// the results must suppress.
const WEIGHTS: [(&str, u32); 40] = [
    ("under_5", 8),
    ("age_5_to_10", 34),
    ("age_11_to_15", 40),
    ("age_16_to_19", 22),
    ("age_20_to_25", 2),
    ("rather_not_say", 2),
    ("learning", 25),
    ("communication", 30),
    ("feelings", 25),
    ("physical_sensory", 8),
    ("cognition_learning", 25),
    ("communication_interaction", 30),
    ("social_emotional_mental_health", 25),
    ("sensory_physical", 8),
    ("other", 3),
    ("ehc_plan", 45),
    ("assessment_requested", 10),
    ("sen_support", 35),
    ("none", 4),
    ("not_sure", 6),
    ("early_years", 6),
    ("mainstream_school", 50),
    ("special_school", 22),
    ("college", 10),
    ("alternative_provision", 7),
    ("not_in_education", 2),
    ("parent_carer", 85),
    ("parent_carer_also_practitioner", 12),
    ("practitioner", 3),
    ("teacher", 14),
    ("senco", 14),
    ("health", 10),
    ("social_care", 8),
    ("council_send", 6),
    ("under_1_year", 6),
    ("years_1_to_3", 14),
    ("years_4_to_10", 22),
    ("over_10_years", 18),
    ("yes", 55),
    ("no", 35),
];

/// A practitioner's sector follows from their role.
const SECTOR_OF_ROLE: [(&str, &str); 7] = [
    ("teacher", "education"),
    ("senco", "education"),
    ("early_years", "education"),
    ("health", "health"),
    ("social_care", "social_care"),
    ("council_send", "other"),
    ("other", "other"),
];

/// How much more (or less) favourably a question is answered than the respondent's
/// mood, by question id: the demo area is slow with plans and health waits, better
/// at listening. Unlisted questions: 0.
const LEANING: [(&str, f64); 16] = [
    ("plan_within_20_weeks", -0.2),
    ("ehc_plans_timely", -0.2),
    ("health_support", -0.2),
    ("health_help", -0.15),
    ("right_help_right_time", -0.15),
    ("help_when_needed", -0.1),
    ("annual_review", -0.1),
    ("annual_reviews", -0.15),
    ("alternative_provision", -0.2),
    ("ap_oversight", -0.25),
    ("local_offer_useful", -0.1),
    ("listened_to", 0.1),
    ("adults_understand", 0.15),
    ("co_production", 0.1),
    ("leaders_ambition", 0.1),
    ("training_support", 0.05),
];

/// How an answer to a grouping question moves the mood of the rest of the response.
const MOOD_OF_GROUP: [(&str, f64); 3] = [
    ("alternative_provision", -0.15),
    ("special_school", 0.08),
    ("not_in_education", -0.2),
];

fn weight_of(id: &str) -> u32 {
    WEIGHTS
        .iter()
        .find(|(w, _)| *w == id)
        .map(|(_, n)| *n)
        .unwrap_or(10)
}

/// One of `options` at random, by weight.
fn pick<'a>(rng: &mut StdRng, options: &[&'a AnswerOption]) -> Option<&'a AnswerOption> {
    let total: u32 = options.iter().map(|o| weight_of(&o.id)).sum();
    if total == 0 {
        return None;
    }
    let mut at = rng.gen_range(0..total);
    for o in options {
        let w = weight_of(&o.id);
        if at < w {
            return Some(o);
        }
        at -= w;
    }
    None
}

/// The answer to a grouping question (who the respondent is).
fn about_you(
    form: &SurveyForm,
    q: &Question,
    answers: &Answers,
    rng: &mut StdRng,
) -> Option<Answer> {
    let options: Vec<&AnswerOption> = form.options_of(q).iter().collect();
    if q.grouping == Some(Grouping::Sector) {
        let role = form
            .questions()
            .find(|(_, r)| r.grouping == Some(Grouping::Role))
            .and_then(|(_, r)| answers.get(&r.id));
        if let Some(Answer::Choice(role)) = role {
            let sector = SECTOR_OF_ROLE.iter().find(|(r, _)| r == role);
            if let Some((_, sector)) = sector.filter(|(_, s)| options.iter().any(|o| o.id == *s)) {
                return Some(Answer::Choice((*sector).to_string()));
            }
        }
    }
    if q.kind == QuestionType::MultipleChoice {
        let real: Vec<&AnswerOption> = options
            .iter()
            .copied()
            .filter(|o| o.id != "rather_not_say" && !o.dont_know)
            .collect();
        if rng.gen_bool(0.03) {
            if let Some(o) = options.iter().find(|o| o.id == "rather_not_say") {
                return Some(Answer::Choices(vec![o.id.clone()]));
            }
        }
        let how_many = match rng.gen_range(0..100) {
            0..=64 => 1,
            65..=92 => 2,
            _ => 3,
        };
        let mut chosen: Vec<String> = vec![];
        for _ in 0..how_many * 3 {
            if chosen.len() == how_many {
                break;
            }
            if let Some(o) = pick(rng, &real) {
                if !chosen.contains(&o.id) {
                    chosen.push(o.id.clone());
                }
            }
        }
        // In the form's order, as the pages would send them.
        chosen.sort_by_key(|c| options.iter().position(|o| &o.id == c));
        return (!chosen.is_empty()).then_some(Answer::Choices(chosen));
    }
    pick(rng, &options).map(|o| Answer::Choice(o.id.clone()))
}

/// Shares of "don't know" and of neutral answers to a question of opinion: enough
/// that most counts clear the suppression threshold, so most items say something.
const DONT_KNOW: f64 = 0.07;
const NEUTRAL: f64 = 0.12;

/// Questions some children find hard: "I don't understand" is chosen there (often
/// enough to be shown), and nowhere else.
const HARD_FOR_SOME: [&str; 2] = ["noticed_early", "ready_next_step"];

/// The answer to a question of opinion, leaning with the respondent's mood.
fn opinion(form: &SurveyForm, q: &Question, mood: f64, rng: &mut StdRng) -> Option<Answer> {
    let options: Vec<&AnswerOption> = form.options_of(q).iter().collect();
    if form.presentation.offer_dont_understand
        && HARD_FOR_SOME.contains(&q.id.as_str())
        && rng.gen_bool(0.08)
    {
        if let Some(d) = &form.presentation.dont_understand {
            return Some(Answer::Choice(d.id.clone()));
        }
    }
    if !form.is_directional(q) {
        return pick(rng, &options).map(|o| Answer::Choice(o.id.clone()));
    }
    let leaning = LEANING
        .iter()
        .find(|(id, _)| *id == q.id)
        .map(|(_, l)| *l)
        .unwrap_or(0.0);
    let roll: f64 = rng.gen();
    let side = if rng.gen_bool((mood + leaning).clamp(0.05, 0.95)) {
        Tone::Favourable
    } else {
        Tone::Unfavourable
    };
    let of = |keep: &dyn Fn(&AnswerOption) -> bool| -> Vec<&AnswerOption> {
        options.iter().copied().filter(|o| keep(o)).collect()
    };
    let dont_know = of(&|o| o.dont_know);
    let neutral = of(&|o| o.tone.is_none() && !o.dont_know);
    let candidates = match of(&|o| o.tone == Some(side)) {
        _ if roll < DONT_KNOW && !dont_know.is_empty() => dont_know,
        _ if roll < DONT_KNOW + NEUTRAL && !neutral.is_empty() => neutral,
        toned if !toned.is_empty() => toned,
        _ => options,
    };
    let i = rng.gen_range(0..candidates.len().max(1));
    candidates.get(i).map(|o| Answer::Choice(o.id.clone()))
}

/// One respondent's answers to `form`: every question shown, in order, with a few
/// skipped, and `text` (free-text question index, text) where given.
fn answers_for(
    form: &SurveyForm,
    mut mood: f64,
    text: Option<(usize, &str)>,
    rng: &mut StdRng,
) -> Answers {
    let free_text: Vec<&str> = form
        .questions()
        .filter(|(_, q)| q.kind == QuestionType::FreeText)
        .map(|(_, q)| q.id.as_str())
        .collect();
    let text = text.and_then(|(slot, t)| {
        free_text
            .get(slot.min(free_text.len().saturating_sub(1)))
            .map(|id| (*id, t))
    });
    let mut answers = Answers::new();
    for (_, q) in form.questions() {
        if !is_shown(q, &answers) {
            continue;
        }
        let answer = match q.kind {
            QuestionType::FreeText => text
                .filter(|(id, _)| *id == q.id)
                .map(|(_, t)| Answer::Text(t.to_string())),
            // Questions of opinion are sometimes skipped; the ones about who is
            // answering are not, since a "not answered" group of two or three makes
            // suppression hide most of a survey.
            _ if q.grouping.is_none() && rng.gen_bool(0.04) => None,
            QuestionType::Number => {
                let (min, max) = (q.min.unwrap_or(0), q.max.unwrap_or(10));
                (min <= max).then(|| Answer::Number(rng.gen_range(min..=max)))
            }
            _ if q.grouping.is_some() => {
                let a = about_you(form, q, &answers, rng);
                if let Some(Answer::Choice(c)) = &a {
                    mood += MOOD_OF_GROUP
                        .iter()
                        .find(|(id, _)| id == c)
                        .map(|(_, m)| *m)
                        .unwrap_or(0.0);
                }
                a
            }
            _ => opinion(form, q, mood, rng),
        };
        if let Some(a) = answer {
            answers.insert(q.id.clone(), a);
        }
    }
    answers
}

/// Send the generated responses to each survey of the inspection through
/// `app::responses` (start, save, submit), so that tallies and the free-text triage
/// are written as for any respondent. Returns responses sent by form id, and the
/// number of free-text answers.
fn send_responses(
    conn: &mut db::DbConnection,
    catalogue: &Catalogue,
    inspection_id: i32,
) -> Result<(Vec<(String, usize)>, usize), AppError> {
    let detector = Detector::new();
    let mut sent = vec![];
    let mut free_text = 0;
    for (n, survey) in db::surveys::for_inspection(conn, inspection_id)?
        .into_iter()
        .enumerate()
    {
        let compiled = catalogue
            .form(&survey.form)
            .ok_or_else(|| demo_error(format!("no form {}", survey.form.id)))?;
        let form = &compiled.form;
        let children = form.audience == Audience::ChildrenAndYoungPeople;
        // The same answers every time, but not the same for each survey.
        let mut rng = StdRng::seed_from_u64(0x4841_5252 + n as u64);
        let count = respondents(form.audience);
        let texts = free_texts(form.audience);
        let base = match form.audience {
            Audience::ChildrenAndYoungPeople => 0.62,
            Audience::ParentsAndCarers => 0.48,
            Audience::Practitioners => 0.55,
        };
        let second_language = form
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .find(|c| *c != "en");
        for i in 0..count {
            // Texts spread evenly through the respondents.
            let text = texts
                .iter()
                .enumerate()
                .find(|(k, _)| (2 * k + 1) * count / (2 * texts.len().max(1)) == i)
                .map(|(_, t)| *t);
            let mood = base + rng.gen_range(-0.2..0.2) + rng.gen_range(-0.1..0.1);
            let answers = answers_for(form, mood, text, &mut rng);
            let channel = match form.audience {
                Audience::ChildrenAndYoungPeople if rng.gen_bool(0.55) => Channel::Kiosk,
                Audience::ParentsAndCarers if rng.gen_bool(0.15) => Channel::Kiosk,
                _ => Channel::OpenLink,
            };
            let language = match second_language {
                Some(code) if rng.gen_bool(0.04) => code,
                _ => "en",
            };
            let presentation = Presentation {
                easy_read: children && form.presentation.easy_read && rng.gen_bool(0.3),
                symbols: children && form.presentation.symbols && rng.gen_bool(0.2),
                read_aloud: form.presentation.read_aloud && rng.gen_bool(0.08),
                ..Presentation::default()
            };
            let helped = children && rng.gen_bool(0.35);
            let origin = db::surveys::Origin {
                survey_id: survey.id,
                channel,
                setting_id: None,
                invitation_key: None,
            };
            let (id, _code) =
                app::responses::start(conn, origin, language, app::responses::new_resume_code)?;
            app::responses::save(conn, id, language, &presentation, &answers, helped)?;
            let response = db::surveys::load(conn, survey.id, id)?.ok_or(AppError::NotFound)?;
            app::responses::submit(conn, compiled, &response, &answers, |t| detector.flags(t))?
                .map_err(|failed| {
                    demo_error(format!(
                        "a {} response failed its gate at {}",
                        form.id,
                        failed.0.join(", ")
                    ))
                })?;
            free_text += answers
                .values()
                .filter(|a| matches!(a, Answer::Text(_)))
                .count();
        }
        sent.push((form.id.clone(), count));
    }
    Ok((sent, free_text))
}

// ---------------------------------------------------------------- distribution

/// The demo's settings: a school and the parent carer forum, each with its own links
/// and posters.
const DEMO_SETTINGS: [(&str, &str); 2] = [
    ("Oakfield Primary School", "school"),
    ("Harrowdale Parent Carer Forum", "parent_carer_forum"),
];

/// The demo's invitee list, as a partnership would send it (invented addresses on a
/// reserved domain that can receive nothing).
pub const DEMO_INVITEES: &str = "\u{feff}email,audience,setting\r\n\
parent.one@demo.area-send.test,parents,Harrowdale Parent Carer Forum\r\n\
parent.two@demo.area-send.test,parents,Harrowdale Parent Carer Forum\r\n\
parent.three@demo.area-send.test,parents,Oakfield Primary School\r\n\
parent.four@demo.area-send.test,parents,\r\n\
parent.five@demo.area-send.test,parents,\r\n\
senco@demo.area-send.test,practitioners,Oakfield Primary School\r\n\
health.visitor@demo.area-send.test,practitioners,\r\n\
social.worker@demo.area-send.test,practitioners,\r\n";

/// Distribute the demo inspection's surveys: two settings with their links, closing
/// times two weeks away, the invitee list imported, and one round of reminders
/// queued straight after. The running service writes all of these emails to the
/// demo outbox folder as it starts.
pub fn distribute(
    pool: &Pool,
    catalogue: &Catalogue,
    mailing: &app::distribution::Mailing<'_>,
    inspection_id: i32,
) -> Result<usize, AppError> {
    use crate::domain::outbox::Reminders;
    use crate::domain::schedule::Schedule;
    let mut conn = pool.get().map_err(DbError::from)?;
    let conn = &mut *conn;
    let lead = db::users::find_by_email(
        conn,
        &crate::domain::account::Email::parse(ACCOUNTS[0].email)
            .map_err(|e| demo_error(e.to_string()))?,
    )?
    .ok_or(AppError::NotFound)?
    .actor();
    for (name, kind) in DEMO_SETTINGS {
        app::distribution::add_setting(conn, &lead, inspection_id, name, kind)?;
    }
    let closes = db::now() + chrono::Duration::days(14);
    for survey in db::surveys::for_inspection(conn, inspection_id)? {
        app::distribution::set_schedule(
            conn,
            &lead,
            catalogue,
            mailing,
            inspection_id,
            survey.id,
            Schedule {
                opens_at: None,
                closes_at: Some(closes),
            },
        )?;
    }
    let imported = app::distribution::import_invitees(
        conn,
        Some(&lead),
        catalogue,
        mailing,
        inspection_id,
        "demo-invitees.csv",
        DEMO_INVITEES.as_bytes(),
        64 * 1024,
        false,
    )?
    .map_err(|refusal| demo_error(refusal.to_string()))?;
    if !imported.report.problems.is_empty() {
        return Err(demo_error(format!(
            "the demo invitee list has problems: {:?}",
            imported.report.problems
        )));
    }
    // One round of reminders, as if their interval had passed.
    let round = Reminders {
        most: 1,
        interval: chrono::Duration::zero(),
    };
    app::distribution::send_reminders(conn, catalogue, mailing, round, db::now(), 1_000)?;
    Ok(imported.invited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::schema::answer_tallies as t;
    use crate::domain::indicator::Level;
    use diesel::prelude::*;

    fn shipped() -> Catalogue {
        let words = crate::catalogue::shipped_words().unwrap();
        let assets = crate::assets_for(None, &words);
        crate::catalogue::shipped(words, &assets).unwrap()
    }

    #[test]
    fn the_demo_files_are_read_by_the_real_importers_without_problems() {
        let catalogue = shipped();
        let area = crate::import::dfe::Area {
            council_code: "E06000990".into(),
            ..Default::default()
        };
        for (name, bytes) in DFE_FILES {
            let r = crate::import::dfe::read(&catalogue.indicators, name, bytes, &area, FILE_LIMIT)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                r.report.problems.is_empty(),
                "{name}: {:?}",
                r.report.problems
            );
            assert!(
                r.report.missing.is_empty(),
                "{name}: {:?}",
                r.report.missing
            );
            assert_eq!(
                r.learned.region_code.as_deref(),
                Some("E12000004"),
                "{name}"
            );
        }
        let local =
            crate::import::local::read(&catalogue.indicators, LOCAL_DATA.1, FILE_LIMIT).unwrap();
        assert!(local.problems.is_empty(), "{:?}", local.problems);
        assert_eq!(local.blank, 0);
        assert_eq!(local.values.len(), 3 * catalogue.indicators.local().count());
    }

    #[test]
    fn generated_answers_are_the_same_every_time_and_pass_each_gate() {
        let catalogue = shipped();
        for compiled in catalogue.current() {
            let run = || {
                let mut rng = StdRng::seed_from_u64(7);
                (0..40)
                    .map(|i| {
                        answers_for(
                            &compiled.form,
                            0.5,
                            (i == 3).then_some((0, "Some text")),
                            &mut rng,
                        )
                    })
                    .collect::<Vec<_>>()
            };
            let first = run();
            assert_eq!(first, run(), "{}", compiled.form.id);
            for answers in &first {
                let problems = compiled.gate.check(&crate::domain::response::final_answers(
                    &compiled.form,
                    answers,
                ));
                assert!(problems.is_empty(), "{}: {problems:?}", compiled.form.id);
            }
        }
    }

    /// A fresh database: on the PostgreSQL server the test suite is given, if any
    /// (AREA_SEND_TEST_POSTGRES_URL), otherwise a SQLite file. Returns its URL and
    /// what removes it.
    fn fresh_database() -> (crate::config::DatabaseUrl, Box<dyn FnOnce()>) {
        use crate::config::DatabaseUrl;
        let name = format!("area_send_demo_{}", std::process::id());
        match std::env::var("AREA_SEND_TEST_POSTGRES_URL") {
            Ok(admin) if !admin.is_empty() => {
                let mut c = diesel::PgConnection::establish(&admin).unwrap();
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut c)
                    .unwrap();
                let (prefix, _) = admin.rsplit_once('/').unwrap();
                let url = DatabaseUrl::Postgres(format!("{prefix}/{name}"));
                let drop = move || {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut c);
                };
                (url, Box::new(drop))
            }
            _ => {
                let dir = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&dir).unwrap();
                let url = DatabaseUrl::Sqlite(dir.join("demo.sqlite3"));
                (url, Box::new(move || drop(std::fs::remove_dir_all(&dir))))
            }
        }
    }

    #[test]
    fn populate_fills_the_main_inspection_quickly() {
        let (url, cleanup) = fresh_database();
        let pool = db::open_pool(&url, 1).unwrap();
        db::run_migrations(&mut pool.get().unwrap()).unwrap();
        let catalogue = shipped();
        let main = seed(&pool, &catalogue).unwrap();
        let started = std::time::Instant::now();
        let populated = populate(&pool, &catalogue, main).unwrap();
        eprintln!("populate took {:?}: {populated:?}", started.elapsed());

        let total: usize = populated.responses.iter().map(|(_, n)| n).sum();
        assert_eq!(populated.responses.len(), 3);
        assert_eq!(total, 360);
        let texts: usize = [
            Audience::ChildrenAndYoungPeople,
            Audience::ParentsAndCarers,
            Audience::Practitioners,
        ]
        .into_iter()
        .map(|a| free_texts(a).len())
        .sum();
        assert_eq!(populated.free_text, texts);
        assert_eq!(populated.duties, 6);
        assert_eq!((populated.documents, populated.case_notes), (2, 6));

        let conn = &mut pool.get().unwrap();
        let values = db::indicators::for_inspection(conn, main).unwrap();
        assert_eq!(values.len(), populated.indicator_values);
        for level in [Level::LocalAuthority, Level::Regional, Level::National] {
            assert!(
                values
                    .iter()
                    .any(|v| v.indicator_id == "ehcp_20_weeks_ex" && v.level == level),
                "{level:?}"
            );
        }
        let flagged = db::free_text::counts(conn, main).unwrap();
        assert!(flagged.safeguarding_to_review >= 1, "{flagged:?}");
        assert_eq!(db::evidence::duties(conn, main).unwrap().len(), 6);

        // Breakdowns have groups on both sides of the suppression threshold.
        let sizes: Vec<i32> = t::table
            .filter(t::dimension.like("q:%"))
            .filter(t::dimension_value.ne("not_answered"))
            .select(t::responses)
            .load(conn)
            .unwrap();
        assert!(
            sizes.iter().any(|n| *n < 5) && sizes.iter().any(|n| *n >= 20),
            "{sizes:?}"
        );
        // Nothing was written for the other inspection.
        assert!(db::indicators::for_inspection(conn, main + 1)
            .unwrap()
            .is_empty());
        drop(pool);
        cleanup();
    }
}
