//! Decisions and counts: what `--explain` prints and what [`Cleaned`] counts.
//!
//! Every rule of every stage reports each decision it makes through a
//! [`Trace`]. Counting is always on (it is cheap); the full list of decisions
//! with their evidence is only kept when explaining was asked for, so the
//! evidence strings are never built on the fast path.
//!
//! [`Cleaned`]: crate::Cleaned

use serde::Serialize;

/// One decision of one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The stage that decided (`normalize`, `despace`, `rejoin`, `articles`).
    pub stage: &'static str,
    /// The rule's stable kebab-case name.
    pub rule: &'static str,
    /// The input line the decision is about (1-based).
    pub line: usize,
    /// What the rule saw, in a few words.
    pub evidence: String,
}

/// How often each rule fired, per stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// `(stage, rule, count)`, in the order rules first fired.
    pub rules: Vec<(&'static str, &'static str, usize)>,
}

impl Counts {
    fn bump(&mut self, stage: &'static str, rule: &'static str, n: usize) {
        let mut hint = 0;
        self.bump_at(stage, rule, n, &mut hint);
    }

    /// [`Counts::bump`], trying row `hint` first (the same rule often fires
    /// many times in a row) and leaving the row it counted in `hint`.
    fn bump_at(&mut self, stage: &'static str, rule: &'static str, n: usize, hint: &mut usize) {
        // Rule names are literals: the same name is nearly always the same
        // pointer, compared first; the text decides otherwise.
        let same = |a: &str, b: &str| std::ptr::eq(a, b) || a == b;
        if let Some(row) = self.rules.get_mut(*hint)
            && same(row.1, rule)
            && same(row.0, stage)
        {
            row.2 += n;
            return;
        }
        if let Some(i) = self
            .rules
            .iter()
            .position(|(s, r, _)| same(r, rule) && same(s, stage))
        {
            self.rules[i].2 += n;
            *hint = i;
        } else {
            *hint = self.rules.len();
            self.rules.push((stage, rule, n));
        }
    }

    /// Add `other`'s counts to these.
    pub fn merge(&mut self, other: &Counts) {
        for &(stage, rule, n) in &other.rules {
            self.bump(stage, rule, n);
        }
    }

    /// How often `rule` of `stage` fired.
    pub fn get(&self, stage: &str, rule: &str) -> usize {
        self.rules
            .iter()
            .find(|(s, r, _)| *s == stage && *r == rule)
            .map_or(0, |row| row.2)
    }

    /// All decisions a stage made.
    pub fn stage_total(&self, stage: &str) -> usize {
        self.rules
            .iter()
            .filter(|(s, _, _)| *s == stage)
            .map(|row| row.2)
            .sum()
    }
}

/// Collects counts always and decisions when asked to.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    keep: bool,
    /// Every decision, in order, when explaining.
    pub decisions: Vec<Decision>,
    /// How often each rule fired.
    pub counts: Counts,
    /// The row of `counts` the last decision was counted in.
    last: usize,
}

impl Trace {
    /// A trace that keeps every decision (`keep`) or only counts.
    pub fn new(keep: bool) -> Self {
        Trace {
            keep,
            ..Trace::default()
        }
    }

    /// True when decisions are kept: callers may skip building evidence.
    pub fn explaining(&self) -> bool {
        self.keep
    }

    /// Record one decision. `evidence` is only called when explaining.
    pub fn record(
        &mut self,
        stage: &'static str,
        rule: &'static str,
        line: usize,
        evidence: impl FnOnce() -> String,
    ) {
        self.counts.bump_at(stage, rule, 1, &mut self.last);
        if self.keep {
            self.decisions.push(Decision {
                stage,
                rule,
                line,
                evidence: evidence(),
            });
        }
    }
}

/// Shorten a text for evidence: at most `n` characters, with `…` when cut.
pub fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// The end of a text for evidence: its last `n` characters at most, with
/// `…` before them when cut.
pub fn clip_end(s: &str, n: usize) -> String {
    let skip = s.chars().count().saturating_sub(n);
    let tail = s.chars().skip(skip);
    if skip > 0 {
        std::iter::once('…').chain(tail).collect()
    } else {
        tail.collect()
    }
}
