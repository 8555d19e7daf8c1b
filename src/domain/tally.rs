//! Running tallies of a survey's answers, kept as each response is sent, so that
//! collating costs the same however many responses are stored.
//!
//! Respondents fall into groups along dimensions: everyone; each answer to each
//! grouping question (age band, need, plan or support, setting...) with "not
//! answered"; the channel; whether an adult helped. Each group keeps one count per
//! cell of the form version, a cell being "answered this question" or "chose this
//! answer", in the form's order.

use std::collections::BTreeMap;

use super::answering::offered_options;
use super::response::{final_answers, Answer, Answers};
use super::survey::Channel;
use super::survey_form::{Audience, QuestionType, SurveyForm};

/// The dimension of everyone who answered.
pub const EVERYONE: &str = "all";
/// The dimension of the channel a response came through.
pub const CHANNEL: &str = "channel";
/// The dimension of whether an adult helped (children's surveys).
pub const HELPED: &str = "helped_by_adult";
/// The group value of respondents who did not answer a grouping question.
pub const NOT_ANSWERED: &str = "not_answered";

/// One group of respondents: a dimension and a value along it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Group {
    pub dimension: String,
    pub value: String,
}

impl Group {
    pub fn new(dimension: &str, value: &str) -> Self {
        Self {
            dimension: dimension.to_string(),
            value: value.to_string(),
        }
    }

    pub fn everyone() -> Self {
        Self::new(EVERYONE, "")
    }
}

/// The dimension of a grouping question: `q:` and its id.
pub fn grouping_dimension(question_id: &str) -> String {
    format!("q:{question_id}")
}

/// The cells of a form version, in order: for each question, "answered", then each
/// answer it offers (for choice questions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    cells: Vec<(String, Option<String>)>,
    index: BTreeMap<(String, Option<String>), usize>,
}

impl Layout {
    pub fn for_form(form: &SurveyForm) -> Self {
        let mut cells = vec![];
        for (_, q) in form.questions() {
            cells.push((q.id.clone(), None));
            if q.kind.is_choice() {
                for (option, _) in offered_options(form, q) {
                    cells.push((q.id.clone(), Some(option.id.clone())));
                }
            }
        }
        let index = cells
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect();
        Self { cells, index }
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The position of "answered `question`" (option `None`) or "chose `option`".
    pub fn position(&self, question: &str, option: Option<&str>) -> Option<usize> {
        self.index
            .get(&(question.to_string(), option.map(String::from)))
            .copied()
    }
}

/// The groups one sent response belongs to.
pub fn groups_of(
    form: &SurveyForm,
    answers: &Answers,
    channel: Channel,
    helped: bool,
) -> Vec<Group> {
    let answers = final_answers(form, answers);
    let mut groups = vec![Group::everyone(), Group::new(CHANNEL, channel.as_str())];
    if form.audience == Audience::ChildrenAndYoungPeople {
        groups.push(Group::new(HELPED, if helped { "yes" } else { "no" }));
    }
    for (_, q) in form.questions().filter(|(_, q)| q.grouping.is_some()) {
        let dimension = grouping_dimension(&q.id);
        match answers.get(&q.id) {
            Some(Answer::Choice(c)) => groups.push(Group::new(&dimension, c)),
            Some(Answer::Choices(cs)) if !cs.is_empty() => {
                groups.extend(cs.iter().map(|c| Group::new(&dimension, c)))
            }
            _ => groups.push(Group::new(&dimension, NOT_ANSWERED)),
        }
    }
    groups
}

/// The cells one sent response adds one to, in every group it belongs to.
pub fn cells_of(layout: &Layout, form: &SurveyForm, answers: &Answers) -> Vec<usize> {
    let answers = final_answers(form, answers);
    let mut cells = vec![];
    for (question, answer) in &answers {
        let Some(answered) = layout.position(question, None) else {
            continue;
        };
        cells.push(answered);
        match answer {
            Answer::Choice(c) => cells.extend(layout.position(question, Some(c))),
            Answer::Choices(cs) => {
                cells.extend(cs.iter().filter_map(|c| layout.position(question, Some(c))))
            }
            Answer::Number(_) | Answer::Text(_) => {}
        }
    }
    cells.sort_unstable();
    cells.dedup();
    cells
}

/// Counts as stored: numbers separated by commas.
pub fn encode(counts: &[u64]) -> String {
    let mut out = String::with_capacity(counts.len() * 2);
    for (i, n) in counts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&n.to_string());
    }
    out
}

/// Read stored counts for a layout of `len` cells; None if they are not that.
pub fn decode(text: &str, len: usize) -> Option<Vec<u64>> {
    if text.is_empty() {
        return (len == 0).then(Vec::new);
    }
    let counts: Vec<u64> = text
        .split(',')
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    (counts.len() == len).then_some(counts)
}

/// Add one to each of `cells`.
pub fn add(counts: &mut [u64], cells: &[usize]) {
    for &c in cells {
        if let Some(n) = counts.get_mut(c) {
            *n += 1;
        }
    }
}

/// A group's counts as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    pub group: Group,
    pub responses: u64,
    pub counts: Vec<u64>,
}

/// All of a survey's tallies, read back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tallies {
    pub groups: Vec<GroupCounts>,
}

impl Tallies {
    pub fn group(&self, dimension: &str, value: &str) -> Option<&GroupCounts> {
        self.groups
            .iter()
            .find(|g| g.group.dimension == dimension && g.group.value == value)
    }

    pub fn everyone(&self) -> Option<&GroupCounts> {
        self.group(EVERYONE, "")
    }

    /// The groups along one dimension.
    pub fn along(&self, dimension: &str) -> Vec<&GroupCounts> {
        self.groups
            .iter()
            .filter(|g| g.group.dimension == dimension)
            .collect()
    }

    /// Responses sent, by everyone.
    pub fn responses(&self) -> u64 {
        self.everyone().map(|g| g.responses).unwrap_or(0)
    }
}

/// Whether each respondent is in exactly one group along this dimension: true for
/// single-choice grouping questions (with "not answered"), the channel, and help.
pub fn dimension_partitions(form: &SurveyForm, dimension: &str) -> bool {
    match dimension.strip_prefix("q:") {
        Some(q) => form
            .question(q)
            .is_some_and(|q| q.kind != QuestionType::MultipleChoice),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form() -> SurveyForm {
        serde_json::from_value(json!({
            "id": "f", "version": 1, "audience": "children_and_young_people",
            "languages": [{"code": "en", "name": "English", "dir": "ltr"}],
            "title": {"en": "T"}, "introduction": {"en": "I"}, "minutes_to_complete": 5,
            "presentation": {"page_per": "question", "offer_dont_understand": true,
                "dont_understand": {"id": "dont_understand", "text": {"en": "?"}}},
            "sections": [{"id": "s", "title": {"en": "S"}, "questions": [
                {"id": "age", "type": "single_choice", "grouping": "age_band", "text": {"en": "Age"}, "criteria": [],
                 "options": [{"id": "young", "text": {"en": "Young"}}, {"id": "old", "text": {"en": "Old"}}]},
                {"id": "need", "type": "multiple_choice", "grouping": "type_of_need", "text": {"en": "Need"}, "criteria": [],
                 "options": [{"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}]},
                {"id": "happy", "type": "yes_no", "text": {"en": "Happy?"}, "criteria": ["A1"],
                 "options": [{"id": "yes", "text": {"en": "Yes"}, "tone": "favourable"}, {"id": "no", "text": {"en": "No"}}]},
                {"id": "say", "type": "free_text", "text": {"en": "Say"}, "criteria": ["A3"]}
            ]}]
        }))
        .unwrap()
    }

    #[test]
    fn a_response_counts_in_each_of_its_groups() {
        let f = form();
        let layout = Layout::for_form(&f);
        // age: answered + 2 + don't understand; need: 1 + 3; happy: 1 + 3; say: 1.
        assert_eq!(layout.len(), 4 + 4 + 4 + 1);
        let mut answers = Answers::new();
        answers.insert("age".into(), Answer::Choice("old".into()));
        answers.insert("need".into(), Answer::Choices(vec!["a".into(), "b".into()]));
        answers.insert("happy".into(), Answer::Choice("yes".into()));
        answers.insert("say".into(), Answer::Text("hello".into()));
        let groups = groups_of(&f, &answers, Channel::Kiosk, true);
        assert_eq!(
            groups,
            vec![
                Group::everyone(),
                Group::new(CHANNEL, "kiosk"),
                Group::new(HELPED, "yes"),
                Group::new("q:age", "old"),
                Group::new("q:need", "a"),
                Group::new("q:need", "b"),
            ]
        );
        let cells = cells_of(&layout, &f, &answers);
        assert_eq!(cells.len(), 2 + 3 + 2 + 1);
        assert!(cells.contains(&layout.position("happy", Some("yes")).unwrap()));
        let none = groups_of(&f, &Answers::new(), Channel::OpenLink, false);
        assert!(none.contains(&Group::new("q:age", NOT_ANSWERED)));
        assert!(dimension_partitions(&f, "q:age"));
        assert!(!dimension_partitions(&f, "q:need"));
        assert!(dimension_partitions(&f, CHANNEL));
    }

    #[test]
    fn counts_round_trip_through_text() {
        let mut counts = vec![0u64; 5];
        add(&mut counts, &[0, 3, 3, 9]);
        assert_eq!(counts, vec![1, 0, 0, 2, 0]);
        assert_eq!(decode(&encode(&counts), 5), Some(counts));
        assert_eq!(
            decode("1,2", 3),
            None,
            "a layout that does not match is not used"
        );
        assert_eq!(decode("1,x,2", 3), None);
        assert_eq!(decode("", 0), Some(vec![]));
    }
}
