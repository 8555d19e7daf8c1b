//! Collated survey results: per question, counts and percentages, broken down by
//! every grouping question, the channel and help from an adult, with small numbers
//! suppressed across all of a question's tables together (see `suppression`), the
//! rate of "I don't understand", and the share of favourable answers.
//!
//! Everything here is built from [`Cell`]s, so no count below the threshold can be
//! shown, charted or exported by mistake.

use super::answering::offered_options;
use super::suppression::{
    percent, suppress_survey, BreakdownCounts, Cell, GroupCounts as SGroup, QuestionCounts,
    SuppressionError,
};
use super::survey_form::{Question, SurveyForm, Tone};
use super::tally::{
    dimension_partitions, Layout, Tallies, CHANNEL, EVERYONE, HELPED, NOT_ANSWERED,
};

/// One answer's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionResult<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub count: Cell,
    pub percent: Option<f64>,
    pub tone: Option<Tone>,
    /// "I don't understand", set apart.
    pub dont_understand: bool,
    pub dont_know: bool,
}

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupResult {
    pub value: String,
    pub label: String,
    pub answered: Cell,
    pub options: Vec<(Cell, Option<f64>)>,
}

/// A question's figures broken down along one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownResult {
    pub dimension: String,
    pub label: String,
    pub groups: Vec<GroupResult>,
}

/// One question's collated figures.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult<'a> {
    pub question: &'a Question,
    pub answered: Cell,
    pub options: Vec<OptionResult<'a>>,
    /// The share answering "I don't understand": a signal about the question itself.
    pub dont_understand_rate: Option<f64>,
    /// Among those who gave an opinion (not "don't know" or "I don't understand"), the
    /// share whose answer is favourable; none when not directional or suppressed.
    pub favourable: Option<f64>,
    pub breakdowns: Vec<BreakdownResult>,
}

/// A survey's collated results.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyResults<'a> {
    pub form: &'a SurveyForm,
    pub responses: Cell,
    pub questions: Vec<QuestionResult<'a>>,
    /// The dimensions there are breakdowns along, with their labels.
    pub dimensions: Vec<(String, String)>,
}

/// The label of a dimension.
pub fn dimension_label(form: &SurveyForm, dimension: &str) -> String {
    match dimension {
        CHANNEL => "How they answered".to_string(),
        HELPED => "Helped by an adult".to_string(),
        d => d
            .strip_prefix("q:")
            .and_then(|q| form.question(q))
            .map(|q| q.text.get("en").to_string())
            .unwrap_or_else(|| d.to_string()),
    }
}

/// The label of a group along a dimension.
pub fn group_label(form: &SurveyForm, dimension: &str, value: &str) -> String {
    if value == NOT_ANSWERED {
        return "Not answered".to_string();
    }
    match dimension {
        CHANNEL => super::survey::Channel::parse(value)
            .map(|c| c.label().to_string())
            .unwrap_or_else(|| value.to_string()),
        HELPED => if value == "yes" {
            "Helped"
        } else {
            "Not helped"
        }
        .to_string(),
        d => d
            .strip_prefix("q:")
            .and_then(|q| form.question(q))
            .and_then(|q| {
                offered_options(form, q)
                    .into_iter()
                    .find(|(o, _)| o.id == value)
            })
            .map(|(o, _)| o.text.get("en").to_string())
            .unwrap_or_else(|| value.to_string()),
    }
}

/// Where a group comes in its breakdown: a grouping question's groups in the order
/// the form offers its answers, channels in their usual order, "not answered" last.
pub fn group_order(form: &SurveyForm, dimension: &str, value: &str) -> usize {
    if value == NOT_ANSWERED {
        return usize::MAX;
    }
    match dimension {
        CHANNEL => super::survey::Channel::ALL
            .iter()
            .position(|c| c.as_str() == value)
            .unwrap_or(usize::MAX - 1),
        HELPED => usize::from(value != "yes"),
        d => d
            .strip_prefix("q:")
            .and_then(|q| form.question(q))
            .and_then(|q| {
                offered_options(form, q)
                    .iter()
                    .position(|(o, _)| o.id == value)
            })
            .unwrap_or(usize::MAX - 1),
    }
}

fn count_at(counts: &[u64], at: Option<usize>) -> u64 {
    at.and_then(|i| counts.get(i)).copied().unwrap_or(0)
}

/// Collate a survey's tallies, suppressing counts below `threshold`.
pub fn collate<'a>(
    form: &'a SurveyForm,
    layout: &Layout,
    tallies: &Tallies,
    threshold: u64,
) -> Result<SurveyResults<'a>, SuppressionError> {
    let everyone = tallies.everyone();
    let empty = vec![0; layout.len()];
    let all = everyone.map(|g| &g.counts).unwrap_or(&empty);
    let mut dimensions: Vec<String> = tallies
        .groups
        .iter()
        .map(|g| g.group.dimension.clone())
        .filter(|d| d != EVERYONE)
        .collect();
    dimensions.sort();
    dimensions.dedup();
    // Grouping questions first, in the form's order, then channel and help.
    let order = |d: &String| {
        form.questions()
            .position(|(_, q)| d.strip_prefix("q:") == Some(q.id.as_str()))
            .unwrap_or(usize::MAX)
    };
    dimensions.sort_by_key(order);
    // Every question's counts first, so they can be suppressed together.
    struct Prepared<'f> {
        question: &'f Question,
        options: Vec<(&'f super::survey_form::AnswerOption, bool)>,
        breakdown_dims: Vec<String>,
    }
    let mut prepared = vec![];
    let mut all_counts = vec![];
    let mut grouping = vec![];
    let mut labels = vec![];
    for (_, q) in form.questions() {
        let options = offered_options(form, q);
        let answered_at = layout.position(&q.id, None);
        let option_at: Vec<Option<usize>> = options
            .iter()
            .map(|(o, _)| layout.position(&q.id, Some(&o.id)))
            .collect();
        let own = super::tally::grouping_dimension(&q.id);
        let breakdown_dims: Vec<String> =
            dimensions.iter().filter(|d| **d != own).cloned().collect();
        let counts = QuestionCounts {
            options: option_at.iter().map(|at| count_at(all, *at)).collect(),
            answered: count_at(all, answered_at),
            options_partition: q.kind.is_choice()
                && q.kind != super::survey_form::QuestionType::MultipleChoice,
            breakdowns: breakdown_dims
                .iter()
                .map(|d| BreakdownCounts {
                    name: d.clone(),
                    groups_partition: dimension_partitions(form, d),
                    groups: tallies
                        .along(d)
                        .iter()
                        .map(|g| SGroup {
                            label: g.group.value.clone(),
                            options: option_at
                                .iter()
                                .map(|at| count_at(&g.counts, *at))
                                .collect(),
                            answered: count_at(&g.counts, answered_at),
                        })
                        .collect(),
                })
                .collect(),
        };
        grouping.push(dimensions.contains(&own).then_some(own));
        labels.push(
            options
                .iter()
                .map(|(o, _)| o.id.clone())
                .collect::<Vec<_>>(),
        );
        all_counts.push(counts);
        prepared.push(Prepared {
            question: q,
            options,
            breakdown_dims,
        });
    }
    let suppressed_all = suppress_survey(&all_counts, &grouping, &labels, threshold)?;
    let hidden_totals: Vec<u64> = all_counts
        .iter()
        .zip(&suppressed_all)
        .filter(|(_, s)| s.answered.is_suppressed())
        .map(|(c, _)| c.answered)
        .collect();
    let mut questions = vec![];
    for (p, suppressed) in prepared.into_iter().zip(suppressed_all) {
        let Prepared {
            question: q,
            options,
            breakdown_dims,
        } = p;
        let answered = suppressed.answered;
        let option_results: Vec<OptionResult> = options
            .iter()
            .zip(suppressed.options.iter())
            .map(|((o, separate), cell)| OptionResult {
                id: &o.id,
                text: o.text.get("en"),
                count: *cell,
                percent: percent(*cell, answered),
                tone: o.tone,
                dont_understand: *separate,
                dont_know: o.dont_know,
            })
            .collect();
        let dont_understand_rate = option_results
            .iter()
            .find(|o| o.dont_understand)
            .and_then(|o| o.percent);
        let favourable = if form.is_directional(q) {
            favourable_share(&option_results, answered)
        } else {
            None
        };
        let breakdowns = breakdown_dims
            .iter()
            .zip(suppressed.breakdowns.iter())
            .map(|(d, b)| BreakdownResult {
                dimension: d.clone(),
                label: dimension_label(form, d),
                groups: {
                    let mut groups: Vec<GroupResult> = b
                        .groups
                        .iter()
                        .map(|g| GroupResult {
                            label: group_label(form, d, &g.label),
                            value: g.label.clone(),
                            answered: g.answered,
                            options: g
                                .options
                                .iter()
                                .map(|c| (*c, percent(*c, g.answered)))
                                .collect(),
                        })
                        .collect();
                    // Shown in the form's own order (age bands youngest first), not by id.
                    groups.sort_by_key(|g| group_order(form, d, &g.value));
                    groups
                },
            })
            .collect();
        questions.push(QuestionResult {
            question: q,
            answered,
            options: option_results,
            dont_understand_rate,
            favourable,
            breakdowns,
        });
    }
    let total = tallies.responses();
    let shown_total = super::suppression::suppress_counts(&[total], None, threshold)
        .0
        .first()
        .copied()
        .unwrap_or(Cell::Suppressed);
    // Hidden where a question everyone answered has its total hidden.
    let hidden_elsewhere = hidden_totals.contains(&total);
    let responses = if hidden_elsewhere {
        Cell::Suppressed
    } else {
        shown_total
    };
    Ok(SurveyResults {
        form,
        responses,
        questions,
        dimensions: dimensions
            .iter()
            .map(|d| (d.clone(), dimension_label(form, d)))
            .collect(),
    })
}

/// Favourable answers as a share of the opinions given, when every figure involved
/// can be shown (a sum of shown figures reveals nothing hidden).
pub fn favourable_share(options: &[OptionResult<'_>], answered: Cell) -> Option<f64> {
    let Cell::Count(answered) = answered else {
        return None;
    };
    let mut favourable = 0u64;
    let mut no_opinion = 0u64;
    for o in options {
        let Cell::Count(n) = o.count else {
            // A hidden count could be any of the small numbers: the share is hidden too.
            if o.tone.is_some() || o.dont_know || o.dont_understand {
                return None;
            }
            continue;
        };
        if o.tone == Some(Tone::Favourable) {
            favourable += n;
        }
        if o.dont_know || o.dont_understand {
            no_opinion += n;
        }
    }
    let opinions = answered.checked_sub(no_opinion)?;
    (opinions > 0).then(|| favourable as f64 * 100.0 / opinions as f64)
}

/// What a survey item says about its criteria: favourable when at least 60% of
/// opinions are, unfavourable at 40% or less, mixed between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Favourable,
    Mixed,
    Unfavourable,
    /// Too few answers to say.
    TooFew,
}

pub fn reading(favourable: Option<f64>) -> Reading {
    match favourable {
        None => Reading::TooFew,
        Some(f) if f >= 60.0 => Reading::Favourable,
        Some(f) if f <= 40.0 => Reading::Unfavourable,
        Some(_) => Reading::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::{Answer, Answers};
    use crate::domain::survey::Channel;
    use crate::domain::tally::{add, cells_of, groups_of, GroupCounts};
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
                {"id": "happy", "type": "yes_no", "text": {"en": "Happy?"}, "criteria": ["A1"],
                 "options": [{"id": "yes", "text": {"en": "Yes"}, "tone": "favourable"},
                             {"id": "no", "text": {"en": "No"}, "tone": "unfavourable"}]}
            ]}]
        }))
        .unwrap()
    }

    /// The tallies that `responses` (age, happy) would have built, one by one.
    fn tallies(f: &SurveyForm, layout: &Layout, responses: &[(&str, &str)]) -> Tallies {
        let mut groups: Vec<GroupCounts> = vec![];
        for (age, happy) in responses {
            let mut answers = Answers::new();
            answers.insert("age".into(), Answer::Choice(age.to_string()));
            answers.insert("happy".into(), Answer::Choice(happy.to_string()));
            let cells = cells_of(layout, f, &answers);
            for group in groups_of(f, &answers, Channel::OpenLink, false) {
                let i = match groups.iter().position(|g| g.group == group) {
                    Some(i) => i,
                    None => {
                        groups.push(GroupCounts {
                            group,
                            responses: 0,
                            counts: vec![0; layout.len()],
                        });
                        groups.len() - 1
                    }
                };
                groups[i].responses += 1;
                add(&mut groups[i].counts, &cells);
            }
        }
        Tallies { groups }
    }

    fn option<'r>(q: &'r QuestionResult<'_>, id: &str) -> &'r OptionResult<'r> {
        q.options.iter().find(|o| o.id == id).unwrap()
    }

    #[test]
    fn large_counts_are_shown_with_their_shares() {
        let f = form();
        let layout = Layout::for_form(&f);
        let mut people = vec![("young", "yes"); 12];
        people.extend(vec![("old", "no"); 8]);
        let t = tallies(&f, &layout, &people);
        let r = collate(&f, &layout, &t, 5).unwrap();
        assert_eq!(r.responses, Cell::Count(20));
        let happy = &r.questions[1];
        assert_eq!(happy.answered, Cell::Count(20));
        assert_eq!(option(happy, "yes").count, Cell::Count(12));
        assert_eq!(option(happy, "yes").percent, Some(60.0));
        assert_eq!(happy.favourable, Some(60.0));
        assert_eq!(reading(happy.favourable), Reading::Favourable);
        // Broken down by age: the young all said yes, the old all said no.
        let by_age = happy
            .breakdowns
            .iter()
            .find(|b| b.dimension == "q:age")
            .unwrap();
        let young = by_age.groups.iter().find(|g| g.value == "young").unwrap();
        assert_eq!(young.answered, Cell::Count(12));
        assert_eq!(young.label, "Young");
        // In the form's order, not by id: "young" before "old".
        let order: Vec<&str> = by_age.groups.iter().map(|g| g.value.as_str()).collect();
        assert_eq!(order, vec!["young", "old"]);
        assert_eq!(r.dimensions.first().map(|(d, _)| d.as_str()), Some("q:age"));
    }

    #[test]
    fn a_small_answer_is_hidden_and_cannot_be_worked_out() {
        let f = form();
        let layout = Layout::for_form(&f);
        let mut people = vec![("young", "yes"); 10];
        people.extend(vec![("young", "no"); 2]);
        let t = tallies(&f, &layout, &people);
        let r = collate(&f, &layout, &t, 5).unwrap();
        let happy = &r.questions[1];
        assert_eq!(option(happy, "no").count, Cell::Suppressed);
        assert_eq!(option(happy, "no").percent, None);
        // With 12 answering shown, showing 10 "yes" would give the 2 away.
        let yes = option(happy, "yes").count;
        assert!(yes.is_suppressed() || happy.answered.is_suppressed());
        // The share of favourable answers rests on the hidden figure: hidden too.
        assert_eq!(happy.favourable, None);
        assert_eq!(reading(happy.favourable), Reading::TooFew);
    }

    #[test]
    fn i_dont_understand_is_a_signal_about_the_question_not_an_opinion() {
        let f = form();
        let layout = Layout::for_form(&f);
        let mut people = vec![("young", "yes"); 10];
        people.extend(vec![("old", "no"); 5]);
        people.extend(vec![("old", "dont_understand"); 5]);
        let t = tallies(&f, &layout, &people);
        let r = collate(&f, &layout, &t, 5).unwrap();
        let happy = &r.questions[1];
        assert_eq!(happy.dont_understand_rate, Some(25.0));
        assert!(option(happy, "dont_understand").dont_understand);
        // 10 of the 15 opinions were favourable.
        let share = happy.favourable.unwrap();
        assert!((share - 66.666).abs() < 0.01, "{share}");
    }

    #[test]
    fn no_responses_collate_to_zero_not_an_error() {
        let f = form();
        let layout = Layout::for_form(&f);
        let r = collate(&f, &layout, &Tallies { groups: vec![] }, 5).unwrap();
        assert_eq!(r.responses, Cell::Count(0));
        assert!(r.questions.iter().all(|q| q.answered == Cell::Count(0)));
        assert_eq!(r.questions[1].favourable, None);
    }
}
