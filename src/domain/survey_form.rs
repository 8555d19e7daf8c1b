//! Survey forms as data: the model read from `survey-forms/*.json`, and the checks
//! the JSON Schema cannot make (unique ids, `show_if` order, translations present,
//! criteria known, scales and symbols that exist).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    ChildrenAndYoungPeople,
    ParentsAndCarers,
    Practitioners,
}

impl Audience {
    pub fn label(self) -> &'static str {
        match self {
            Audience::ChildrenAndYoungPeople => "Children and young people",
            Audience::ParentsAndCarers => "Parents and carers",
            Audience::Practitioners => "Practitioners",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Ltr,
    Rtl,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub dir: Direction,
}

/// Text in each of the form's languages, keyed by language code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagePer {
    Question,
    Section,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Presentation {
    pub page_per: PagePer,
    #[serde(default)]
    pub easy_read: bool,
    #[serde(default)]
    pub symbols: bool,
    #[serde(default = "yes")]
    pub read_aloud: bool,
    #[serde(default)]
    pub offer_dont_understand: bool,
    pub dont_understand: Option<AnswerOption>,
}

fn yes() -> bool {
    true
}

/// How an answer reads for the criterion its question informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Favourable,
    Unfavourable,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AnswerOption {
    pub id: String,
    pub text: Text,
    pub easy_read: Option<Text>,
    pub symbol: Option<String>,
    #[serde(default)]
    pub dont_know: bool,
    /// Favourable or unfavourable; none for neutral answers and "don't know".
    pub tone: Option<Tone>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    SingleChoice,
    MultipleChoice,
    AgreementScale,
    YesNo,
    Number,
    FreeText,
}

impl QuestionType {
    pub fn is_choice(self) -> bool {
        !matches!(self, QuestionType::Number | QuestionType::FreeText)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    AgeBand,
    TypeOfNeed,
    SupportLevel,
    Setting,
    Perspective,
    Role,
    Sector,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BslVideo {
    pub src: String,
    pub captions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Question {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub text: Text,
    pub easy_read: Option<Text>,
    pub hint: Option<Text>,
    pub symbol: Option<String>,
    pub bsl_video: Option<BslVideo>,
    pub options: Option<Vec<AnswerOption>>,
    pub scale: Option<String>,
    pub grouping: Option<Grouping>,
    pub criteria: Vec<String>,
    pub show_if: Option<Condition>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub max_length: Option<u32>,
    /// Whether the answers say something good or bad about the partnership; by
    /// default, yes when any answer has a tone.
    pub directional: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub easy_read: Option<Text>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SurveyForm {
    pub id: String,
    pub version: u32,
    pub audience: Audience,
    pub languages: Vec<Language>,
    pub title: Text,
    pub introduction: Text,
    pub minutes_to_complete: u32,
    pub presentation: Presentation,
    #[serde(default)]
    pub scales: BTreeMap<String, Vec<AnswerOption>>,
    pub sections: Vec<Section>,
}

impl SurveyForm {
    /// Every question in order, with its section.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// The answer options of a choice question: its own, or its scale's.
    pub fn options_of<'a>(&'a self, question: &'a Question) -> &'a [AnswerOption] {
        match (&question.options, &question.scale) {
            (Some(options), _) => options,
            (None, Some(scale)) => self.scales.get(scale).map(Vec::as_slice).unwrap_or(&[]),
            (None, None) => &[],
        }
    }

    /// Whether a question's answers are favourable or not (for agreement figures and the
    /// evidence matrix): it must have answers with a tone, and not be marked otherwise.
    pub fn is_directional(&self, question: &Question) -> bool {
        question.grouping.is_none()
            && question.directional != Some(false)
            && self.options_of(question).iter().any(|o| o.tone.is_some())
    }

    /// Checks beyond the schema. `criteria` are the framework's criterion ids and
    /// `assets` the files the form may name.
    pub fn check(&self, criteria: &BTreeSet<String>, assets: &Assets) -> Vec<Problem> {
        let mut c = Checker {
            form: self,
            languages: self.languages.iter().map(|l| l.code.as_str()).collect(),
            assets,
            problems: vec![],
        };
        c.check_languages();
        c.text("/title", &self.title);
        c.text("/introduction", &self.introduction);
        c.check_presentation();
        for (name, options) in &self.scales {
            c.options(&format!("/scales/{}", escape(name)), options);
        }
        let mut section_ids = BTreeSet::new();
        let mut earlier: Vec<&Question> = vec![];
        let mut question_ids = BTreeSet::new();
        for (s, section) in self.sections.iter().enumerate() {
            let sp = format!("/sections/{s}");
            if !section_ids.insert(section.id.as_str()) {
                c.problem(
                    format!("{sp}/id"),
                    format!("section id \"{}\" is used twice", section.id),
                );
            }
            c.text(&format!("{sp}/title"), &section.title);
            if let Some(t) = &section.easy_read {
                c.text(&format!("{sp}/easy_read"), t);
            }
            for (q, question) in section.questions.iter().enumerate() {
                let qp = format!("{sp}/questions/{q}");
                if !question_ids.insert(question.id.as_str()) {
                    c.problem(
                        format!("{qp}/id"),
                        format!("question id \"{}\" is used twice", question.id),
                    );
                }
                c.question(&qp, question, &earlier, criteria);
                earlier.push(question);
            }
        }
        c.problems
    }
}

/// What a form may rely on beyond itself: the SVG symbols the service ships, the BSL
/// videos and caption files beside the forms (in `bsl/`), and the languages the
/// respondent pages' own words (buttons, help, errors) are written in.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub symbols: BTreeSet<String>,
    pub bsl_files: BTreeSet<String>,
    pub interface_languages: BTreeSet<String>,
}

/// Escape a JSON pointer token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

struct Checker<'a> {
    form: &'a SurveyForm,
    languages: Vec<&'a str>,
    assets: &'a Assets,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn problem(&mut self, pointer: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem::new(pointer, reason));
    }

    fn check_languages(&mut self) {
        let mut seen = BTreeSet::new();
        for (i, lang) in self.form.languages.iter().enumerate() {
            if !seen.insert(lang.code.as_str()) {
                self.problem(
                    format!("/languages/{i}/code"),
                    format!("language \"{}\" is listed twice", lang.code),
                );
            }
            if !self.assets.interface_languages.contains(&lang.code) {
                self.problem(
                    format!("/languages/{i}/code"),
                    format!(
                        "the survey pages have no words of their own in \"{}\" (buttons, help, error messages); add templates/words/{}.json first",
                        lang.code, lang.code
                    ),
                );
            }
        }
    }

    /// Every language of the form, and no other, in one text.
    fn text(&mut self, pointer: &str, text: &Text) {
        for lang in self.languages.clone() {
            if !text.0.contains_key(lang) {
                self.problem(pointer, format!("missing the \"{lang}\" translation"));
            }
        }
        let extra: Vec<String> = text
            .0
            .keys()
            .filter(|k| !self.languages.contains(&k.as_str()))
            .cloned()
            .collect();
        for lang in extra {
            self.problem(
                format!("{pointer}/{}", escape(&lang)),
                format!("\"{lang}\" is not one of the form's languages"),
            );
        }
    }

    fn symbol(&mut self, pointer: String, symbol: &Option<String>) {
        if let Some(name) = symbol {
            if !self.assets.symbols.contains(name) {
                self.problem(pointer, format!("there is no symbol called \"{name}\""));
            }
        }
    }

    fn options(&mut self, pointer: &str, options: &[AnswerOption]) {
        let mut ids = BTreeSet::new();
        for (i, option) in options.iter().enumerate() {
            let op = format!("{pointer}/{i}");
            if !ids.insert(option.id.as_str()) {
                self.problem(
                    format!("{op}/id"),
                    format!("option id \"{}\" is used twice", option.id),
                );
            }
            self.text(&format!("{op}/text"), &option.text);
            if let Some(t) = &option.easy_read {
                self.text(&format!("{op}/easy_read"), t);
            }
            self.symbol(format!("{op}/symbol"), &option.symbol);
        }
    }

    fn check_presentation(&mut self) {
        let p = &self.form.presentation;
        if self.form.audience == Audience::ChildrenAndYoungPeople {
            if p.page_per != PagePer::Question {
                self.problem(
                    "/presentation/page_per",
                    "the children and young people's survey must show one question per page",
                );
            }
            if !p.offer_dont_understand {
                self.problem(
                    "/presentation/offer_dont_understand",
                    "the children and young people's survey must offer \"I don't understand\" on every choice question",
                );
            }
        }
        match (&p.dont_understand, p.offer_dont_understand) {
            (None, true) => self.problem(
                "/presentation",
                "offer_dont_understand needs a dont_understand answer to offer",
            ),
            (Some(option), _) => {
                let option = option.clone();
                self.text("/presentation/dont_understand/text", &option.text);
                if let Some(t) = &option.easy_read {
                    self.text("/presentation/dont_understand/easy_read", t);
                }
                self.symbol(
                    "/presentation/dont_understand/symbol".into(),
                    &option.symbol,
                );
            }
            (None, false) => {}
        }
    }

    fn question(
        &mut self,
        qp: &str,
        q: &Question,
        earlier: &[&Question],
        criteria: &BTreeSet<String>,
    ) {
        self.text(&format!("{qp}/text"), &q.text);
        for (name, t) in [("easy_read", &q.easy_read), ("hint", &q.hint)] {
            if let Some(t) = t {
                self.text(&format!("{qp}/{name}"), t);
            }
        }
        self.symbol(format!("{qp}/symbol"), &q.symbol);
        if let Some(video) = &q.bsl_video {
            for (name, file) in [("src", &video.src), ("captions", &video.captions)] {
                if !self.assets.bsl_files.contains(file) {
                    self.problem(
                        format!("{qp}/bsl_video/{name}"),
                        format!("there is no file \"{file}\" in the forms' bsl folder"),
                    );
                }
            }
        }
        if let Some(options) = &q.options {
            self.options(&format!("{qp}/options"), options);
        }
        if q.directional == Some(true) && !self.form.options_of(q).iter().any(|o| o.tone.is_some())
        {
            self.problem(
                format!("{qp}/directional"),
                "a directional question needs answers with a tone (favourable or unfavourable)",
            );
        }
        if let Some(scale) = &q.scale {
            match self.form.scales.get(scale) {
                None => self.problem(format!("{qp}/scale"), format!("there is no scale called \"{scale}\" in /scales")),
                Some(options) if q.kind == QuestionType::AgreementScale && !options.iter().any(|o| o.dont_know) => self.problem(
                    format!("{qp}/scale"),
                    format!("an agreement scale needs a \"don't know\" answer, and scale \"{scale}\" has none"),
                ),
                Some(_) => {}
            }
        }
        for (i, criterion) in q.criteria.iter().enumerate() {
            if !criteria.contains(criterion) {
                self.problem(
                    format!("{qp}/criteria/{i}"),
                    format!("criterion \"{criterion}\" is not in the framework"),
                );
            }
        }
        if let (Some(min), Some(max)) = (q.min, q.max) {
            if min > max {
                self.problem(
                    format!("{qp}/min"),
                    format!("min ({min}) is more than max ({max})"),
                );
            }
        }
        if let Some(cond) = &q.show_if {
            match earlier.iter().find(|e| e.id == cond.question) {
                None if self.form.question(&cond.question).is_some() => self.problem(
                    format!("{qp}/show_if/question"),
                    format!("show_if refers to \"{}\", which comes later in the form; it must refer to an earlier question", cond.question),
                ),
                None => self.problem(
                    format!("{qp}/show_if/question"),
                    format!("show_if refers to \"{}\", which is not a question in this form", cond.question),
                ),
                Some(target) if !target.kind.is_choice() => self.problem(
                    format!("{qp}/show_if/question"),
                    format!("show_if refers to \"{}\", which has no answer options", cond.question),
                ),
                Some(target) => {
                    let known: BTreeSet<&str> = self.form.options_of(target).iter().map(|o| o.id.as_str()).collect();
                    for (i, option) in cond.any_of.iter().enumerate() {
                        if !known.contains(option.as_str()) {
                            self.problem(
                                format!("{qp}/show_if/any_of/{i}"),
                                format!("\"{option}\" is not an answer to \"{}\"", cond.question),
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn criteria() -> BTreeSet<String> {
        ["A1", "A3", "B2"].iter().map(|s| s.to_string()).collect()
    }

    fn assets() -> Assets {
        Assets {
            symbols: ["face-1", "dont-understand"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            bsl_files: ["q1.mp4", "q1.vtt"].iter().map(|s| s.to_string()).collect(),
            interface_languages: ["en", "ur"].iter().map(|s| s.to_string()).collect(),
        }
    }

    fn form(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<Problem> {
        let mut value = json!({
            "id": "kids", "version": 1, "audience": "children_and_young_people",
            "languages": [{"code": "en", "name": "English", "dir": "ltr"}, {"code": "ur", "name": "اردو", "dir": "rtl"}],
            "title": {"en": "T", "ur": "ٹ"}, "introduction": {"en": "I", "ur": "ا"}, "minutes_to_complete": 5,
            "presentation": {"page_per": "question", "offer_dont_understand": true,
                "dont_understand": {"id": "dont_understand", "text": {"en": "I don't understand", "ur": "مجھے سمجھ نہیں آیا"}, "symbol": "dont-understand"}},
            "scales": {"agree": [
                {"id": "yes", "text": {"en": "Yes", "ur": "ہاں"}, "symbol": "face-1"},
                {"id": "no", "text": {"en": "No", "ur": "نہیں"}},
                {"id": "dont_know", "text": {"en": "Don't know", "ur": "پتہ نہیں"}, "dont_know": true}
            ]},
            "sections": [{"id": "s1", "title": {"en": "S", "ur": "س"}, "questions": [
                {"id": "q1", "type": "single_choice", "text": {"en": "Q1", "ur": "س1"}, "criteria": [], "grouping": "age_band",
                 "options": [{"id": "young", "text": {"en": "5-10", "ur": "5-10"}}, {"id": "old", "text": {"en": "11+", "ur": "11+"}}]},
                {"id": "q2", "type": "agreement_scale", "scale": "agree", "text": {"en": "Q2", "ur": "س2"}, "criteria": ["A1"],
                 "show_if": {"question": "q1", "any_of": ["old"]}}
            ]}]
        });
        edit(&mut value);
        let form: SurveyForm = serde_json::from_value(value).unwrap();
        form.check(&criteria(), &assets())
    }

    fn pointers(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.pointer.as_str()).collect()
    }

    #[test]
    fn a_good_form_has_no_problems() {
        assert_eq!(form(|_| {}), vec![]);
    }

    #[test]
    fn duplicate_ids_are_found() {
        let p = form(|v| v["sections"][0]["questions"][1]["id"] = json!("q1"));
        assert!(
            p.iter()
                .any(|p| p.pointer == "/sections/0/questions/1/id"
                    && p.reason.contains("used twice")),
            "{p:?}"
        );
        let p = form(|v| v["sections"][0]["questions"][0]["options"][1]["id"] = json!("young"));
        // Renaming "old" also leaves q2's show_if pointing at an answer that is gone.
        assert_eq!(
            pointers(&p),
            vec![
                "/sections/0/questions/0/options/1/id",
                "/sections/0/questions/1/show_if/any_of/0"
            ]
        );
    }

    #[test]
    fn show_if_must_point_back_at_a_real_answer() {
        let p =
            form(|v| v["sections"][0]["questions"][1]["show_if"]["question"] = json!("nowhere"));
        assert_eq!(
            pointers(&p),
            vec!["/sections/0/questions/1/show_if/question"]
        );
        assert!(p[0].reason.contains("not a question in this form"));
        let p = form(|v| {
            v["sections"][0]["questions"][1]["show_if"] = serde_json::Value::Null;
            v["sections"][0]["questions"][0]["show_if"] =
                json!({"question": "q2", "any_of": ["yes"]});
        });
        assert_eq!(
            pointers(&p),
            vec!["/sections/0/questions/0/show_if/question"]
        );
        assert!(p[0].reason.contains("comes later"));
        let p = form(|v| {
            v["sections"][0]["questions"][1]["show_if"]["any_of"] = json!(["old", "ancient"])
        });
        assert_eq!(
            pointers(&p),
            vec!["/sections/0/questions/1/show_if/any_of/1"]
        );
    }

    #[test]
    fn every_text_needs_every_language() {
        let p = form(|v| {
            v["sections"][0]["questions"][1]["text"] = json!({"en": "Q2"});
        });
        assert_eq!(pointers(&p), vec!["/sections/0/questions/1/text"]);
        assert!(p[0].reason.contains("missing the \"ur\" translation"));
        let p = form(|v| v["title"]["fr"] = json!("T"));
        assert_eq!(pointers(&p), vec!["/title/fr"]);
    }

    #[test]
    fn criteria_scales_and_symbols_must_exist() {
        let p = form(|v| v["sections"][0]["questions"][1]["criteria"] = json!(["A1", "Z9"]));
        assert_eq!(pointers(&p), vec!["/sections/0/questions/1/criteria/1"]);
        let p = form(|v| v["sections"][0]["questions"][1]["scale"] = json!("missing"));
        assert!(pointers(&p).contains(&"/sections/0/questions/1/scale"));
        let p = form(|v| v["scales"]["agree"][2]["dont_know"] = json!(false));
        assert_eq!(pointers(&p), vec!["/sections/0/questions/1/scale"]);
        let p = form(|v| v["scales"]["agree"][0]["symbol"] = json!("unicorn"));
        assert_eq!(pointers(&p), vec!["/scales/agree/0/symbol"]);
    }

    #[test]
    fn bsl_videos_and_their_captions_must_be_there() {
        let good = json!({"src": "q1.mp4", "captions": "q1.vtt"});
        assert_eq!(
            form(|v| v["sections"][0]["questions"][0]["bsl_video"] = good),
            vec![]
        );
        let p = form(|v| {
            v["sections"][0]["questions"][0]["bsl_video"] =
                json!({"src": "q2.webm", "captions": "q2.vtt"})
        });
        assert_eq!(
            pointers(&p),
            vec![
                "/sections/0/questions/0/bsl_video/src",
                "/sections/0/questions/0/bsl_video/captions"
            ]
        );
        assert!(p[0].reason.contains("\"q2.webm\""));
    }

    #[test]
    fn the_childrens_survey_rules() {
        let p = form(|v| v["presentation"]["page_per"] = json!("section"));
        assert_eq!(pointers(&p), vec!["/presentation/page_per"]);
        let p = form(|v| {
            v["presentation"]["offer_dont_understand"] = json!(false);
        });
        assert_eq!(pointers(&p), vec!["/presentation/offer_dont_understand"]);
    }

    #[test]
    fn options_come_from_the_question_or_its_scale() {
        let value = json!({"id": "q", "type": "yes_no", "scale": "agree", "text": {"en": "Q"}, "criteria": ["A1"]});
        let q: Question = serde_json::from_value(value).unwrap();
        let f: SurveyForm = serde_json::from_value(json!({
            "id": "f", "version": 1, "audience": "practitioners", "languages": [{"code": "en", "name": "English", "dir": "ltr"}],
            "title": {"en": "T"}, "introduction": {"en": "I"}, "minutes_to_complete": 5, "presentation": {"page_per": "section"},
            "scales": {"agree": [{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}]},
            "sections": [{"id": "s", "title": {"en": "S"}, "questions": [{"id": "q", "type": "free_text", "text": {"en": "Q"}, "criteria": ["A1"], "max_length": 10}]}]
        }))
        .unwrap();
        assert_eq!(f.options_of(&q).len(), 2);
        assert!(
            f.presentation.read_aloud,
            "read-aloud is on unless a form turns it off"
        );
        assert_eq!(f.title.get("ur"), "T", "falls back to English");
    }
}
