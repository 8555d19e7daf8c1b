//! Settings: the schools, colleges, alternative provision and groups (the parent
//! carer forum) a partnership hands surveys out through. A setting has its own open
//! and kiosk links, so responses are attributed to it without naming anyone.

/// What kind of place or group a setting is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingKind {
    School,
    College,
    AlternativeProvision,
    ParentCarerForum,
    Health,
    Other,
}

impl SettingKind {
    pub const ALL: [SettingKind; 6] = [
        SettingKind::School,
        SettingKind::College,
        SettingKind::AlternativeProvision,
        SettingKind::ParentCarerForum,
        SettingKind::Health,
        SettingKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingKind::School => "school",
            SettingKind::College => "college",
            SettingKind::AlternativeProvision => "alternative_provision",
            SettingKind::ParentCarerForum => "parent_carer_forum",
            SettingKind::Health => "health",
            SettingKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SettingKind::School => "School",
            SettingKind::College => "College",
            SettingKind::AlternativeProvision => "Alternative provision",
            SettingKind::ParentCarerForum => "Parent carer forum",
            SettingKind::Health => "Health service",
            SettingKind::Other => "Other group",
        }
    }
}

/// A setting of one inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub id: i32,
    pub inspection_id: i32,
    pub name: String,
    pub kind: SettingKind,
}

/// Why a new setting cannot be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingProblem {
    #[error("Enter the setting's name.")]
    NoName,
    #[error("Keep the name to 120 characters or fewer.")]
    NameTooLong,
    #[error("Choose what kind of setting it is.")]
    NoKind,
    #[error("This inspection already has a setting called \"{0}\".")]
    Duplicate(String),
}

impl SettingProblem {
    pub fn field(&self) -> &'static str {
        match self {
            SettingProblem::NoKind => "kind",
            _ => "name",
        }
    }
}

/// A new setting's name (spaces tidied) and kind, checked against the names the
/// inspection has already (compared without regard to case).
pub fn check_new(
    name: &str,
    kind: &str,
    existing: &[String],
) -> Result<(String, SettingKind), SettingProblem> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(SettingProblem::NoName);
    }
    if name.chars().count() > 120 {
        return Err(SettingProblem::NameTooLong);
    }
    let kind = SettingKind::parse(kind).ok_or(SettingProblem::NoKind)?;
    if existing
        .iter()
        .any(|e| e.to_lowercase() == name.to_lowercase())
    {
        return Err(SettingProblem::Duplicate(name));
    }
    Ok((name, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in SettingKind::ALL {
            assert_eq!(SettingKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(SettingKind::parse("pub"), None);
    }

    #[test]
    fn a_new_setting_is_tidied_and_checked() {
        let existing = vec!["Oakfield School".to_string()];
        assert_eq!(
            check_new("  Harrow   Vale College ", "college", &existing),
            Ok(("Harrow Vale College".into(), SettingKind::College))
        );
        assert_eq!(
            check_new(" ", "school", &existing),
            Err(SettingProblem::NoName)
        );
        assert_eq!(check_new("x", "", &existing), Err(SettingProblem::NoKind));
        assert_eq!(
            check_new("oakfield  school", "school", &existing),
            Err(SettingProblem::Duplicate("oakfield school".into()))
        );
        assert_eq!(
            check_new(&"a".repeat(121), "school", &existing),
            Err(SettingProblem::NameTooLong)
        );
        assert_eq!(SettingProblem::NoKind.field(), "kind");
    }
}
