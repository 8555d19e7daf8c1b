//! Local area partnerships: one council and the integrated care board(s) that
//! share responsibility for SEND in its area.

use std::fmt;

/// The ONS code of a council with SEND duties: a unitary authority (E06), a
/// metropolitan district (E08), a London borough (E09) or a county (E10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilCode(String);

/// The ONS code of an integrated care board (E54 followed by six digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcbCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartnershipError {
    #[error("Enter the council's ONS code, like E06000015: E06, E08, E09 or E10 followed by six digits.")]
    CouncilCode,
    #[error("Enter the ICB's ONS code, like E54000058: E54 followed by six digits.")]
    IcbCode,
    #[error("Enter the council's name.")]
    CouncilNameMissing,
    #[error("Enter the ICB's name.")]
    IcbNameMissing,
    #[error("Names must be 200 characters or fewer.")]
    NameTooLong,
    #[error("Add at least one integrated care board.")]
    NoIcb,
    #[error("The same ICB code appears twice.")]
    DuplicateIcb,
    #[error("There is already a partnership for the council {0}.")]
    CouncilTaken(CouncilCode),
}

/// The area a council serves, as a reader calls it: "Harrowdale" for "Harrowdale
/// Council", "Bristol" for "Bristol City Council", "Barnet" for "London Borough of
/// Barnet". A name with none of these forms is returned whole.
pub fn area_name(council_name: &str) -> String {
    let mut name = council_name.trim();
    for prefix in [
        "London Borough of ",
        "Royal Borough of ",
        "City of ",
        "Council of the ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest;
        }
    }
    for suffix in [
        " Metropolitan Borough Council",
        " Borough Council",
        " County Council",
        " City Council",
        " District Council",
        " Council",
    ] {
        if let Some(rest) = name.strip_suffix(suffix) {
            if !rest.trim().is_empty() {
                name = rest;
                break;
            }
        }
    }
    name.trim_end_matches(',').trim().to_string()
}

fn ons_code(s: &str, prefixes: &[&str]) -> Option<String> {
    let s = s.trim().to_ascii_uppercase();
    let ok = s.len() == 9
        && prefixes.iter().any(|p| s.starts_with(p))
        && s.get(3..)
            .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(s)
}

impl CouncilCode {
    pub fn parse(s: &str) -> Result<Self, PartnershipError> {
        ons_code(s, &["E06", "E08", "E09", "E10"])
            .map(Self)
            .ok_or(PartnershipError::CouncilCode)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl IcbCode {
    pub fn parse(s: &str) -> Result<Self, PartnershipError> {
        ons_code(s, &["E54"])
            .map(Self)
            .ok_or(PartnershipError::IcbCode)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CouncilCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn name(s: &str, missing: PartnershipError) -> Result<String, PartnershipError> {
    let s = s.trim();
    if s.is_empty() {
        Err(missing)
    } else if s.chars().count() > 200 {
        Err(PartnershipError::NameTooLong)
    } else {
        Ok(s.to_string())
    }
}

/// A problem with one field of a partnership as typed: `council_name`,
/// `council_code`, or `icb_name_N` / `icb_code_N` for the Nth ICB row (from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error}")]
pub struct PartnershipProblem {
    pub field: String,
    pub error: PartnershipError,
}

impl PartnershipProblem {
    /// A council that already has a partnership.
    pub fn council_taken(code: &CouncilCode) -> Self {
        at("council_code")(PartnershipError::CouncilTaken(code.clone()))
    }
}

fn at(field: impl Into<String>) -> impl FnOnce(PartnershipError) -> PartnershipProblem {
    let field = field.into();
    move |error| PartnershipProblem { field, error }
}

/// An integrated care board as entered for a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIcb {
    pub name: String,
    pub code: IcbCode,
}

/// A partnership ready to store: council and at least one ICB, all checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartnership {
    pub council_name: String,
    pub council_code: CouncilCode,
    pub icbs: Vec<NewIcb>,
}

impl NewPartnership {
    /// Parse a partnership from what was typed. ICB rows left wholly blank are ignored,
    /// so a form can offer several rows.
    pub fn parse(
        council_name: &str,
        council_code: &str,
        icb_rows: &[(&str, &str)],
    ) -> Result<Self, PartnershipProblem> {
        let council_name =
            name(council_name, PartnershipError::CouncilNameMissing).map_err(at("council_name"))?;
        let council_code = CouncilCode::parse(council_code).map_err(at("council_code"))?;
        let mut icbs: Vec<NewIcb> = Vec::new();
        for (row, (icb_name, icb_code)) in icb_rows.iter().enumerate() {
            if icb_name.trim().is_empty() && icb_code.trim().is_empty() {
                continue;
            }
            let n = row + 1;
            let icb = NewIcb {
                name: name(icb_name, PartnershipError::IcbNameMissing)
                    .map_err(at(format!("icb_name_{n}")))?,
                code: IcbCode::parse(icb_code).map_err(at(format!("icb_code_{n}")))?,
            };
            if icbs.iter().any(|i| i.code == icb.code) {
                return Err(at(format!("icb_code_{n}"))(PartnershipError::DuplicateIcb));
            }
            icbs.push(icb);
        }
        if icbs.is_empty() {
            return Err(at("icb_name_1")(PartnershipError::NoIcb));
        }
        Ok(Self {
            council_name,
            council_code,
            icbs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_names_drop_the_council_words() {
        assert_eq!(area_name("Harrowdale Council"), "Harrowdale");
        assert_eq!(area_name("Bristol City Council"), "Bristol");
        assert_eq!(area_name("Essex County Council"), "Essex");
        assert_eq!(area_name("London Borough of Barnet"), "Barnet");
        assert_eq!(area_name("Bury Metropolitan Borough Council"), "Bury");
        assert_eq!(area_name("Council"), "Council");
        assert_eq!(area_name("Isles of Scilly"), "Isles of Scilly");
    }

    #[test]
    fn council_codes() {
        assert_eq!(
            CouncilCode::parse(" e06000015 ").unwrap().as_str(),
            "E06000015"
        );
        assert!(CouncilCode::parse("E10000012").is_ok());
        assert_eq!(
            CouncilCode::parse("E07000012"),
            Err(PartnershipError::CouncilCode)
        );
        assert_eq!(
            CouncilCode::parse("E0600001"),
            Err(PartnershipError::CouncilCode)
        );
        assert_eq!(
            CouncilCode::parse("E06A00015"),
            Err(PartnershipError::CouncilCode)
        );
        assert_eq!(
            CouncilCode::parse("E06000015é"),
            Err(PartnershipError::CouncilCode)
        );
    }

    #[test]
    fn icb_codes() {
        assert!(IcbCode::parse("E54000058").is_ok());
        assert_eq!(IcbCode::parse("QHM"), Err(PartnershipError::IcbCode));
    }

    #[test]
    fn a_partnership_needs_an_icb_and_ignores_blank_rows() {
        let p = NewPartnership::parse(
            "Northmoor Council",
            "E06000099",
            &[("", ""), ("Northmoor and Dale ICB", "E54000099"), (" ", "")],
        )
        .unwrap();
        assert_eq!(p.icbs.len(), 1);
        assert_eq!(
            NewPartnership::parse("Northmoor Council", "E06000099", &[("", "")])
                .map_err(|p| p.error),
            Err(PartnershipError::NoIcb)
        );
    }

    #[test]
    fn partnership_errors() {
        assert_eq!(
            NewPartnership::parse(" ", "E06000099", &[("A", "E54000001")]).map_err(|p| p.error),
            Err(PartnershipError::CouncilNameMissing)
        );
        assert_eq!(
            NewPartnership::parse("C", "E06000099", &[("", "E54000001")]).map_err(|p| p.error),
            Err(PartnershipError::IcbNameMissing)
        );
        assert_eq!(
            NewPartnership::parse("C", "E06000099", &[("A", "E54000001"), ("B", "e54000001")])
                .map_err(|p| p.error),
            Err(PartnershipError::DuplicateIcb)
        );
        let long = "x".repeat(201);
        assert_eq!(
            NewPartnership::parse(&long, "E06000099", &[("A", "E54000001")]).map_err(|p| p.error),
            Err(PartnershipError::NameTooLong)
        );
    }
}
