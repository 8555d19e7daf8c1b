//! Small-number suppression: no count below the threshold leaves an inspector's
//! screen, and none can be worked out from what is shown.
//!
//! A question's figures are one linear system: each table's total is the sum of its
//! parts (the answers of a single-choice question add up to those who answered; the
//! groups of a breakdown add up to everyone). A count from 1 to threshold − 1 is
//! hidden (primary suppression); then more counts are hidden (secondary suppression)
//! until
//! - no hidden count is fixed by the shown ones, by any combination of sums and
//!   differences (the hidden cells' columns of the system are checked by Gaussian
//!   elimination, so differencing two breakdowns against the overall figure, or a
//!   group against everyone, is covered however it is combined), and
//! - where a total is shown, the hidden counts that make it up add up to at least
//!   the threshold, so "these two hidden cells make 2, so each is 1" cannot be done.
//!
//! Zero is shown: hiding it would hide nothing small. The counts chosen for
//! secondary suppression are the smallest shown ones, to lose as little as possible.

use std::collections::BTreeSet;

/// A figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Cell {
    Count(u64),
    /// Hidden: too small to show, or it would reveal one that is.
    Suppressed,
}

impl Cell {
    pub fn count(self) -> Option<u64> {
        match self {
            Cell::Count(n) => Some(n),
            Cell::Suppressed => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        self == Cell::Suppressed
    }
}

/// `part` as a percentage of `whole`, only when both can be shown (a percentage of
/// a hidden figure would give it away).
pub fn percent(part: Cell, whole: Cell) -> Option<f64> {
    match (part, whole) {
        (Cell::Count(p), Cell::Count(w)) if w > 0 => Some(p as f64 * 100.0 / w as f64),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SuppressionError {
    /// The counts do not have the shape of their question (a bug, or corrupt tallies).
    #[error("the counts for {0} do not match the question's answers")]
    Shape(String),
    /// Parts that must add up to their total do not.
    #[error("the counts for {0} do not add up")]
    Inconsistent(String),
}

/// One equation: `total` is the sum of `parts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// A set of counts and the sums that hold between them, as anyone looking at the
/// tables would know them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct System {
    values: Vec<u64>,
    equations: Vec<Equation>,
}

impl System {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a count; its index.
    pub fn cell(&mut self, value: u64) -> usize {
        self.values.push(value);
        self.values.len() - 1
    }

    /// State that `total` is the sum of `parts`. Refused when it does not hold.
    pub fn equation(
        &mut self,
        total: usize,
        parts: Vec<usize>,
        what: &str,
    ) -> Result<(), SuppressionError> {
        let value = |i: usize| self.values.get(i).copied();
        let total_value = value(total).ok_or_else(|| SuppressionError::Shape(what.into()))?;
        let mut sum = 0u64;
        for p in &parts {
            sum =
                sum.saturating_add(value(*p).ok_or_else(|| SuppressionError::Shape(what.into()))?);
        }
        if sum != total_value {
            return Err(SuppressionError::Inconsistent(what.into()));
        }
        if !parts.is_empty() {
            self.equations.push(Equation { total, parts });
        }
        Ok(())
    }

    pub fn values(&self) -> &[u64] {
        &self.values
    }

    pub fn equations(&self) -> &[Equation] {
        &self.equations
    }

    /// Which cells to hide at `threshold`, hiding those in `forced` whatever their size
    /// (cells shown elsewhere with the same meaning must be hidden here too).
    pub fn suppress(&self, threshold: u64, forced: &BTreeSet<usize>) -> Vec<bool> {
        let n = self.values.len();
        let mut hidden: Vec<bool> = self
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (*v > 0 && *v < threshold) || forced.contains(&i))
            .collect();
        if threshold <= 1 && forced.is_empty() {
            return hidden;
        }
        // Each pass hides at least one more cell, so this ends within n passes.
        for _ in 0..=n {
            if let Some(cell) = self.next_to_hide(&hidden, threshold) {
                if let Some(h) = hidden.get_mut(cell) {
                    *h = true;
                }
                continue;
            }
            break;
        }
        hidden
    }

    /// The next cell secondary suppression must hide, if any.
    fn next_to_hide(&self, hidden: &[bool], threshold: u64) -> Option<usize> {
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let value = |i: usize| self.values.get(i).copied().unwrap_or(0);
        // A shown total whose hidden parts add up to less than the threshold.
        for e in &self.equations {
            if is_hidden(e.total) {
                continue;
            }
            let mass: u64 = e
                .parts
                .iter()
                .filter(|p| is_hidden(**p))
                .map(|p| value(*p))
                .sum();
            if mass > 0 && mass < threshold {
                if let Some(cell) = self.cheapest_shown(e, hidden) {
                    return Some(cell);
                }
            }
        }
        // A hidden cell the shown ones fix.
        let fixed = determined(self, hidden);
        for cell in fixed {
            let mut best: Option<(bool, u64, usize)> = None;
            for e in self
                .equations
                .iter()
                .filter(|e| e.total == cell || e.parts.contains(&cell))
            {
                if let Some(candidate) = self.cheapest_shown(e, hidden) {
                    let key = (candidate == e.total, value(candidate), candidate);
                    if best.is_none_or(|b| key < b) {
                        best = Some(key);
                    }
                }
            }
            if let Some((_, _, candidate)) = best {
                return Some(candidate);
            }
        }
        None
    }

    /// The shown cell of an equation that is cheapest to hide: the smallest non-zero
    /// part, then a zero part, then the total.
    fn cheapest_shown(&self, e: &Equation, hidden: &[bool]) -> Option<usize> {
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let value = |i: usize| self.values.get(i).copied().unwrap_or(0);
        let shown_parts = e.parts.iter().copied().filter(|p| !is_hidden(*p));
        shown_parts
            .clone()
            .filter(|p| value(*p) > 0)
            .min_by_key(|p| (value(*p), *p))
            .or_else(|| shown_parts.min())
            .or_else(|| (!is_hidden(e.total)).then_some(e.total))
    }
}

/// The hidden cells whose values follow from the shown ones: those whose unit vector
/// lies in the row space of the equations restricted to hidden cells.
pub fn determined(system: &System, hidden: &[bool]) -> Vec<usize> {
    let columns: Vec<usize> = (0..system.values.len())
        .filter(|i| hidden.get(*i).copied().unwrap_or(false))
        .collect();
    if columns.is_empty() {
        return vec![];
    }
    let column_of = |cell: usize| columns.binary_search(&cell).ok();
    let mut rows: Vec<Vec<f64>> = vec![];
    for e in &system.equations {
        let mut row = vec![0.0; columns.len()];
        let mut any = false;
        if let Some(c) = column_of(e.total) {
            if let Some(x) = row.get_mut(c) {
                *x += 1.0;
                any = true;
            }
        }
        for p in &e.parts {
            if let Some(c) = column_of(*p) {
                if let Some(x) = row.get_mut(c) {
                    *x -= 1.0;
                    any = true;
                }
            }
        }
        if any {
            rows.push(row);
        }
    }
    reduce(&mut rows, columns.len());
    let mut fixed = BTreeSet::new();
    for row in &rows {
        let mut nonzero = row.iter().enumerate().filter(|(_, x)| x.abs() > EPSILON);
        if let (Some((c, _)), None) = (nonzero.next(), nonzero.next()) {
            if let Some(cell) = columns.get(c) {
                fixed.insert(*cell);
            }
        }
    }
    fixed.into_iter().collect()
}

const EPSILON: f64 = 1e-9;

/// Reduced row echelon form, in place (coefficients are small integers, so f64 with a
/// tolerance is exact enough).
fn reduce(rows: &mut [Vec<f64>], width: usize) {
    let mut lead = 0;
    for column in 0..width {
        let Some(pivot) = (lead..rows.len()).find(|r| {
            rows.get(*r)
                .and_then(|row| row.get(column))
                .is_some_and(|x| x.abs() > EPSILON)
        }) else {
            continue;
        };
        rows.swap(lead, pivot);
        let Some(pivot_row) = rows.get(lead).cloned() else {
            break;
        };
        let scale = pivot_row.get(column).copied().unwrap_or(1.0);
        let pivot_row: Vec<f64> = pivot_row.iter().map(|x| x / scale).collect();
        for (r, row) in rows.iter_mut().enumerate() {
            if r == lead {
                row.clone_from(&pivot_row);
                continue;
            }
            let factor = row.get(column).copied().unwrap_or(0.0);
            if factor.abs() > EPSILON {
                for (x, p) in row.iter_mut().zip(&pivot_row) {
                    *x -= factor * p;
                    if x.abs() < EPSILON {
                        *x = 0.0;
                    }
                }
            }
        }
        lead += 1;
        if lead == rows.len() {
            break;
        }
    }
}

/// A simple table: parts and, if shown, their total. Returns the parts and the total
/// as they may be shown.
pub fn suppress_counts(
    parts: &[u64],
    total: Option<u64>,
    threshold: u64,
) -> (Vec<Cell>, Option<Cell>) {
    let mut system = System::new();
    let cells: Vec<usize> = parts.iter().map(|v| system.cell(*v)).collect();
    let total_cell = total.map(|t| system.cell(t));
    if let Some(t) = total_cell {
        // A total that is not the sum of its parts (say, respondents to a question
        // whose answers can be several) is shown with no equation between them.
        let _ = system.equation(t, cells.clone(), "table");
    }
    let hidden = system.suppress(threshold, &BTreeSet::new());
    let shown = |i: usize| {
        if hidden.get(i).copied().unwrap_or(true) {
            Cell::Suppressed
        } else {
            Cell::Count(system.values.get(i).copied().unwrap_or(0))
        }
    };
    (
        cells.iter().map(|c| shown(*c)).collect(),
        total_cell.map(shown),
    )
}

/// One group of a breakdown: how many in the group answered, and chose each answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    pub label: String,
    pub options: Vec<u64>,
    pub answered: u64,
}

/// A question's counts broken down along one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownCounts {
    pub name: String,
    /// Every respondent is in exactly one group (so the groups add up to everyone).
    pub groups_partition: bool,
    pub groups: Vec<GroupCounts>,
}

/// A question's counts: overall and along each breakdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCounts {
    pub options: Vec<u64>,
    pub answered: u64,
    /// Each respondent chose exactly one answer (so the answers add up to those who
    /// answered); false for questions that allow several.
    pub options_partition: bool,
    pub breakdowns: Vec<BreakdownCounts>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressedGroup {
    pub label: String,
    pub options: Vec<Cell>,
    pub answered: Cell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressedBreakdown {
    pub name: String,
    pub groups: Vec<SuppressedGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressedQuestion {
    pub options: Vec<Cell>,
    pub answered: Cell,
    pub breakdowns: Vec<SuppressedBreakdown>,
}

/// Cells of a question that must be hidden whatever their size, because the same
/// figure is hidden in another question's tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forced {
    pub answered: bool,
    pub options: BTreeSet<usize>,
    /// (breakdown name, group label) whose "answered" count must be hidden.
    pub groups: BTreeSet<(String, String)>,
}

/// Where each count of a question sits in its system.
struct QuestionCells {
    answered: usize,
    options: Vec<usize>,
    breakdowns: Vec<Vec<(usize, Vec<usize>)>>,
}

/// Build a question's system: the cells and the sums between them.
fn question_system(counts: &QuestionCounts) -> Result<(System, QuestionCells), SuppressionError> {
    let mut system = System::new();
    let answered = system.cell(counts.answered);
    let options: Vec<usize> = counts.options.iter().map(|v| system.cell(*v)).collect();
    if counts.options_partition {
        system.equation(answered, options.clone(), "the question")?;
    }
    let mut breakdowns = vec![];
    for b in &counts.breakdowns {
        let mut groups = vec![];
        for g in &b.groups {
            if g.options.len() != counts.options.len() {
                return Err(SuppressionError::Shape(format!("{} / {}", b.name, g.label)));
            }
            let a = system.cell(g.answered);
            let os: Vec<usize> = g.options.iter().map(|v| system.cell(*v)).collect();
            if counts.options_partition {
                system.equation(a, os.clone(), &format!("{} / {}", b.name, g.label))?;
            }
            groups.push((a, os));
        }
        if b.groups_partition && !groups.is_empty() {
            system.equation(answered, groups.iter().map(|(a, _)| *a).collect(), &b.name)?;
            for (j, option) in options.iter().enumerate() {
                let column: Vec<usize> = groups
                    .iter()
                    .filter_map(|(_, os)| os.get(j).copied())
                    .collect();
                system.equation(*option, column, &b.name)?;
            }
        }
        breakdowns.push(groups);
    }
    Ok((
        system,
        QuestionCells {
            answered,
            options,
            breakdowns,
        },
    ))
}

/// Suppress one question's overall figures and every breakdown together, so that
/// no table, and no pair of tables, gives a hidden count away.
pub fn suppress_question(
    counts: &QuestionCounts,
    threshold: u64,
) -> Result<SuppressedQuestion, SuppressionError> {
    suppress_question_with(counts, threshold, &Forced::default())
}

/// As [`suppress_question`], hiding `forced` cells too.
pub fn suppress_question_with(
    counts: &QuestionCounts,
    threshold: u64,
    forced: &Forced,
) -> Result<SuppressedQuestion, SuppressionError> {
    let (system, cells) = question_system(counts)?;
    let mut force = BTreeSet::new();
    if forced.answered {
        force.insert(cells.answered);
    }
    for j in &forced.options {
        if let Some(c) = cells.options.get(*j) {
            force.insert(*c);
        }
    }
    for (b, groups) in counts.breakdowns.iter().zip(&cells.breakdowns) {
        for (g, (a, _)) in b.groups.iter().zip(groups) {
            if forced.groups.contains(&(b.name.clone(), g.label.clone())) {
                force.insert(*a);
            }
        }
    }
    let hidden = system.suppress(threshold, &force);
    let shown = |i: usize| {
        if hidden.get(i).copied().unwrap_or(true) {
            Cell::Suppressed
        } else {
            Cell::Count(system.values.get(i).copied().unwrap_or(0))
        }
    };
    Ok(SuppressedQuestion {
        answered: shown(cells.answered),
        options: cells.options.iter().map(|c| shown(*c)).collect(),
        breakdowns: counts
            .breakdowns
            .iter()
            .zip(&cells.breakdowns)
            .map(|(b, groups)| SuppressedBreakdown {
                name: b.name.clone(),
                groups: b
                    .groups
                    .iter()
                    .zip(groups)
                    .map(|(g, (a, os))| SuppressedGroup {
                        label: g.label.clone(),
                        answered: shown(*a),
                        options: os.iter().map(|c| shown(*c)).collect(),
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// A survey's figures that mean the same thing in several questions' tables: the
/// number in each group (a grouping question's answer counts, and the "answered"
/// count of a group in any question everyone in it answered) and the number who
/// answered at all. When such a figure is hidden in one table it must be hidden in
/// every table that shows the same number, or that table gives it away.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SharedFigure {
    /// The breakdown (dimension) and group, or ("", "") for everyone.
    pub dimension: String,
    pub group: String,
    pub value: u64,
}

/// Suppress a survey's questions together: each question's tables as in
/// [`suppress_question`], then again with any figure hidden in one question hidden
/// in all that show it, until nothing changes. `grouping[i]` is the dimension that
/// question `i` defines, if it is a grouping question (its answers are the groups).
pub fn suppress_survey(
    questions: &[QuestionCounts],
    grouping: &[Option<String>],
    labels: &[Vec<String>],
    threshold: u64,
) -> Result<Vec<SuppressedQuestion>, SuppressionError> {
    let mut forced: Vec<Forced> = vec![Forced::default(); questions.len()];
    let mut hidden_shared: BTreeSet<SharedFigure> = BTreeSet::new();
    // Every pass hides more, or stops; bounded by the number of shared figures.
    loop {
        let results: Vec<SuppressedQuestion> = questions
            .iter()
            .zip(&forced)
            .map(|(q, f)| suppress_question_with(q, threshold, f))
            .collect::<Result<_, _>>()?;
        let before = hidden_shared.len();
        for (i, (q, r)) in questions.iter().zip(&results).enumerate() {
            for figure in shared_figures(q, r, grouping.get(i).cloned().flatten(), labels.get(i)) {
                if figure.1 {
                    hidden_shared.insert(figure.0);
                }
            }
        }
        if hidden_shared.len() == before {
            return Ok(results);
        }
        for (i, q) in questions.iter().enumerate() {
            let Some(f) = forced.get_mut(i) else { continue };
            let everyone = SharedFigure {
                dimension: String::new(),
                group: String::new(),
                value: q.answered,
            };
            f.answered = hidden_shared.contains(&everyone);
            if let (Some(Some(dimension)), Some(labels)) = (grouping.get(i), labels.get(i)) {
                for (j, (value, label)) in q.options.iter().zip(labels).enumerate() {
                    let figure = SharedFigure {
                        dimension: dimension.clone(),
                        group: label.clone(),
                        value: *value,
                    };
                    if hidden_shared.contains(&figure) {
                        f.options.insert(j);
                    }
                }
            }
            for b in &q.breakdowns {
                for g in &b.groups {
                    let figure = SharedFigure {
                        dimension: b.name.clone(),
                        group: g.label.clone(),
                        value: g.answered,
                    };
                    if hidden_shared.contains(&figure) {
                        f.groups.insert((b.name.clone(), g.label.clone()));
                    }
                }
            }
        }
    }
}

/// The shared figures of one question's results, each with whether it is hidden.
fn shared_figures(
    q: &QuestionCounts,
    r: &SuppressedQuestion,
    grouping: Option<String>,
    labels: Option<&Vec<String>>,
) -> Vec<(SharedFigure, bool)> {
    let mut out = vec![(
        SharedFigure {
            dimension: String::new(),
            group: String::new(),
            value: q.answered,
        },
        r.answered.is_suppressed(),
    )];
    if let (Some(dimension), Some(labels)) = (grouping, labels) {
        for ((value, cell), label) in q.options.iter().zip(&r.options).zip(labels) {
            out.push((
                SharedFigure {
                    dimension: dimension.clone(),
                    group: label.clone(),
                    value: *value,
                },
                cell.is_suppressed(),
            ));
        }
    }
    for (b, rb) in q.breakdowns.iter().zip(&r.breakdowns) {
        for (g, rg) in b.groups.iter().zip(&rb.groups) {
            out.push((
                SharedFigure {
                    dimension: b.name.clone(),
                    group: g.label.clone(),
                    value: g.answered,
                },
                rg.answered.is_suppressed(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn counts(cells: &[Cell]) -> Vec<Option<u64>> {
        cells.iter().map(|c| c.count()).collect()
    }

    #[test]
    fn small_counts_are_hidden_and_zero_is_shown() {
        let (parts, total) = suppress_counts(&[0, 12, 30], Some(42), 10);
        assert_eq!(counts(&parts), vec![Some(0), Some(12), Some(30)]);
        assert_eq!(total, Some(Cell::Count(42)));
        let (parts, _) = suppress_counts(&[3, 12, 30], Some(45), 10);
        assert!(parts.first().is_some_and(|c| c.is_suppressed()));
    }

    #[test]
    fn one_hidden_part_of_a_shown_total_takes_another_with_it() {
        // 45 − 12 − 30 would give the 3 away; the smallest other part goes too.
        let (parts, total) = suppress_counts(&[3, 12, 30], Some(45), 10);
        assert_eq!(counts(&parts), vec![None, None, Some(30)]);
        assert_eq!(total, Some(Cell::Count(45)));
    }

    #[test]
    fn hidden_parts_adding_to_less_than_the_threshold_take_more() {
        // 1 + 1 = 2 would show that each hidden cell is 1.
        let (parts, _) = suppress_counts(&[1, 1, 20, 40], Some(62), 10);
        assert_eq!(counts(&parts), vec![None, None, None, Some(40)]);
    }

    #[test]
    fn a_table_with_one_part_hides_its_total() {
        let (parts, total) = suppress_counts(&[4], Some(4), 10);
        assert_eq!(counts(&parts), vec![None]);
        assert_eq!(total, Some(Cell::Suppressed));
    }

    #[test]
    fn a_threshold_of_one_hides_nothing() {
        let (parts, total) = suppress_counts(&[1, 2], Some(3), 1);
        assert_eq!(counts(&parts), vec![Some(1), Some(2)]);
        assert_eq!(total, Some(Cell::Count(3)));
    }

    #[test]
    fn percentages_of_hidden_figures_are_hidden() {
        assert_eq!(percent(Cell::Count(5), Cell::Count(20)), Some(25.0));
        assert_eq!(percent(Cell::Count(5), Cell::Suppressed), None);
        assert_eq!(percent(Cell::Suppressed, Cell::Count(20)), None);
        assert_eq!(percent(Cell::Count(0), Cell::Count(0)), None);
    }

    #[test]
    fn counts_that_do_not_add_up_are_refused() {
        let q = QuestionCounts {
            options: vec![5, 5],
            answered: 11,
            options_partition: true,
            breakdowns: vec![],
        };
        assert!(matches!(
            suppress_question(&q, 10),
            Err(SuppressionError::Inconsistent(_))
        ));
        let q = QuestionCounts {
            options: vec![5, 6],
            answered: 11,
            options_partition: true,
            breakdowns: vec![BreakdownCounts {
                name: "age".into(),
                groups_partition: true,
                groups: vec![GroupCounts {
                    label: "a".into(),
                    options: vec![11],
                    answered: 11,
                }],
            }],
        };
        assert!(matches!(
            suppress_question(&q, 10),
            Err(SuppressionError::Shape(_))
        ));
    }

    #[test]
    fn a_group_cannot_be_worked_out_from_two_breakdowns_and_the_total() {
        // By age: 30 and 20; by need: 47 and 3. The 3 is hidden, so is another need
        // group, so subtracting from the total reveals nothing.
        let group = |label: &str, a: u64, b: u64| GroupCounts {
            label: label.into(),
            options: vec![a, b],
            answered: a + b,
        };
        let q = QuestionCounts {
            options: vec![25, 25],
            answered: 50,
            options_partition: true,
            breakdowns: vec![
                BreakdownCounts {
                    name: "age".into(),
                    groups_partition: true,
                    groups: vec![group("young", 15, 15), group("old", 10, 10)],
                },
                BreakdownCounts {
                    name: "need".into(),
                    groups_partition: true,
                    groups: vec![group("autism", 23, 24), group("other", 2, 1)],
                },
            ],
        };
        let s = suppress_question(&q, 10).expect("consistent");
        let need = s.breakdowns.get(1).expect("need");
        assert!(need.groups.iter().all(|g| g.answered.is_suppressed()));
        let (system, _) = question_system(&q).expect("system");
        let hidden = hidden_of(&q, &s);
        assert!(determined(&system, &hidden).is_empty());
    }

    #[test]
    fn a_figure_hidden_in_one_question_is_hidden_in_another_showing_it() {
        // Question 0 is the age question (its answers are the groups); question 1 is
        // answered by everyone, so its "answered" per age group equals the group size.
        let ages = QuestionCounts {
            options: vec![3, 15, 40],
            answered: 58,
            options_partition: true,
            breakdowns: vec![],
        };
        let group = |label: &str, a: u64, b: u64| GroupCounts {
            label: label.into(),
            options: vec![a, b],
            answered: a + b,
        };
        let other = QuestionCounts {
            options: vec![30, 28],
            answered: 58,
            options_partition: true,
            breakdowns: vec![BreakdownCounts {
                name: "q:age".into(),
                groups_partition: true,
                groups: vec![group("a", 1, 2), group("b", 7, 8), group("c", 22, 18)],
            }],
        };
        let labels = vec![vec!["a".to_string(), "b".into(), "c".into()], vec![]];
        let grouping = vec![Some("q:age".to_string()), None];
        let results = suppress_survey(&[ages, other], &grouping, &labels, 10).expect("ok");
        let ages = results.first().expect("ages");
        let other = results.get(1).expect("other");
        // The 15 is hidden in the age question to protect the 3; so the group of 15
        // in the other question's breakdown is hidden too.
        assert_eq!(ages.options.get(1), Some(&Cell::Suppressed));
        let b = other.breakdowns.first().expect("breakdown");
        assert_eq!(b.groups.get(1).map(|g| g.answered), Some(Cell::Suppressed));
    }

    /// The hidden flags of a suppressed question, in its system's cell order.
    fn hidden_of(q: &QuestionCounts, s: &SuppressedQuestion) -> Vec<bool> {
        let mut hidden = vec![s.answered.is_suppressed()];
        hidden.extend(s.options.iter().map(|c| c.is_suppressed()));
        for (b, sb) in q.breakdowns.iter().zip(&s.breakdowns) {
            for (_, sg) in b.groups.iter().zip(&sb.groups) {
                hidden.push(sg.answered.is_suppressed());
                hidden.extend(sg.options.iter().map(|c| c.is_suppressed()));
            }
        }
        hidden
    }

    /// Exact rational arithmetic for the attacker, independent of the f64 elimination
    /// under test.
    #[derive(Clone, Copy, Debug, PartialEq)]
    struct Ratio(i128, i128);

    impl Ratio {
        fn new(n: i128, d: i128) -> Self {
            let g = gcd(n.abs(), d.abs()).max(1);
            let s = if d < 0 { -1 } else { 1 };
            Ratio(s * n / g, s * d / g)
        }
        fn zero(self) -> bool {
            self.0 == 0
        }
        fn sub(self, o: Ratio) -> Ratio {
            Ratio::new(self.0 * o.1 - o.0 * self.1, self.1 * o.1)
        }
        fn mul(self, o: Ratio) -> Ratio {
            Ratio::new(self.0 * o.0, self.1 * o.1)
        }
        fn div(self, o: Ratio) -> Ratio {
            Ratio::new(self.0 * o.1, self.1 * o.0)
        }
    }

    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }

    /// Everything an attacker can work out from the shown figures by adding and
    /// subtracting the tables' sums (any linear combination): the hidden cells whose
    /// values follow, with those values.
    fn attack(system: &System, hidden: &[bool]) -> Vec<(usize, i128)> {
        let columns: Vec<usize> = (0..system.values().len()).filter(|i| hidden[*i]).collect();
        let w = columns.len();
        let mut rows: Vec<Vec<Ratio>> = vec![];
        for e in system.equations() {
            // total − Σ parts = 0; move shown cells to the right-hand side.
            let mut row = vec![Ratio(0, 1); w + 1];
            let mut signed = vec![(e.total, 1i128)];
            signed.extend(e.parts.iter().map(|p| (*p, -1i128)));
            for (cell, sign) in signed {
                let v = system.values()[cell] as i128;
                match columns.iter().position(|c| *c == cell) {
                    Some(c) => row[c] = Ratio::new(row[c].0 + sign * row[c].1, row[c].1),
                    None => row[w] = Ratio::new(row[w].0 - sign * v * row[w].1, row[w].1),
                }
            }
            rows.push(row);
        }
        let mut lead = 0;
        for col in 0..w {
            let Some(p) = (lead..rows.len()).find(|r| !rows[*r][col].zero()) else {
                continue;
            };
            rows.swap(lead, p);
            let pivot = rows[lead][col];
            rows[lead] = rows[lead].iter().map(|x| x.div(pivot)).collect();
            for r in 0..rows.len() {
                if r != lead && !rows[r][col].zero() {
                    let f = rows[r][col];
                    let lead_row = rows[lead].clone();
                    rows[r] = rows[r]
                        .iter()
                        .zip(&lead_row)
                        .map(|(x, l)| x.sub(f.mul(*l)))
                        .collect();
                }
            }
            lead += 1;
        }
        let mut found = vec![];
        for row in &rows {
            let nz: Vec<usize> = (0..w).filter(|c| !row[*c].zero()).collect();
            if nz.len() == 1 {
                let value = row[w].div(row[nz[0]]);
                found.push((columns[nz[0]], value.0 / value.1));
            }
        }
        found
    }

    /// Respondents with an answer and a group along each of two dimensions; the
    /// question's counts as the tallies would hold them.
    fn question_from(
        people: &[(usize, usize, usize)],
        options: usize,
        a: usize,
        b: usize,
    ) -> QuestionCounts {
        let mut overall = vec![0u64; options];
        let mut by_a = vec![vec![0u64; options]; a];
        let mut by_b = vec![vec![0u64; options]; b];
        for (answer, ga, gb) in people {
            overall[*answer] += 1;
            by_a[*ga][*answer] += 1;
            by_b[*gb][*answer] += 1;
        }
        let groups = |rows: Vec<Vec<u64>>| {
            rows.into_iter()
                .enumerate()
                .map(|(i, options)| GroupCounts {
                    label: format!("g{i}"),
                    answered: options.iter().sum(),
                    options,
                })
                .collect()
        };
        QuestionCounts {
            answered: people.len() as u64,
            options: overall,
            options_partition: true,
            breakdowns: vec![
                BreakdownCounts {
                    name: "age".into(),
                    groups_partition: true,
                    groups: groups(by_a),
                },
                BreakdownCounts {
                    name: "need".into(),
                    groups_partition: true,
                    groups: groups(by_b),
                },
            ],
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// However the counts fall, no hidden count can be recovered by differencing
        /// the tables (one table's totals, two breakdowns with the overall figure, a
        /// group against everyone), none below the threshold is shown, and where a
        /// shown total has hidden parts they make at least the threshold.
        #[test]
        fn no_hidden_count_can_be_recovered(
            people in proptest::collection::vec((0usize..4, 0usize..4, 0usize..3), 0..120),
            threshold in 2u64..12,
        ) {
            let q = question_from(&people, 4, 4, 3);
            let s = suppress_question(&q, threshold).expect("consistent counts");
            let (system, _) = question_system(&q).expect("system");
            let hidden = hidden_of(&q, &s);
            for (i, v) in system.values().iter().enumerate() {
                prop_assert!(hidden[i] || *v == 0 || *v >= threshold, "shown small count {v}");
            }
            let recovered = attack(&system, &hidden);
            prop_assert!(recovered.is_empty(), "recovered {:?}", recovered);
            for e in system.equations() {
                if !hidden[e.total] {
                    let mass: u64 = e.parts.iter().filter(|p| hidden[**p]).map(|p| system.values()[*p]).sum();
                    prop_assert!(mass == 0 || mass >= threshold);
                }
            }
        }

        /// A filtered view (one group's row) shows exactly the figures of that group in
        /// the full breakdown, so setting it against the unfiltered view adds nothing.
        #[test]
        fn a_group_row_is_the_same_cells_as_the_breakdown(
            people in proptest::collection::vec((0usize..3, 0usize..3, 0usize..2), 0..60),
        ) {
            let q = question_from(&people, 3, 3, 2);
            let s = suppress_question(&q, 5).expect("consistent");
            let again = suppress_question(&q, 5).expect("consistent");
            prop_assert_eq!(s, again);
        }
    }
}
