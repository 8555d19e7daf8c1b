//! The partnership's factual accuracy check: sending a draft to its reviewers,
//! their comments, the inspectors' answers, extending the deadline, and the final
//! report. Every email goes through the outbox in the same transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::Connection;
use serde_json::json;

use super::AppError;
use crate::db::outbox::{self, NewEmail};
use crate::db::review::{self as store, CommentOrigin, Review};
use crate::db::{self, audit, DbConnection};
use crate::domain::access::{Actor, Role};
use crate::domain::inspection::{transition, Status};
use crate::domain::password_link::{self, LinkProblem};
use crate::domain::refusal::Refusal;
use crate::domain::report::Report;
use crate::domain::review::{self, Organisation, ReviewRefusal};
use crate::domain::schedule::london_text;
use crate::domain::working_days::BankHolidays;
use crate::mail::templates::{EmailTemplates, Notice};

/// What writing the review's emails needs.
#[derive(Clone, Copy)]
pub struct Mail<'a> {
    pub templates: &'a EmailTemplates,
    pub base_url: &'a str,
}

fn notice(
    mail: &Mail<'_>,
    inspection_id: i32,
    to: &str,
    subject: String,
    paragraphs: Vec<String>,
    link_text: &str,
) -> Result<NewEmail, AppError> {
    let link = format!("{}/inspections/{inspection_id}/review", mail.base_url);
    notice_linking(
        mail,
        inspection_id,
        to,
        subject,
        paragraphs,
        link_text,
        link,
    )
}

/// A notice whose button goes to `link`.
fn notice_linking(
    mail: &Mail<'_>,
    inspection_id: i32,
    to: &str,
    subject: String,
    paragraphs: Vec<String>,
    link_text: &str,
    link: String,
) -> Result<NewEmail, AppError> {
    let content = Notice {
        heading: subject.clone(),
        paragraphs,
        link_text: link_text.to_string(),
        link,
    };
    let body = mail
        .templates
        .render("notice", &content)
        .map_err(|e| db::DbError::Corrupt(e.to_string()))?;
    Ok(NewEmail {
        inspection_id: Some(inspection_id),
        kind: "review".into(),
        recipient: to.to_string(),
        subject,
        text_body: body.text,
        html_body: body.html,
        survey_id: None,
        invitation_id: None,
    })
}

/// Email every reviewer of the inspection's review.
fn tell_reviewers(
    conn: &mut DbConnection,
    mail: &Mail<'_>,
    inspection_id: i32,
    subject: &str,
    paragraphs: &[String],
    link_text: &str,
) -> Result<usize, AppError> {
    tell(
        conn,
        mail,
        inspection_id,
        false,
        subject,
        paragraphs,
        link_text,
    )
}

/// Email the reviewers, or only those who have not yet sent their comments.
fn tell(
    conn: &mut DbConnection,
    mail: &Mail<'_>,
    inspection_id: i32,
    only_unsent: bool,
    subject: &str,
    paragraphs: &[String],
    link_text: &str,
) -> Result<usize, AppError> {
    let now = db::now();
    let reviewers: Vec<_> = store::reviewers(conn, inspection_id)?
        .into_iter()
        .filter(|r| !only_unsent || r.submitted_at.is_none())
        .collect();
    for r in &reviewers {
        let email = notice(
            mail,
            inspection_id,
            &r.email,
            subject.to_string(),
            paragraphs.to_vec(),
            link_text,
        )?;
        outbox::enqueue(conn, &email, now)?;
    }
    Ok(reviewers.len())
}

fn council_of(conn: &mut DbConnection, inspection_id: i32) -> Result<String, AppError> {
    Ok(db::inspections::find(conn, inspection_id)?
        .ok_or(AppError::NotFound)?
        .partnership
        .council_name)
}

fn move_stage(
    conn: &mut DbConnection,
    actor: &Actor,
    inspection_id: i32,
    from: Status,
    to: Status,
) -> Result<(), AppError> {
    transition(from, to)?;
    if !db::inspections::set_status_if(conn, inspection_id, from, to)? {
        return Err(Refusal::ChangedMeanwhile.into());
    }
    audit::record(
        conn,
        Some(actor.user_id),
        Some(inspection_id),
        "inspection.status_changed",
        json!({ "from": from.as_str(), "to": to.as_str() }),
    )?;
    Ok(())
}

/// What the lead chose when sending a draft.
pub struct Sending<'a> {
    pub version: Option<i32>,
    pub reviewers: &'a [i32],
    pub working_days: u32,
}

/// Send a draft version to the partnership's reviewers for its factual accuracy
/// check: the deadline in working days, the inspection moved to the check, an
/// email to each reviewer; one transaction.
pub fn send(
    conn: &mut DbConnection,
    actor: &Actor,
    holidays: &BankHolidays,
    mail: &Mail<'_>,
    inspection_id: i32,
    sending: &Sending<'_>,
) -> Result<Review, AppError> {
    conn.transaction(|conn| {
        let status =
            db::inspections::status_of(conn, inspection_id)?.ok_or(AppError::NotFound)?;
        if status != Status::Draft {
            return Err(ReviewRefusal::NotADraft.into());
        }
        let version = sending.version.ok_or(ReviewRefusal::NoVersion)?;
        db::report::version(conn, inspection_id, Some(version))?.ok_or(ReviewRefusal::NoVersion)?;
        if !(1..=30).contains(&sending.working_days) {
            return Err(ReviewRefusal::BadWorkingDays.into());
        }
        let mut wanted = sending.reviewers.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Err(ReviewRefusal::NoReviewers.into());
        }
        let team = store::memberships(conn, inspection_id)?;
        let mut chosen = vec![];
        for user_id in &wanted {
            let (_, role, icb_id) = team
                .iter()
                .find(|m| m.0 == *user_id)
                .ok_or(ReviewRefusal::NotAReviewer)?;
            let organisation = match (role, icb_id) {
                (Role::CouncilReviewer, _) => Organisation::Council,
                (Role::IcbReviewer, Some(icb)) => Organisation::Icb(*icb),
                _ => return Err(ReviewRefusal::NotAReviewer.into()),
            };
            chosen.push((*user_id, organisation));
        }
        let now = db::now();
        let deadline = review::deadline(holidays, now, sending.working_days)
            .map_err(ReviewRefusal::from)?;
        let review = Review {
            inspection_id,
            version_number: version,
            working_days: i32::try_from(sending.working_days).unwrap_or(i32::MAX),
            sent_at: now,
            closes_at: deadline.closes_at,
            remind_at: deadline.remind_at,
            reminded: false,
            closed_told: false,
            extensions: 0,
            answers_published_at: None,
        };
        store::start(conn, &review, actor.user_id, &chosen)?;
        move_stage(
            conn,
            actor,
            inspection_id,
            Status::Draft,
            Status::FactualAccuracyCheck,
        )?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "review.sent",
            json!({ "version": version, "reviewers": sending.reviewers, "closes_at": deadline.closes_at.to_string() }),
        )?;
        let council = council_of(conn, inspection_id)?;
        tell_reviewers(
            conn,
            mail,
            inspection_id,
            &format!("Draft inspection report for {council}: please check it for factual accuracy"),
            &[
                format!("The inspectors have sent draft version {version} of the area SEND inspection report for {council} for the partnership to check for factual accuracy."),
                format!("Comment on any paragraph by {}. Sign in to read the draft and comment.", london_text(deadline.closes_at)),
            ],
            "Read the draft and comment",
        )?;
        Ok(review)
    })
}

/// Give the partnership more time: `days` more working days from the current
/// closing day; audited, and the reviewers are told.
pub fn extend(
    conn: &mut DbConnection,
    actor: &Actor,
    holidays: &BankHolidays,
    mail: &Mail<'_>,
    inspection_id: i32,
    days: u32,
) -> Result<Review, AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let review = store::find(conn, inspection_id)?.ok_or(ReviewRefusal::NotInCheck)?;
        if !(1..=30).contains(&days) {
            return Err(ReviewRefusal::BadWorkingDays.into());
        }
        let now = db::now();
        let from = review.closes_at.max(now);
        let deadline = review::deadline(holidays, from, days).map_err(ReviewRefusal::from)?;
        store::extend(conn, inspection_id, deadline.closes_at, deadline.remind_at)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "review.extended",
            json!({ "from": review.closes_at.to_string(), "to": deadline.closes_at.to_string(), "working_days": days }),
        )?;
        let council = council_of(conn, inspection_id)?;
        tell_reviewers(
            conn,
            mail,
            inspection_id,
            &format!("More time to check the draft report for {council}"),
            &[format!(
                "The factual accuracy check now closes at {}.",
                london_text(deadline.closes_at)
            )],
            "Read the draft and comment",
        )?;
        store::find(conn, inspection_id)?.ok_or(AppError::NotFound)
    })
}

/// The inspection, taken (its row locked on PostgreSQL, so a finalising and a
/// reviewer's sending take turns), must be in the check.
fn in_check(conn: &mut DbConnection, inspection_id: i32) -> Result<(), AppError> {
    match db::inspections::take(conn, inspection_id)? {
        None => Err(AppError::NotFound),
        Some(Status::Final) => Err(crate::domain::inspection::TransitionError::Locked.into()),
        Some(Status::FactualAccuracyCheck) => Ok(()),
        Some(_) => Err(ReviewRefusal::NotInCheck.into()),
    }
}

/// The reviewed draft's report, for its numbered paragraphs.
pub fn reviewed_report(conn: &mut DbConnection, review: &Review) -> Result<Report, AppError> {
    let v = db::report::version(conn, review.inspection_id, Some(review.version_number))?
        .ok_or(AppError::NotFound)?;
    Ok(v.report)
}

/// A comment as a reviewer sent it, before checking.
pub struct CommentForm<'a> {
    pub paragraph: &'a str,
    pub kind: &'a str,
    pub comment: &'a str,
    pub correction: &'a str,
    /// Already checked at the edge (its type read from its content).
    pub document: Option<&'a store::CommentDocument>,
}

/// A reviewer's comment on a paragraph of the draft, saved (not yet sent).
pub fn save_comment(
    conn: &mut DbConnection,
    user_id: i32,
    inspection_id: i32,
    form: &CommentForm<'_>,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let review = store::find(conn, inspection_id)?.ok_or(ReviewRefusal::NotInCheck)?;
        let me = store::reviewers(conn, inspection_id)?
            .into_iter()
            .find(|r| r.user_id == user_id)
            .ok_or(AppError::NotFound)?;
        if me.submitted_at.is_some() {
            return Err(ReviewRefusal::from(review::CommentProblem::AlreadySubmitted).into());
        }
        let report = reviewed_report(conn, &review)?;
        let units = report.units();
        let ids: Vec<&str> = units.iter().map(|u| u.id).collect();
        let draft = review::check_comment(
            &ids,
            form.paragraph,
            form.kind,
            form.comment,
            form.correction,
            db::now(),
            review.closes_at,
        )
        .map_err(ReviewRefusal::from)?;
        let number = units
            .iter()
            .find(|u| u.id == draft.paragraph)
            .map(|u| u.number)
            .unwrap_or(0);
        let origin = CommentOrigin {
            inspection_id,
            version_number: review.version_number,
            paragraph_number: i32::try_from(number).unwrap_or(i32::MAX),
            author_id: user_id,
            organisation: me.organisation,
        };
        let id = store::insert_comment(conn, &origin, &draft, db::now())?;
        // The comment and its document are kept together or not at all.
        if let Some(d) = form.document {
            store::attach_document(conn, id, d)?;
        }
        Ok(id)
    })
}

/// Remove a comment not yet sent.
pub fn delete_comment(
    conn: &mut DbConnection,
    user_id: i32,
    inspection_id: i32,
    comment_id: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let found = store::comment(conn, comment_id)?
            .filter(|c| c.inspection_id == inspection_id)
            .ok_or(AppError::NotFound)?;
        if found.submitted_at.is_some() {
            return Err(ReviewRefusal::from(review::CommentProblem::AlreadySubmitted).into());
        }
        if !store::delete_comment(conn, comment_id, user_id)? {
            return Err(AppError::NotFound);
        }
        Ok(())
    })
}

/// A reviewer sends their comments to the inspectors, before the deadline.
pub fn submit_comments(
    conn: &mut DbConnection,
    user_id: i32,
    inspection_id: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let review = store::find(conn, inspection_id)?.ok_or(ReviewRefusal::NotInCheck)?;
        let now = db::now();
        if now >= review.closes_at {
            return Err(
                ReviewRefusal::from(review::CommentProblem::Closed(london_text(
                    review.closes_at,
                )))
                .into(),
            );
        }
        if !store::submit(conn, inspection_id, user_id, now)? {
            return Err(ReviewRefusal::from(review::CommentProblem::AlreadySubmitted).into());
        }
        audit::record(
            conn,
            Some(user_id),
            Some(inspection_id),
            "review.comments_sent",
            json!({}),
        )?;
        Ok(())
    })
}

/// An inspector answers a sent comment.
pub fn answer(
    conn: &mut DbConnection,
    actor: &Actor,
    inspection_id: i32,
    comment_id: i32,
    kind: &str,
    reason: &str,
    version: Option<i32>,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let found = store::comment(conn, comment_id)?
            .filter(|c| c.inspection_id == inspection_id && c.submitted_at.is_some())
            .ok_or(AppError::NotFound)?;
        let versions: Vec<i32> = db::report::versions(conn, inspection_id)?
            .iter()
            .map(|v| v.number)
            .collect();
        let answer = review::check_answer(kind, reason, version, found.version_number, &versions)
            .map_err(ReviewRefusal::from)?;
        store::answer(conn, comment_id, &answer, actor.user_id, db::now())?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "review.answered",
            json!({ "comment_id": comment_id, "answer": kind }),
        )?;
        Ok(())
    })
}

/// Show the partnership the answers so far, and tell its reviewers.
pub fn publish_answers(
    conn: &mut DbConnection,
    actor: &Actor,
    mail: &Mail<'_>,
    inspection_id: i32,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        store::publish_answers(conn, inspection_id, db::now())?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "review.answers_published",
            json!({}),
        )?;
        let council = council_of(conn, inspection_id)?;
        tell_reviewers(
            conn,
            mail,
            inspection_id,
            &format!("The inspectors have answered the comments on the draft report for {council}"),
            &["Each comment the partnership sent now shows how the inspectors answered it, and which draft version makes any change.".to_string()],
            "See the answers",
        )?;
        Ok(())
    })
}

/// Make a version final: every sent comment answered and the check over (or every
/// reviewer done); the inspection is then final and locked, and the partnership told.
pub fn finalise(
    conn: &mut DbConnection,
    actor: &Actor,
    mail: &Mail<'_>,
    inspection_id: i32,
    version: Option<i32>,
    published_on: Option<NaiveDate>,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        in_check(conn, inspection_id)?;
        let review = store::find(conn, inspection_id)?.ok_or(ReviewRefusal::NotInCheck)?;
        let version = version
            .filter(|v| *v >= review.version_number)
            .ok_or(ReviewRefusal::BadFinalVersion)?;
        db::report::version(conn, inspection_id, Some(version))?
            .ok_or(ReviewRefusal::BadFinalVersion)?;
        let published_on = published_on.ok_or(ReviewRefusal::NoPublicationDate)?;
        let comments = store::comments(conn, inspection_id)?;
        // The final version must hold every change the answers promised.
        let promised = comments
            .iter()
            .filter_map(|c| match &c.answer {
                Some(review::Answer::Accepted { version, .. })
                | Some(review::Answer::PartlyAccepted { version, .. }) => Some(*version),
                _ => None,
            })
            .max();
        if let Some(needed) = promised.filter(|needed| version < *needed) {
            return Err(ReviewRefusal::MissesAcceptedChanges(needed).into());
        }
        let answered: Vec<bool> = comments
            .iter()
            .filter(|c| c.submitted_at.is_some())
            .map(|c| c.answer.is_some())
            .collect();
        let all_sent = store::reviewers(conn, inspection_id)?
            .iter()
            .all(|r| r.submitted_at.is_some());
        let now = db::now();
        review::may_finalise(&answered, all_sent, review.closes_at, now)
            .map_err(ReviewRefusal::from)?;
        move_stage(
            conn,
            actor,
            inspection_id,
            Status::FactualAccuracyCheck,
            Status::Final,
        )?;
        store::finalise(
            conn,
            inspection_id,
            version,
            published_on,
            actor.user_id,
            now,
        )?;
        store::settle(conn, inspection_id)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "report.finalised",
            json!({ "version": version, "published_on": published_on.to_string() }),
        )?;
        let council = council_of(conn, inspection_id)?;
        tell_reviewers(
            conn,
            mail,
            inspection_id,
            &format!("The inspection report for {council} is final"),
            &[format!(
                "Version {version} of the report is final. It is to be published on {}.",
                published_on.format("%-d %B %Y")
            )],
            "Read the final report",
        )?;
        Ok(())
    })
}

/// The review emails that fall due on their own (run by the background sender):
/// a reminder two working days before the check closes, and word that it has
/// closed. Returns how many reviews were written about.
pub fn due_emails(
    conn: &mut DbConnection,
    mail: &Mail<'_>,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    conn.transaction(|conn| {
        let mut n = 0;
        for review in store::take_due_reminders(conn, now)? {
            let council = council_of(conn, review.inspection_id)?;
            tell(
                conn,
                mail,
                review.inspection_id,
                true,
                &format!("Reminder: the check of the draft report for {council} closes soon"),
                &[format!(
                    "The factual accuracy check closes at {}. Comments not sent by then cannot be taken.",
                    london_text(review.closes_at)
                )],
                "Read the draft and comment",
            )?;
            n += 1;
        }
        for review in store::take_closed(conn, now)? {
            let council = council_of(conn, review.inspection_id)?;
            tell_reviewers(
                conn,
                mail,
                review.inspection_id,
                &format!("The check of the draft report for {council} has closed"),
                &["The inspectors will now answer each comment the partnership sent.".to_string()],
                "See your comments",
            )?;
            n += 1;
        }
        Ok(n)
    })
}

/// A partnership reviewer who has no account yet, as the lead inspector enters them.
pub struct NewReviewer<'a> {
    pub account: &'a crate::domain::account::NewAccount,
    pub role: Role,
    pub icb_id: Option<i32>,
}

/// Give a partnership officer without an account a place on the team as a reviewer,
/// and email them a single-use link to set their password (`random` makes the
/// token). They are then chosen, like any reviewer, when a draft is sent. Returns
/// their new user id.
pub fn invite_reviewer(
    conn: &mut DbConnection,
    actor: &Actor,
    mail: &Mail<'_>,
    inspection_id: i32,
    reviewer: &NewReviewer<'_>,
    random: &[u8; password_link::TOKEN_CHARS],
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        let status =
            db::inspections::status_of(conn, inspection_id)?.ok_or(AppError::NotFound)?;
        if status != Status::Draft {
            return Err(ReviewRefusal::InviteOnlyWhileDrafting.into());
        }
        // Someone invited before who never set a password (a lost or expired link)
        // is sent a new link; any other existing account is refused.
        let user = match db::users::find_for_sign_in(conn, &reviewer.account.email)? {
            Some((user, hash)) if hash == password_link::NO_PASSWORD => {
                db::users::end_password_links(conn, user.id, db::now())?;
                user
            }
            Some(_) => {
                return Err(crate::domain::account::AccountError::EmailTaken(
                    reviewer.account.email.clone(),
                )
                .into())
            }
            None => super::accounts::add_user(
                conn,
                reviewer.account,
                password_link::NO_PASSWORD,
                Some(actor.user_id),
            )?,
        };
        if db::inspections::role_of(conn, inspection_id, user.id)?.is_none() {
            super::inspections::add_member(
                conn,
                inspection_id,
                user.id,
                reviewer.role,
                reviewer.icb_id,
                actor,
            )?;
        }
        let token = password_link::token_from(random);
        let now = db::now();
        db::users::insert_password_link(
            conn,
            &password_link::token_hash(&token),
            user.id,
            password_link::expires_at(now),
        )?;
        let council = council_of(conn, inspection_id)?;
        let mut email = notice_linking(
            mail,
            inspection_id,
            reviewer.account.email.as_str(),
            format!("You are asked to check the inspection report for {council}"),
            vec![
                format!(
                    "The inspectors will ask you to check their draft report on {council} for factual accuracy. You need an account on area-send to read it and comment."
                ),
                format!(
                    "Use the link to choose your password. It works once, for {} days. Your email address is your sign-in name.",
                    password_link::VALID_FOR_DAYS
                ),
            ],
            "Choose your password",
            format!("{}/account/set-password/{token}", mail.base_url),
        )?;
        // The body holds the link: the outbox clears it once sent.
        email.kind = "password_link".into();
        outbox::enqueue(conn, &email, now)?;
        audit::record(
            conn,
            Some(actor.user_id),
            Some(inspection_id),
            "review.reviewer_invited",
            json!({ "user_id": user.id, "role": reviewer.role.as_str() }),
        )?;
        Ok(user.id)
    })
}

/// Set a password through a single-use link; returns the user whose it was. The
/// link is spent in the same transaction, so a second use is refused.
pub fn set_password_by_link(
    conn: &mut DbConnection,
    token: &str,
    password_hash: &str,
) -> Result<i32, AppError> {
    conn.transaction(|conn| {
        let hash = password_link::token_hash(token);
        let now = db::now();
        let (user_id, expires, used) =
            db::users::password_link(conn, &hash)?.ok_or(LinkProblem::NotUsable)?;
        password_link::check(expires, used, now)?;
        if !db::users::use_password_link(conn, &hash, now)? {
            return Err(LinkProblem::NotUsable.into());
        }
        db::users::set_password_hash(conn, user_id, password_hash)?;
        audit::record(conn, Some(user_id), None, "user.password_set", json!({}))?;
        Ok(user_id)
    })
}

/// Whether a link can still be used (for showing its form).
pub fn password_link_usable(conn: &mut DbConnection, token: &str) -> Result<(), AppError> {
    let (_, expires, used) = db::users::password_link(conn, &password_link::token_hash(token))?
        .ok_or(LinkProblem::NotUsable)?;
    Ok(password_link::check(expires, used, db::now())?)
}
