//! Why a change was refused: one enum over the domain's own refusals, so storage
//! and application code never carry sentences or form field names. The web layer
//! decides which field a refusal is about and how to word it for the person.

use super::account::AccountError;
use super::inspection::TransitionError;
use super::monitoring::MonitoringRefusal;
use super::outcome::ReportRefusal;
use super::partnership::PartnershipProblem;
use super::password_link::LinkProblem;
use super::review::ReviewRefusal;
use super::schedule::ScheduleProblem;
use super::setting::SettingProblem;
use super::survey::ResponseRefusal;
use super::team::TeamError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error(transparent)]
    Team(#[from] TeamError),
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Partnership(#[from] PartnershipProblem),
    #[error(transparent)]
    Response(#[from] ResponseRefusal),
    #[error(transparent)]
    Report(#[from] ReportRefusal),
    #[error(transparent)]
    Schedule(#[from] ScheduleProblem),
    #[error(transparent)]
    Setting(#[from] SettingProblem),
    #[error(transparent)]
    Review(#[from] ReviewRefusal),
    #[error(transparent)]
    Monitoring(#[from] MonitoringRefusal),
    #[error(transparent)]
    Link(#[from] LinkProblem),
    /// Invitations tell people when the survey closes, so one must be set first.
    #[error("Set the survey's closing time before inviting anyone: the invitation tells people when it closes.")]
    NoClosingTime,
    #[error("This survey has closed, so nobody more can be invited to it.")]
    InvitingToClosedSurvey,
    #[error("Only emails that failed can be sent again.")]
    NotFailed,
    #[error("Choose a local area partnership from the list.")]
    UnknownPartnership,
    /// A concurrent change got there first (a guard on the row's state failed).
    #[error("Someone else changed this at the same time. Reload the page and try again.")]
    ChangedMeanwhile,
    /// A unique key refused a second copy of something made at the same moment.
    #[error("That already exists: someone may have just made the same change. Reload the page and check.")]
    AlreadyExists,
}
