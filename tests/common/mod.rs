//! Helpers shared by the integration tests.

use ocrclean::{Config, Dehyphenate, Stage, clean};
use std::collections::BTreeMap;

/// A character as the folds that look at neighbours may leave it: they run
/// again on lines that rejoin joined (a bracket pair split across two lines,
/// `１７` / `％`, `〈` or `《` / `…)` read by OCR for `（…）`), so half-width
/// punctuation counts as its full-width form, `〈` and `《` as `（` and
/// full-width numeric symbols as ASCII.
pub fn canon(c: char) -> char {
    match c {
        ',' => '，',
        '〈' | '《' => '（',
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
    // The OCR digit fold may see a date only once its lines are joined
    // (`12月3` / `工日`): both sides are compared with it applied to their
    // text without white space.
    let joined: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let joined = ocrclean::stages::normalize::ocr_digits_folded(&joined);
    for c in joined.chars().map(canon) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// The non-whitespace characters in order, canonicalized. (The OCR fold
/// of `一` between digits to a dash may see its digits only once lines
/// are joined, `…0` / `一0`: both sides are compared with it applied.)
#[allow(dead_code)]
pub fn non_ws(s: &str) -> String {
    let cs: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..cs.len())
        .map(|i| {
            let digit =
                |j: Option<usize>| j.and_then(|j| cs.get(j)).is_some_and(char::is_ascii_digit);
            if cs[i] == '一' && digit(i.checked_sub(1)) && digit(Some(i + 1)) {
                '—'
            } else {
                canon(cs[i])
            }
        })
        .collect()
}

/// Nothing lost: despace removes only white space, the output holds exactly
/// the characters of the lines its units are made of (each line used once),
/// and every line left out is page furniture that rejoin reported. No
/// dehyphenation here: it removes hyphens by design.
#[allow(dead_code)]
pub fn nothing_lost(s: &str) -> Result<(), String> {
    let cfg = Config {
        dehyphenate: Dehyphenate::None,
        explain: true,
        ..Config::default()
    };
    let out = clean(s, &cfg);
    let doc = &out.doc;
    let normalized = clean(
        s,
        &Config {
            stop_after: Some(Stage::Normalize),
            ..Config::default()
        },
    )
    .text;
    let all: String = doc.lines.iter().map(|l| l.text.as_str()).collect();
    if multiset(&all) != multiset(&normalized) {
        return Err("despace changed more than white space".into());
    }
    let mut used = vec![false; doc.lines.len()];
    for u in &doc.units {
        for &i in &u.lines {
            if used[i] {
                return Err(format!("line {i} used twice"));
            }
            used[i] = true;
        }
    }
    let kept: String = doc
        .lines
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(l, _)| l.text.as_str())
        .collect();
    if doc.structured && multiset(&out.text) != multiset(&kept) {
        return Err(format!(
            "output characters differ from its lines'\n{}",
            out.text
        ));
    }
    let furniture = out
        .decisions
        .iter()
        .filter(|d| matches!(d.rule, "page-number" | "page-head" | "running-head"))
        .count();
    let left = used.iter().filter(|u| !**u).count();
    if doc.structured && left != furniture {
        return Err(format!(
            "{left} lines left out, {furniture} reported as page furniture"
        ));
    }
    Ok(())
}
