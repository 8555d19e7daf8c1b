//! Who answered, against who there is: each grouping question's answers as shares
//! of the responses, beside the same groups' shares of the area's known SEND
//! population, with groups that answered far less than their share flagged.

use super::collation::QuestionResult;
use super::indicator::{IndicatorCatalogue, Level, Measure, Observation, Period};
use super::suppression::Cell;
use super::survey_form::Grouping;

/// A group answered by less than this fraction of its population share is flagged.
pub const UNDER_FRACTION: f64 = 0.5;
/// Groups smaller than this share of the population are not flagged (too few to tell).
pub const SMALLEST_SHARE: f64 = 5.0;

#[derive(Debug, Clone, PartialEq)]
pub struct GroupShare {
    pub option_id: String,
    pub label: String,
    pub responses: Cell,
    pub response_share: Option<f64>,
    pub population: Option<u64>,
    pub population_share: Option<f64>,
    pub under_represented: bool,
}

/// The groups of one grouping question. `population` gives the known count for an
/// answer of the question, if any.
pub fn shares(
    result: &QuestionResult<'_>,
    population: impl Fn(&str) -> Option<u64>,
) -> Vec<GroupShare> {
    let known: Vec<(usize, u64)> = result
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| population(o.id).map(|p| (i, p)))
        .collect();
    let population_total: u64 = known.iter().map(|(_, p)| p).sum();
    // Response shares are among respondents in groups whose population is known, and
    // only when each of those counts can be shown.
    let response_total: Option<u64> = known
        .iter()
        .map(|(i, _)| match result.options.get(*i).map(|o| o.count) {
            Some(Cell::Count(n)) => Some(n),
            _ => None,
        })
        .sum();
    result
        .options
        .iter()
        .filter(|o| !o.dont_understand)
        .map(|o| {
            let population = population(o.id);
            let population_share = population
                .filter(|_| population_total > 0)
                .map(|p| p as f64 * 100.0 / population_total as f64);
            let response_share = match (o.count, response_total, population) {
                (Cell::Count(n), Some(total), Some(_)) if total > 0 => {
                    Some(n as f64 * 100.0 / total as f64)
                }
                _ => None,
            };
            let under_represented = match (response_share, population_share) {
                (Some(r), Some(p)) => p >= SMALLEST_SHARE && r < p * UNDER_FRACTION,
                // A group with too few responses to show, but a real share of the
                // population, is the clearest case of all.
                (None, Some(p)) => {
                    p >= SMALLEST_SHARE && matches!(o.count, Cell::Suppressed | Cell::Count(0))
                }
                _ => false,
            };
            GroupShare {
                option_id: o.id.to_string(),
                label: o.text.to_string(),
                responses: o.count,
                response_share,
                population,
                population_share,
                under_represented,
            }
        })
        .collect()
}

/// The known count of a grouping question's answer from imported statistics: the
/// area's latest figure of each indicator that counts it, added together, and the
/// period it is for (the latest of them). None when no such indicator has a figure.
pub fn population_from_statistics(
    catalogue: &IndicatorCatalogue,
    grouping: Grouping,
    option_id: &str,
    observations: &[Observation<'_>],
) -> Option<(u64, String)> {
    let mut total = 0u64;
    let mut latest: Option<&Period> = None;
    let mut any = false;
    for indicator in catalogue.indicators.iter().filter(|i| {
        i.population
            .as_ref()
            .is_some_and(|p| p.grouping == grouping && p.answers.iter().any(|a| a == option_id))
    }) {
        let newest = observations
            .iter()
            .filter(|o| o.indicator_id == indicator.id && o.level == Level::LocalAuthority)
            .filter_map(|o| match o.measure {
                Measure::Number(n) if *n >= 0.0 && n.is_finite() => Some((o.period, *n)),
                _ => None,
            })
            .max_by(|a, b| a.0.cmp(b.0));
        if let Some((period, n)) = newest {
            any = true;
            total = total.saturating_add(n.round() as u64);
            if latest.is_none_or(|l| period > l) {
                latest = Some(period);
            }
        }
    }
    match (any, latest) {
        (true, Some(period)) => Some((total, period.label.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::suppression::Cell;

    fn result_with<'a>(
        form: &'a crate::domain::survey_form::SurveyForm,
        counts: &[(&'a str, Cell)],
    ) -> QuestionResult<'a> {
        let (_, question) = form.questions().next().expect("a question");
        QuestionResult {
            question,
            answered: Cell::Count(100),
            options: counts
                .iter()
                .map(|(id, c)| crate::domain::collation::OptionResult {
                    id,
                    text: id,
                    count: *c,
                    percent: None,
                    tone: None,
                    dont_understand: false,
                    dont_know: false,
                })
                .collect(),
            dont_understand_rate: None,
            favourable: None,
            breakdowns: vec![],
        }
    }

    fn children_form() -> crate::domain::survey_form::SurveyForm {
        serde_json::from_str(include_str!(
            "../../survey-forms/children-and-young-people.json"
        ))
        .expect("form")
    }

    #[test]
    fn groups_answering_far_below_their_share_are_flagged() {
        let form = children_form();
        let result = result_with(
            &form,
            &[
                ("ehc_plan", Cell::Count(80)),
                ("sen_support", Cell::Count(20)),
                ("not_sure", Cell::Count(0)),
            ],
        );
        // Plans are 30% of the population but 80% of responses; support is 70% but 20%.
        let population = |id: &str| match id {
            "ehc_plan" => Some(300),
            "sen_support" => Some(700),
            _ => None,
        };
        let shares = shares(&result, population);
        let support = shares
            .iter()
            .find(|s| s.option_id == "sen_support")
            .expect("support");
        assert!(support.under_represented);
        assert_eq!(support.population_share.map(|p| p.round()), Some(70.0));
        assert_eq!(support.response_share.map(|p| p.round()), Some(20.0));
        let plans = shares
            .iter()
            .find(|s| s.option_id == "ehc_plan")
            .expect("plans");
        assert!(!plans.under_represented);
        let unsure = shares
            .iter()
            .find(|s| s.option_id == "not_sure")
            .expect("unsure");
        assert!(!unsure.under_represented, "no population figure, no flag");
    }

    #[test]
    fn a_hidden_count_hides_the_shares_but_still_flags_a_large_group() {
        let form = children_form();
        let result = result_with(
            &form,
            &[
                ("ehc_plan", Cell::Count(80)),
                ("sen_support", Cell::Suppressed),
            ],
        );
        let shares = shares(&result, |id| {
            (id == "ehc_plan" || id == "sen_support").then_some(500)
        });
        assert!(shares.iter().all(|s| s.response_share.is_none()));
        let support = shares
            .iter()
            .find(|s| s.option_id == "sen_support")
            .expect("support");
        assert!(support.under_represented);
    }

    #[test]
    fn statistics_give_the_population_of_plans_and_needs() {
        let catalogue: IndicatorCatalogue =
            serde_json::from_str(include_str!("../../framework/indicators.json"))
                .expect("catalogue");
        let p2024 = Period::parse("2024").expect("period");
        let p2025 = Period::parse("2025").expect("period");
        let (n_old, n_new, asd, semh) = (
            Measure::Number(1900.0),
            Measure::Number(2100.0),
            Measure::Number(700.0),
            Measure::Number(400.0),
        );
        let slcn = Measure::Symbol("c".into());
        let obs = |id: &'static str, period: &'static Period, m: &'static Measure| Observation {
            indicator_id: id,
            level: Level::LocalAuthority,
            period,
            measure: m,
        };
        let (p2024, p2025): (&'static Period, &'static Period) =
            (Box::leak(Box::new(p2024)), Box::leak(Box::new(p2025)));
        let leak = |m: Measure| -> &'static Measure { Box::leak(Box::new(m)) };
        let observations = vec![
            obs("active_ehc_plans", p2024, leak(n_old)),
            obs("active_ehc_plans", p2025, leak(n_new)),
            obs("plans_need_asd", p2025, leak(asd)),
            obs("plans_need_slcn", p2025, leak(slcn)),
            obs("plans_need_semh", p2025, leak(semh)),
        ];
        assert_eq!(
            population_from_statistics(
                &catalogue,
                Grouping::SupportLevel,
                "ehc_plan",
                &observations
            ),
            Some((2100, p2025.label.clone()))
        );
        // Autism and speech and language both count towards communication; a symbol adds nothing.
        assert_eq!(
            population_from_statistics(
                &catalogue,
                Grouping::TypeOfNeed,
                "communication",
                &observations
            )
            .map(|p| p.0),
            Some(700)
        );
        assert_eq!(
            population_from_statistics(&catalogue, Grouping::TypeOfNeed, "feelings", &observations)
                .map(|p| p.0),
            Some(400)
        );
        assert_eq!(
            population_from_statistics(
                &catalogue,
                Grouping::SupportLevel,
                "sen_support",
                &observations
            ),
            None
        );
    }
}
