//! Loading the inspection framework and the survey forms from JSON files: each file
//! is checked against its JSON Schema (draft 2020-12, the `jsonschema` crate, no
//! network), then by the domain's own checks. Every problem is reported with its
//! file, JSON pointer and reason; nothing half-checked is ever used.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::domain::framework::Framework;
use crate::domain::problem::Problem;
use crate::domain::survey_form::{Assets, SurveyForm};

/// The schemas are part of the code's contract, so they are compiled in.
const FORM_SCHEMA: &str = include_str!("../survey-forms/survey-form.schema.json");
const FRAMEWORK_SCHEMA: &str = include_str!("../framework/framework.schema.json");

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

/// The framework and the survey forms, all checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub framework: Framework,
    pub forms: Vec<SurveyForm>,
}

impl Catalogue {
    pub fn form(&self, id: &str) -> Option<&SurveyForm> {
        self.forms.iter().find(|f| f.id == id)
    }
}

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
fn check_file<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    schema: &str,
    rules: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<T, Vec<FileProblem>> {
    let value = validate(file, bytes, schema)?;
    let model: T = serde_json::from_value(value)
        .map_err(|e| vec![problem(file, "", format!("cannot be read: {e}"))])?;
    let problems: Vec<FileProblem> = rules(&model)
        .into_iter()
        .map(|p| FileProblem {
            file: file.to_string(),
            problem: p,
        })
        .collect();
    if problems.is_empty() {
        Ok(model)
    } else {
        Err(problems)
    }
}

/// Check one framework file completely.
pub fn check_framework(file: &str, bytes: &[u8]) -> Result<Framework, Vec<FileProblem>> {
    check_file(file, bytes, FRAMEWORK_SCHEMA, Framework::check)
}

/// Check one survey form completely, against the framework's criteria and the files it may name.
pub fn check_form(
    file: &str,
    bytes: &[u8],
    framework: &Framework,
    assets: &Assets,
) -> Result<SurveyForm, Vec<FileProblem>> {
    let criteria = framework.criterion_ids();
    check_file(file, bytes, FORM_SCHEMA, |form: &SurveyForm| {
        form.check(&criteria, assets)
    })
}

/// Check a set of named files: the framework first (forms need its criteria), then
/// every form, then that no two forms share an id.
pub fn check_all(
    framework: (&str, &[u8]),
    forms: &[(String, Vec<u8>)],
    assets: &Assets,
) -> Result<Catalogue, Problems> {
    let framework = check_framework(framework.0, framework.1).map_err(Problems)?;
    let mut problems = vec![];
    let mut checked: Vec<SurveyForm> = vec![];
    for (file, bytes) in forms {
        match check_form(file, bytes, &framework, assets) {
            Ok(form) => {
                if checked.iter().any(|f| f.id == form.id) {
                    problems.push(problem(
                        file,
                        "/id",
                        format!("another form already has the id \"{}\"", form.id),
                    ));
                } else {
                    checked.push(form);
                }
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if forms.is_empty() {
        problems.push(problem("survey-forms", "", "there are no survey forms"));
    }
    if problems.is_empty() {
        Ok(Catalogue {
            framework,
            forms: checked,
        })
    } else {
        Err(Problems(problems))
    }
}

/// Check a complete response against the JSON Schema derived from its form: the one
/// gate that web submissions, paper responses and API calls all pass.
pub fn check_response(form: &SurveyForm, response: &Value) -> Vec<Problem> {
    let schema = crate::domain::response::response_schema(form);
    match jsonschema::draft202012::options().build(&schema) {
        Ok(validator) => validator
            .iter_errors(response)
            .map(|e| Problem::new(e.instance_path().to_string(), e.to_string()))
            .collect(),
        Err(e) => vec![Problem::new(
            "",
            format!("the response schema of {} is not valid: {e}", form.id),
        )],
    }
}

/// The framework and forms compiled into the binary.
pub fn shipped(assets: &Assets) -> Result<Catalogue, Problems> {
    let framework = ShippedFramework::get("framework.json")
        .map(|f| f.data.into_owned())
        .unwrap_or_default();
    let mut forms: Vec<(String, Vec<u8>)> = ShippedForms::iter()
        .filter_map(|name| {
            ShippedForms::get(&name).map(|f| (format!("survey-forms/{name}"), f.data.into_owned()))
        })
        .collect();
    forms.sort();
    check_all(("framework/framework.json", &framework), &forms, assets)
}

/// The framework file and the forms in a folder (every `*.json` but the schema).
pub fn from_files(
    framework_file: &Path,
    forms_dir: &Path,
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
    let mut paths: Vec<PathBuf> = std::fs::read_dir(forms_dir)
        .map_err(|e| read_problem(forms_dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json") && !name.ends_with(".schema.json")
        })
        .collect();
    paths.sort();
    let mut forms = vec![];
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| read_problem(&path, e))?;
        forms.push((path.display().to_string(), bytes));
    }
    check_all(
        (&framework_file.display().to_string(), &framework),
        &forms,
        assets,
    )
}
