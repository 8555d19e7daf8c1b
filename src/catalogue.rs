//! Loading the inspection framework and the survey forms from JSON files: each file
//! is checked against its JSON Schema (draft 2020-12, the `jsonschema` crate, no
//! network), then by the domain's own checks. Every problem is reported with its
//! file, JSON pointer and reason; nothing half-checked is ever used.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::domain::framework::Framework;
use crate::domain::indicator::IndicatorCatalogue;
use crate::domain::problem::Problem;
use crate::domain::response::ResponseGate;
use crate::domain::survey::FormRef;
use crate::domain::survey_form::{Assets, SurveyForm};
use crate::words::Words;

/// The schemas are part of the code's contract, so they are compiled in.
/// Earlier versions of the forms sit in `previous/` beside the current ones.
const FORM_SCHEMA: &str = include_str!("../survey-forms/survey-form.schema.json");
const FRAMEWORK_SCHEMA: &str = include_str!("../framework/framework.schema.json");
const INDICATORS_SCHEMA: &str = include_str!("../framework/indicators.schema.json");

/// The indicator catalogue's file name: beside the framework file.
pub const INDICATORS_FILE: &str = "indicators.json";

#[derive(rust_embed::RustEmbed)]
#[folder = "survey-forms/"]
#[include = "*.json"]
#[exclude = "*.schema.json"]
struct ShippedForms;

/// BSL videos and captions shipped with the forms (none recorded yet).
#[derive(rust_embed::RustEmbed)]
#[folder = "survey-forms/bsl/"]
#[include = "*.mp4"]
#[include = "*.webm"]
#[include = "*.vtt"]
pub struct ShippedBsl;

/// Whether `name` can be a BSL file name (as the form schema allows), so it is safe
/// to look for in a folder.
pub fn is_bsl_file_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && matches!(ext, "mp4" | "webm" | "vtt")
}

/// The BSL files a form may name: those shipped, or those in `forms_dir/bsl/`.
pub fn bsl_files(forms_dir: Option<&Path>) -> BTreeSet<String> {
    match forms_dir {
        None => ShippedBsl::iter().map(|n| n.to_string()).collect(),
        Some(dir) => std::fs::read_dir(dir.join("bsl"))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .filter_map(|e| e.file_name().to_str().map(String::from))
                    .filter(|n| is_bsl_file_name(n))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[derive(rust_embed::RustEmbed)]
#[folder = "framework/"]
#[include = "framework.json"]
#[include = "indicators.json"]
struct ShippedFramework;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub file: String,
    pub problem: Problem,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

/// Every problem found, for one error message that lists them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<FileProblem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} problem(s) in the framework or survey forms:",
            self.0.len()
        )?;
        for p in &self.0 {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// One version of one survey form, checked, with what answering it needs compiled
/// once: its response gate and its content digest.
#[derive(Debug)]
pub struct CompiledForm {
    pub form: SurveyForm,
    pub gate: ResponseGate,
    /// The cells its running tallies count.
    pub layout: crate::domain::tally::Layout,
    /// SHA-256 of the form's JSON with keys sorted: a survey records it when opened,
    /// so a file changed under an open survey without a new version is caught.
    pub digest: String,
}

impl CompiledForm {
    pub fn form_ref(&self) -> FormRef {
        FormRef {
            id: self.form.id.clone(),
            version: self.form.version,
        }
    }
}

/// The framework, every shipped version of every survey form (keyed by form id and
/// version), and the survey pages' words, all checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub framework: Framework,
    /// What each indicator means and how to read it from DfE files and the local template.
    pub indicators: Arc<IndicatorCatalogue>,
    forms: BTreeMap<(String, u32), Arc<CompiledForm>>,
    pub words: Words,
    /// England and Wales bank holidays, for working-day deadlines.
    pub holidays: crate::domain::working_days::BankHolidays,
}

impl Catalogue {
    /// One version of a form.
    pub fn form(&self, form: &FormRef) -> Option<&Arc<CompiledForm>> {
        self.forms.get(&(form.id.clone(), form.version))
    }

    /// The newest version of each form, by id: what opening surveys opens.
    pub fn current(&self) -> Vec<&Arc<CompiledForm>> {
        let mut newest: BTreeMap<&str, &Arc<CompiledForm>> = BTreeMap::new();
        for ((id, _), form) in &self.forms {
            // Keys are ordered by version within an id, so the last one wins.
            newest.insert(id.as_str(), form);
        }
        newest.into_values().collect()
    }

    /// The forms that opening surveys opens, as references.
    pub fn current_refs(&self) -> Vec<FormRef> {
        self.current().iter().map(|f| f.form_ref()).collect()
    }

    /// The newest version of the form with this id.
    pub fn latest(&self, id: &str) -> Option<&Arc<CompiledForm>> {
        self.current().into_iter().find(|f| f.form.id == id)
    }

    /// Every version of every form.
    pub fn all_versions(&self) -> impl Iterator<Item = &Arc<CompiledForm>> {
        self.forms.values()
    }
}

/// The digest of a form file's content, independent of layout and key order.
pub fn digest(value: &Value) -> String {
    // serde_json's maps keep keys sorted, so this text is canonical.
    format!("{:x}", Sha256::digest(value.to_string().as_bytes()))
}

/// The bank holidays of England and Wales, built in (see the file's `covers_until`).
const BANK_HOLIDAYS: &str = include_str!("../framework/bank-holidays.json");

fn problem(file: &str, pointer: impl Into<String>, reason: impl Into<String>) -> FileProblem {
    FileProblem {
        file: file.to_string(),
        problem: Problem::new(pointer, reason),
    }
}

/// Parse `bytes` as JSON and check it against `schema`.
fn validate(file: &str, bytes: &[u8], schema: &str) -> Result<Value, Vec<FileProblem>> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| vec![problem(file, "", format!("not valid JSON: {e}"))])?;
    let schema: Value = serde_json::from_str(schema).map_err(|e| {
        vec![problem(
            file,
            "",
            format!("the built-in schema is not valid JSON: {e}"),
        )]
    })?;
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| {
            vec![problem(
                file,
                "",
                format!("the built-in schema is not valid: {e}"),
            )]
        })?;
    let errors: Vec<FileProblem> = validator
        .iter_errors(&value)
        .map(|e| problem(file, e.instance_path().to_string(), e.to_string()))
        .collect();
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// Schema first, then the model's own checks; every problem carries the file name.
/// Returns the model and the JSON it was read from.
fn check_file<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    schema: &str,
    rules: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<(T, Value), Vec<FileProblem>> {
    let value = validate(file, bytes, schema)?;
    let model: T = serde_json::from_value(value.clone())
        .map_err(|e| vec![problem(file, "", format!("cannot be read: {e}"))])?;
    let problems: Vec<FileProblem> = rules(&model)
        .into_iter()
        .map(|p| FileProblem {
            file: file.to_string(),
            problem: p,
        })
        .collect();
    if problems.is_empty() {
        Ok((model, value))
    } else {
        Err(problems)
    }
}

/// Check one framework file completely.
pub fn check_framework(file: &str, bytes: &[u8]) -> Result<Framework, Vec<FileProblem>> {
    check_file(file, bytes, FRAMEWORK_SCHEMA, Framework::check).map(|(f, _)| f)
}

/// Check the indicator catalogue completely, against the framework's criteria.
pub fn check_indicators(
    file: &str,
    bytes: &[u8],
    framework: &Framework,
) -> Result<IndicatorCatalogue, Vec<FileProblem>> {
    let criteria = framework.criterion_ids();
    check_file(file, bytes, INDICATORS_SCHEMA, |c: &IndicatorCatalogue| {
        c.check(&criteria)
    })
    .map(|(c, _)| c)
}

/// Check one survey form completely, against the framework's criteria and the files it may name.
pub fn check_form(
    file: &str,
    bytes: &[u8],
    framework: &Framework,
    assets: &Assets,
) -> Result<CompiledForm, Vec<FileProblem>> {
    let criteria = framework.criterion_ids();
    let (form, value) = check_file(file, bytes, FORM_SCHEMA, |form: &SurveyForm| {
        form.check(&criteria, assets)
    })?;
    let gate = ResponseGate::new(&form).map_err(|p| {
        vec![FileProblem {
            file: file.to_string(),
            problem: p,
        }]
    })?;
    Ok(CompiledForm {
        layout: crate::domain::tally::Layout::for_form(&form),
        form,
        gate,
        digest: digest(&value),
    })
}

/// Check a set of named files: the framework first (forms need its criteria), then
/// every form, then that no two files hold the same version of a form.
pub fn check_all(
    framework: (&str, &[u8]),
    indicators: (&str, &[u8]),
    forms: &[(String, Vec<u8>)],
    words: Words,
    assets: &Assets,
) -> Result<Catalogue, Problems> {
    let framework = check_framework(framework.0, framework.1).map_err(Problems)?;
    let mut problems = vec![];
    let indicators = match check_indicators(indicators.0, indicators.1, &framework) {
        Ok(c) => Some(c),
        Err(mut p) => {
            problems.append(&mut p);
            None
        }
    };
    let mut checked: BTreeMap<(String, u32), Arc<CompiledForm>> = BTreeMap::new();
    for (file, bytes) in forms {
        match check_form(file, bytes, &framework, assets) {
            Ok(compiled) => {
                let key = (compiled.form.id.clone(), compiled.form.version);
                match checked.entry(key) {
                    std::collections::btree_map::Entry::Occupied(taken) => {
                        problems.push(problem(
                            file,
                            "/version",
                            format!(
                                "another form already has the id \"{}\" and version {}; give a changed form a new version number",
                                taken.key().0,
                                taken.key().1
                            ),
                        ))
                    }
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(Arc::new(compiled));
                    }
                }
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if forms.is_empty() {
        problems.push(problem("survey-forms", "", "there are no survey forms"));
    }
    let holidays = crate::domain::working_days::BankHolidays::parse(BANK_HOLIDAYS);
    if let Err(e) = &holidays {
        problems.push(problem("framework/bank-holidays.json", "", e.to_string()));
    }
    match (indicators, holidays) {
        (Some(indicators), Ok(holidays)) if problems.is_empty() => Ok(Catalogue {
            framework,
            indicators: Arc::new(indicators),
            forms: checked,
            words,
            holidays,
        }),
        _ => Err(Problems(problems)),
    }
}

/// The survey pages' words built into the binary, as a list of problems if broken.
pub fn shipped_words() -> Result<Words, Problems> {
    Words::shipped().map_err(|problems| {
        Problems(
            problems
                .into_iter()
                .map(|(file, problem)| FileProblem { file, problem })
                .collect(),
        )
    })
}

/// The framework and forms compiled into the binary.
pub fn shipped(words: Words, assets: &Assets) -> Result<Catalogue, Problems> {
    let framework = ShippedFramework::get("framework.json")
        .map(|f| f.data.into_owned())
        .unwrap_or_default();
    let indicators = ShippedFramework::get(INDICATORS_FILE)
        .map(|f| f.data.into_owned())
        .unwrap_or_default();
    let mut forms: Vec<(String, Vec<u8>)> = ShippedForms::iter()
        .filter_map(|name| {
            ShippedForms::get(&name).map(|f| (format!("survey-forms/{name}"), f.data.into_owned()))
        })
        .collect();
    forms.sort();
    check_all(
        ("framework/framework.json", &framework),
        ("framework/indicators.json", &indicators),
        &forms,
        words,
        assets,
    )
}

/// The framework file and the forms in a folder: every `*.json` but the schema, in
/// the folder and in its `previous/` folder (earlier versions of the forms).
pub fn from_files(
    framework_file: &Path,
    forms_dir: &Path,
    words: Words,
    assets: &Assets,
) -> Result<Catalogue, Problems> {
    let read_problem = |path: &Path, e: std::io::Error| {
        Problems(vec![problem(
            &path.display().to_string(),
            "",
            format!("cannot be read: {e}"),
        )])
    };
    let framework = std::fs::read(framework_file).map_err(|e| read_problem(framework_file, e))?;
    // The indicator catalogue sits beside the framework file.
    let indicators_file = framework_file
        .parent()
        .unwrap_or(Path::new("."))
        .join(INDICATORS_FILE);
    let indicators =
        std::fs::read(&indicators_file).map_err(|e| read_problem(&indicators_file, e))?;
    let json_files = |dir: &Path| -> Result<Vec<PathBuf>, std::io::Error> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                p.is_file() && name.ends_with(".json") && !name.ends_with(".schema.json")
            })
            .collect())
    };
    let mut paths = json_files(forms_dir).map_err(|e| read_problem(forms_dir, e))?;
    let previous = forms_dir.join("previous");
    if previous.is_dir() {
        paths.extend(json_files(&previous).map_err(|e| read_problem(&previous, e))?);
    }
    paths.sort();
    let mut forms = vec![];
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| read_problem(&path, e))?;
        forms.push((path.display().to_string(), bytes));
    }
    check_all(
        (&framework_file.display().to_string(), &framework),
        (&indicators_file.display().to_string(), &indicators),
        &forms,
        words,
        assets,
    )
}
