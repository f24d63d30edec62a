//! Helpers shared by the integration tests.

use std::collections::BTreeMap;

/// A character as the folds that look at neighbours may leave it: they run
/// again on lines that rejoin joined (a bracket pair split across two lines,
/// `１７` / `％`), so half-width punctuation counts as its full-width form
/// and full-width numeric symbols as ASCII.
pub fn canon(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        '％' => '%',
        '＋' => '+',
        '－' => '-',
        '．' => '.',
        '／' => '/',
        c => c,
    }
}

/// Non-whitespace characters with their counts, canonicalized.
pub fn multiset(s: &str) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for c in s.chars().filter(|c| !c.is_whitespace()).map(canon) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// The non-whitespace characters in order, canonicalized.
#[allow(dead_code)]
pub fn non_ws(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(canon)
        .collect()
}
