//! Audit entries in words a person reads, from the action names the storage layer writes.

use serde_json::Value;

use super::access::Role;
use super::inspection::Status;

/// A heading and a sentence for one audit entry.
pub fn describe(action: &str, detail: &Value) -> (&'static str, String) {
    let text = |key: &str| detail.get(key).and_then(Value::as_str).unwrap_or("");
    let status = |key: &str| {
        Status::parse(text(key))
            .map(|s| s.label())
            .unwrap_or("unknown")
    };
    let role = || {
        Role::parse(text("role"))
            .map(|r| r.label())
            .unwrap_or("unknown role")
    };
    let number = |key: &str| {
        detail
            .get(key)
            .and_then(Value::as_i64)
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let user = || {
        detail
            .get("user_id")
            .map(|u| format!("user {u}"))
            .unwrap_or_default()
    };
    match action {
        "inspection.created" => ("Inspection set up", format!("{} inspection", text("kind"))),
        "inspection.status_changed" => (
            "Stage changed",
            format!("From {} to {}", status("from"), status("to")),
        ),
        "membership.added" => ("Added to the team", format!("{} as {}", user(), role())),
        "membership.removed" => ("Removed from the team", format!("{} ({})", user(), role())),
        "user.added" => ("User added", user()),
        "partnership.added" => ("Partnership added", text("council_code").to_string()),
        "indicators.imported" => (
            "Statistics imported",
            format!("{} value(s) from {}", number("values"), text("file")),
        ),
        "local_data.imported" => (
            "Local data imported",
            format!("{} value(s) from {}", number("values"), text("file")),
        ),
        "duty.recorded" => (
            "Statutory duty recorded",
            format!(
                "{}: {}",
                text("criterion"),
                text("status").replace('_', " ")
            ),
        ),
        "document.added" => ("Document added", text("title").to_string()),
        "case_note.added" => ("Case note added", format!("Case {}", text("case_ref"))),
        "free_text.reviewed" => (
            "Free-text answer reviewed",
            format!(
                "Answer {}: {}",
                number("review_id"),
                text("status").replace('_', " ")
            ),
        ),
        "population.entered" => (
            "Population entered",
            format!("{}, {}", text("form"), text("question")),
        ),
        "finding.added" | "finding.changed" => (
            if action == "finding.added" {
                "Finding added"
            } else {
                "Finding changed"
            },
            format!(
                "{} on {}",
                super::findings::FindingKind::parse(text("kind"))
                    .map(|k| k.label())
                    .unwrap_or("Finding"),
                text("criterion")
            ),
        ),
        "finding.removed" => (
            "Finding removed",
            format!("Finding {}", number("finding_id")),
        ),
        "finding.moved" => (
            "Finding moved",
            format!("Finding {} {}", number("finding_id"), text("direction")),
        ),
        "outcome.decided" => (
            "Outcome decided",
            match detail.get("proposed").and_then(Value::as_i64) {
                Some(p) => format!("Outcome {} (proposed: outcome {p})", number("outcome")),
                None => format!("Outcome {}", number("outcome")),
            },
        ),
        "report.section_written" => (
            "Report section written",
            format!(
                "{}: {} paragraph(s)",
                text("section").replace('_', " "),
                number("paragraphs")
            ),
        ),
        "report.easy_read_written" => (
            "Easy-read summary written",
            format!("{} point(s)", number("points")),
        ),
        "report.particulars_saved" => (
            "Report details saved",
            "Partnership details and inspection team".to_string(),
        ),
        "report.drafted" => (
            "Draft report saved",
            format!(
                "Version {}, outcome {}",
                number("version"),
                number("outcome")
            ),
        ),
        "review.reviewer_invited" => (
            "Reviewer invited to set a password",
            format!("user {}", number("user_id")),
        ),
        "user.password_set" => ("Password set from an emailed link", String::new()),
        "monitoring.carried_over" => (
            "Priority actions carried over",
            format!(
                "{} area(s) for priority action from inspection {}",
                number("priority_actions"),
                number("from_inspection_id")
            ),
        ),
        "monitoring.progress_recorded" => (
            "Progress finding recorded",
            format!("{}: {}", text("row"), text("judgement").replace('_', " ")),
        ),
        // An action this version does not know: its name, not its raw details (which
        // can be long and would make the trail hard to read).
        _ => ("Other change", action.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_read_as_sentences() {
        assert_eq!(
            describe(
                "inspection.status_changed",
                &json!({"from": "preparing", "to": "surveys_open"})
            ),
            (
                "Stage changed",
                "From Preparing to Surveys open".to_string()
            )
        );
        assert_eq!(
            describe(
                "membership.added",
                &json!({"user_id": 4, "role": "icb_reviewer"})
            ),
            (
                "Added to the team",
                "user 4 as Partnership reviewer for an ICB".to_string()
            )
        );
        assert_eq!(
            describe("made.up", &json!({"a": 1})),
            ("Other change", "made.up".to_string())
        );
        assert_eq!(
            describe(
                "monitoring.carried_over",
                &json!({"from_inspection_id": 2, "priority_actions": 3})
            ),
            (
                "Priority actions carried over",
                "3 area(s) for priority action from inspection 2".to_string()
            )
        );
        assert_eq!(
            describe(
                "monitoring.progress_recorded",
                &json!({"row": "f-4", "judgement": "sufficient"})
            ),
            ("Progress finding recorded", "f-4: sufficient".to_string())
        );
        assert_eq!(
            describe(
                "indicators.imported",
                &json!({"file": "annual_reviews.csv", "kind": "annual_reviews", "values": 6})
            ),
            (
                "Statistics imported",
                "6 value(s) from annual_reviews.csv".to_string()
            )
        );
        assert_eq!(
            describe(
                "duty.recorded",
                &json!({"criterion": "D5", "status": "not_known"})
            )
            .1,
            "D5: not known"
        );
    }
}
