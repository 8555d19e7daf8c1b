//! The survey pages' own words (buttons, headings, help, refusals) in every language
//! a form may use, as data files (`templates/words/LANG.json`) checked at start-up
//! like the forms, so that pages, emails and easy-read summaries share them. A
//! survey form's own questions come from the form file.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;
use crate::domain::response::AnswerProblem;

/// Every word of the survey pages in one language. A missing or unknown key in a
/// language file is an error at start-up, so no page shows a blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyWords {
    pub adult_helping: String,
    pub already_sent: String,
    pub answered_body: String,
    pub answered_heading: String,
    pub anonymous: String,
    pub answers_invalid: String,
    pub back: String,
    pub back_to_start: String,
    pub bsl_caption: String,
    pub change: String,
    pub check_heading: String,
    pub closed_body: String,
    pub closed_heading: String,
    pub code_clash: String,
    #[serde(rename = "continue")]
    pub continue_: String,
    pub continue_here: String,
    pub done_body: String,
    pub done_heading: String,
    pub done_next: String,
    pub easy_read: String,
    pub error_expired: String,
    pub error_heading: String,
    pub error_not_found: String,
    pub error_not_found_heading: String,
    pub error_prefix: String,
    pub error_server: String,
    pub error_too_long: String,
    pub error_too_many: String,
    pub error_too_many_heading: String,
    pub error_unreadable: String,
    pub help_adults: String,
    pub help_children: String,
    pub help_heading: String,
    pub high_contrast: String,
    pub how_heading: String,
    pub how_hint: String,
    pub how_long: String,
    pub invited_body: String,
    pub invited_heading: String,
    pub language: String,
    pub larger_text: String,
    pub max_chars: String,
    pub next_person: String,
    pub no_time_limit: String,
    pub not_answered: String,
    pub opens_body: String,
    pub opens_heading: String,
    pub opt_out_body: String,
    pub opt_out_button: String,
    pub opt_out_heading: String,
    pub opted_out: String,
    pub problem: String,
    pub problem_dont_understand_with_others: String,
    pub problem_more_than_one_choice: String,
    pub problem_more_than_one_value: String,
    pub problem_not_among_options: String,
    pub problem_not_an_option: String,
    pub problem_not_on_this_page: String,
    pub problem_number_out_of_range: String,
    pub problem_too_long: String,
    pub question_of: String,
    pub read_aloud: String,
    pub read_aloud_button: String,
    pub read_aloud_stop: String,
    pub resume_code: String,
    pub resume_code_link: String,
    pub resume_example: String,
    pub resume_heading: String,
    pub resume_hint: String,
    pub resume_label: String,
    pub resume_link: String,
    pub resume_not_found: String,
    pub section_of: String,
    pub send: String,
    pub send_hint: String,
    pub skip: String,
    pub skip_any: String,
    pub start_now: String,
    pub symbols: String,
}

#[derive(rust_embed::RustEmbed)]
#[folder = "templates/words/"]
#[include = "*.json"]
struct WordFiles;

/// The words of the survey pages, by language code.
#[derive(Debug, Clone)]
pub struct Words {
    by_language: BTreeMap<String, Arc<SurveyWords>>,
    /// Always there (the check insists), and used where a language has no words.
    english: Arc<SurveyWords>,
}

/// The `{name}` placeholders in a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found = vec![];
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found.sort_unstable();
    found
}

impl Words {
    /// Read and check a set of language files: each must have every key, and each
    /// translation the same placeholders as the English.
    pub fn from_files(files: &[(String, Vec<u8>)]) -> Result<Self, Vec<(String, Problem)>> {
        let mut problems = vec![];
        let mut by_language = BTreeMap::new();
        let mut raw: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        for (name, bytes) in files {
            let lang = name.trim_end_matches(".json").to_string();
            let file = format!("templates/words/{name}");
            match serde_json::from_slice::<SurveyWords>(bytes) {
                Ok(words) => {
                    if let Ok(value) = serde_json::to_value(&words) {
                        raw.insert(lang.clone(), value);
                    }
                    by_language.insert(lang, Arc::new(words));
                }
                Err(e) => problems.push((file, Problem::new("", e.to_string()))),
            }
        }
        match raw.get("en") {
            None => problems.push((
                "templates/words/en.json".to_string(),
                Problem::new("", "the English words are missing"),
            )),
            Some(english) => {
                for (lang, words) in &raw {
                    let (Some(en), Some(other)) = (english.as_object(), words.as_object()) else {
                        continue;
                    };
                    for (key, text) in en {
                        let want = placeholders(text.as_str().unwrap_or(""));
                        let got =
                            placeholders(other.get(key).and_then(|v| v.as_str()).unwrap_or(""));
                        if want != got {
                            problems.push((
                                format!("templates/words/{lang}.json"),
                                Problem::new(
                                    format!("/{key}"),
                                    format!(
                                        "has placeholders {got:?}, but the English has {want:?}"
                                    ),
                                ),
                            ));
                        }
                    }
                }
            }
        }
        match by_language.get("en").cloned() {
            Some(english) if problems.is_empty() => Ok(Self {
                by_language,
                english,
            }),
            _ => Err(problems),
        }
    }

    /// The words built into the binary.
    pub fn shipped() -> Result<Self, Vec<(String, Problem)>> {
        let mut files: Vec<(String, Vec<u8>)> = WordFiles::iter()
            .filter_map(|name| {
                WordFiles::get(&name).map(|f| (name.to_string(), f.data.into_owned()))
            })
            .collect();
        files.sort();
        Self::from_files(&files)
    }

    /// The languages there are words for.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.by_language.keys().map(String::as_str)
    }

    /// Every language's words as key and text, for templates (`{{w "key"}}`).
    pub fn tables(&self) -> BTreeMap<String, std::collections::HashMap<String, String>> {
        self.by_language
            .iter()
            .map(|(lang, words)| {
                let table = serde_json::to_value(words.as_ref())
                    .ok()
                    .and_then(|v| v.as_object().cloned())
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|(k, v)| v.as_str().map(|t| (k, t.to_string())))
                    .collect();
                (lang.clone(), table)
            })
            .collect()
    }

    /// The words in `lang`, or in English.
    pub fn get(&self, lang: &str) -> Arc<SurveyWords> {
        self.by_language.get(lang).unwrap_or(&self.english).clone()
    }
}

impl SurveyWords {
    /// Why an answer was not taken, in these words. `dont_understand` is the form's
    /// own wording of "I don't understand" in the same language.
    pub fn answer_problem(&self, problem: &AnswerProblem, dont_understand: &str) -> String {
        use AnswerProblem::*;
        match problem {
            NotOnThisPage => self.problem_not_on_this_page.clone(),
            NotAnOption => self.problem_not_an_option.clone(),
            MoreThanOneChoice => self.problem_more_than_one_choice.clone(),
            NotAmongOptions => self.problem_not_among_options.clone(),
            DontUnderstandWithOthers => self
                .problem_dont_understand_with_others
                .replace("{dont_understand}", dont_understand),
            NumberOutOfRange { min, max } => self
                .problem_number_out_of_range
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string()),
            MoreThanOneValue => self.problem_more_than_one_value.clone(),
            TooLong { limit, length } => self
                .problem_too_long
                .replace("{limit}", &limit.to_string())
                .replace("{length}", &length.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_words_are_complete_in_every_language() {
        let words = Words::shipped().unwrap();
        assert_eq!(words.languages().collect::<Vec<_>>(), vec!["en", "ur"]);
        let urdu = words.get("ur");
        let english = words.get("en");
        assert_eq!(
            words.get("fr"),
            english,
            "English where there is no translation"
        );
        let all = [
            AnswerProblem::NotOnThisPage,
            AnswerProblem::NotAnOption,
            AnswerProblem::MoreThanOneChoice,
            AnswerProblem::NotAmongOptions,
            AnswerProblem::DontUnderstandWithOthers,
            AnswerProblem::NumberOutOfRange { min: 0, max: 25 },
            AnswerProblem::MoreThanOneValue,
            AnswerProblem::TooLong {
                limit: 10,
                length: 12,
            },
        ];
        for problem in &all {
            let english_text = english.answer_problem(problem, "I don't understand");
            if *problem != AnswerProblem::DontUnderstandWithOthers {
                assert_eq!(
                    english_text,
                    problem.to_string(),
                    "the domain's own wording"
                );
            }
            let urdu_text = urdu.answer_problem(problem, "مجھے سمجھ نہیں آیا");
            assert!(!urdu_text.is_empty() && !urdu_text.contains('{'));
            assert!(
                !urdu_text.chars().any(|c| c.is_ascii_alphabetic()),
                "no English in {urdu_text}"
            );
        }
        assert!(english
            .answer_problem(&all[4], "I don't understand")
            .contains("\u{201c}I don't understand\u{201d}"));
    }

    #[test]
    fn a_missing_key_or_placeholder_is_refused() {
        let en = std::fs::read("templates/words/en.json").unwrap();
        let mut ur: serde_json::Value =
            serde_json::from_slice(&std::fs::read("templates/words/ur.json").unwrap()).unwrap();
        ur["question_of"] = serde_json::json!("سوال {n}");
        let files = vec![
            ("en.json".to_string(), en.clone()),
            ("ur.json".to_string(), serde_json::to_vec(&ur).unwrap()),
        ];
        let problems = Words::from_files(&files).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].1.pointer, "/question_of");
        ur.as_object_mut().unwrap().remove("send");
        let files = vec![
            ("en.json".to_string(), en),
            ("ur.json".to_string(), serde_json::to_vec(&ur).unwrap()),
        ];
        let problems = Words::from_files(&files).unwrap_err();
        assert!(problems[0].1.reason.contains("send"), "{problems:?}");
        assert!(Words::from_files(&[]).is_err(), "English is required");
    }
}
