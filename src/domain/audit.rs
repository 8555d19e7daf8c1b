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
        _ => ("Other change", detail.to_string()),
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
        assert_eq!(describe("made.up", &json!({"a": 1})).0, "Other change");
    }
}
