//! Writers: text (the canonical format), markdown and jsonl.

use crate::config::Format;
use crate::doc::{Document, Role, Unit};
use crate::explain::{Counts, Decision};
use serde::Serialize;
use std::collections::BTreeMap;

/// Render the document in `format`. `input` is the text it was parsed from
/// (for byte ranges), `source` its path, `decisions` the trace (jsonl counts
/// per article).
pub fn render(
    doc: &Document,
    format: Format,
    input: &str,
    source: Option<&str>,
    counts: &Counts,
    decisions: &[Decision],
) -> String {
    match format {
        Format::Text => text(doc),
        Format::Markdown => markdown(doc),
        Format::Jsonl => jsonl(doc, input, source, counts, decisions),
    }
}

/// The canonical text: one unit per line, a blank line between articles, no
/// trailing spaces, exactly one final newline (nothing for an empty text).
pub fn text(doc: &Document) -> String {
    if !doc.structured {
        return doc.render_lines();
    }
    let mut out = String::with_capacity(doc.units.iter().map(|u| u.text.len() + 2).sum());
    // A unit left empty (a line of control characters) prints nothing; the
    // article it started starts at the next unit.
    let mut starts = false;
    for u in &doc.units {
        let t = u.text.trim();
        starts |= u.article_start;
        if t.is_empty() {
            continue;
        }
        if starts && !out.is_empty() {
            out.push('\n');
        }
        starts = false;
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// Articles as the units of a structured document, split at article starts.
pub fn articles(doc: &Document) -> Vec<&[Unit]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, u) in doc.units.iter().enumerate() {
        if i > start && u.article_start {
            out.push(&doc.units[start..i]);
            start = i;
        }
    }
    if start < doc.units.len() {
        out.push(&doc.units[start..]);
    }
    out
}

fn md_escape(s: &str) -> String {
    let t = s.trim();
    let risky = t.starts_with(['#', '>', '-', '+', '*', '=', '|'])
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if risky {
        format!("\\{t}")
    } else {
        t.to_string()
    }
}

/// Markdown: `# title`, `## subtitle`, paragraphs separated by blank lines,
/// `---` between articles.
pub fn markdown(doc: &Document) -> String {
    if !doc.structured {
        return doc.render_lines();
    }
    let mut out = String::new();
    for (n, art) in articles(doc).into_iter().enumerate() {
        if n > 0 {
            out.push_str("---\n\n");
        }
        for u in art {
            match u.role {
                Role::Title => out.push_str("# "),
                Role::Subtitle => out.push_str("## "),
                Role::Heading => out.push_str("### "),
                _ => {}
            }
            let body = md_escape(&u.text);
            if matches!(u.role, Role::Title | Role::Subtitle | Role::Heading) {
                out.push_str(body.trim_start_matches('\\'));
            } else {
                out.push_str(&body);
            }
            out.push_str("\n\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// One unit of an article in jsonl, with where it came from.
#[derive(Serialize)]
struct JUnit<'a> {
    role: Role,
    text: &'a str,
    /// Byte range `[start, end)` in the input, from the first line's start
    /// to the last line's end.
    bytes: [usize; 2],
    /// Input line numbers (1-based) of the first and last line.
    lines: [usize; 2],
}

#[derive(Serialize)]
struct JArticle<'a> {
    source: Option<&'a str>,
    index: usize,
    kind: &'static str,
    title: Option<&'a str>,
    subtitle: Vec<&'a str>,
    dateline: Option<&'a str>,
    byline: Vec<String>,
    paragraphs: Vec<&'a str>,
    attribution: Option<&'a str>,
    units: Vec<JUnit<'a>>,
    /// What each stage changed in this article: `stage → rule → count`.
    changes: BTreeMap<&'static str, BTreeMap<&'static str, usize>>,
}

/// Byline names in a dateline: `（全媒体记者 李寒露 通讯员 田薇 吴宗乔）` →
/// `李寒露, 田薇, 吴宗乔`.
pub fn byline_names(dateline: &str) -> Vec<String> {
    let Some(open) = dateline.find(['（', '(']) else {
        return Vec::new();
    };
    let rest = dateline[open..].trim_start_matches(['（', '(']);
    let inner = rest.split(['）', ')']).next().unwrap_or("");
    let mut names = Vec::new();
    for tok in inner.split([' ', '、', '\u{3000}']) {
        let mut t = tok.trim();
        for r in crate::bylines::role_words() {
            if let Some(pos) = t.find(r) {
                t = &t[pos + r.len()..];
            }
        }
        let n = t.chars().count();
        if (2..=4).contains(&n)
            && t.chars()
                .all(|c| crate::chars::class(c) == crate::chars::Class::Han)
        {
            names.push(t.to_string());
        }
    }
    names
}

/// The byte range of every unit in the input: from its first line's start
/// to its last line's end, but for units that share a line with another
/// (headlines printed side by side, a headline beside its dateline), each
/// of which gets its own part of that line. The parts are found by
/// counting the characters other than white space, where the line's raw
/// text has as many as its cleaned text (normalization changed none into
/// two); else they keep the whole line.
fn unit_ranges(doc: &Document, input: &str) -> Vec<[usize; 2]> {
    let mut ranges: Vec<[usize; 2]> = doc
        .units
        .iter()
        .map(|u| {
            let lo = u.lines.iter().min().map_or(0, |&l| doc.lines[l].span.start);
            let hi = u.lines.iter().max().map_or(0, |&l| doc.lines[l].span.end);
            [lo, hi]
        })
        .collect();
    // Line → the units on it, for the lines that hold more than one (a
    // count per line first: most hold one).
    let mut count = vec![0u32; doc.lines.len()];
    for u in &doc.units {
        for &l in &u.lines {
            count[l] += 1;
        }
    }
    let mut on: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, u) in doc.units.iter().enumerate() {
        for &l in u.lines.iter().filter(|&&l| count[l] > 1) {
            on.entry(l).or_default().push(i);
        }
    }
    for (l, us) in on {
        let line = &doc.lines[l];
        let Some(raw) = input.get(line.span.clone()) else {
            continue;
        };
        // Byte offsets (in the input) and lengths of the raw line's
        // characters other than white space, and the cleaned line's.
        let marks: Vec<(usize, usize)> = raw
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(b, c)| (line.span.start + b, c.len_utf8()))
            .collect();
        let clean: Vec<char> = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        if marks.len() != clean.len() {
            continue;
        }
        // The units of this line alone, found in its text in order.
        let mut from = 0;
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        for &i in &us {
            if doc.units[i].lines != [l] {
                continue;
            }
            let piece: Vec<char> = doc.units[i]
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let found = (from..=clean.len().saturating_sub(piece.len()))
                .find(|&p| !piece.is_empty() && clean[p..p + piece.len()] == piece[..]);
            let Some(p) = found else { continue };
            taken.push((i, p, p + piece.len()));
            from = p + piece.len();
        }
        for &(i, p, q) in &taken {
            ranges[i] = [marks[p].0, marks[q - 1].0 + marks[q - 1].1];
        }
        // A unit that goes on past this line starts after the pieces; one
        // that ends on it stops before them.
        let after = taken.iter().map(|t| t.2).max().filter(|&q| q < marks.len());
        let before = taken.iter().map(|t| t.1).min().filter(|&p| p > 0);
        for &i in &us {
            let u = &doc.units[i];
            if u.lines == [l] {
                continue;
            }
            if u.lines.first() == Some(&l)
                && let Some(q) = after
            {
                ranges[i][0] = marks[q].0;
            } else if u.lines.last() == Some(&l)
                && let Some(p) = before
            {
                ranges[i][1] = marks[p - 1].0 + marks[p - 1].1;
            }
        }
    }
    ranges
}

/// One JSON object per article.
pub fn jsonl(
    doc: &Document,
    input: &str,
    source: Option<&str>,
    counts: &Counts,
    decisions: &[Decision],
) -> String {
    if !doc.structured {
        // Without units every line is a paragraph of one article.
        let units: Vec<JUnit> = doc
            .lines
            .iter()
            .map(|l| JUnit {
                role: Role::Body,
                text: l.text.trim(),
                bytes: [l.span.start, l.span.end],
                lines: [l.no, l.no],
            })
            .collect();
        let art = JArticle {
            source,
            index: 0,
            kind: "other",
            title: None,
            subtitle: Vec::new(),
            dateline: None,
            byline: Vec::new(),
            paragraphs: units.iter().map(|u| u.text).collect(),
            attribution: None,
            units,
            changes: stage_counts(counts),
        };
        return if doc.lines.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&art).expect("serializable") + "\n"
        };
    }
    let ranges = unit_ranges(doc, input);
    let mut out = String::new();
    // The index in `doc.units` of each article's first unit.
    let mut offset = 0;
    for (index, art) in articles(doc).into_iter().enumerate() {
        let find = |r: Role| art.iter().find(|u| u.role == r).map(|u| u.text.as_str());
        let dateline = find(Role::Dateline);
        let has_body = art
            .iter()
            .any(|u| matches!(u.role, Role::Body | Role::Dateline));
        let kind = if art.iter().any(|u| u.role == Role::Caption) && !has_body {
            "caption"
        } else if has_body {
            "article"
        } else {
            "other"
        };
        let mut line_set = Vec::new();
        let units: Vec<JUnit> = art
            .iter()
            .enumerate()
            .map(|(n, u)| {
                let first = &doc.lines[*u.lines.iter().min().expect("unit has lines")];
                let last = &doc.lines[*u.lines.iter().max().expect("unit has lines")];
                line_set.extend(u.lines.iter().map(|&i| doc.lines[i].no));
                JUnit {
                    role: u.role,
                    text: u.text.as_str(),
                    bytes: ranges[offset + n],
                    lines: [first.no, last.no],
                }
            })
            .collect();
        offset += art.len();
        line_set.sort_unstable();
        let mut changes: BTreeMap<&'static str, BTreeMap<&'static str, usize>> = BTreeMap::new();
        for d in decisions {
            if line_set.binary_search(&d.line).is_ok() && !d.rule.starts_with("keep") {
                *changes
                    .entry(d.stage)
                    .or_default()
                    .entry(d.rule)
                    .or_insert(0) += 1;
            }
        }
        let obj = JArticle {
            source,
            index,
            kind,
            title: find(Role::Title),
            subtitle: art
                .iter()
                .filter(|u| u.role == Role::Subtitle)
                .map(|u| u.text.as_str())
                .collect(),
            dateline,
            byline: dateline.map(byline_names).unwrap_or_default(),
            paragraphs: art
                .iter()
                .filter(|u| {
                    matches!(
                        u.role,
                        Role::Body | Role::Dateline | Role::Caption | Role::Heading
                    )
                })
                .map(|u| u.text.as_str())
                .collect(),
            attribution: find(Role::Attribution),
            units,
            changes,
        };
        out.push_str(&serde_json::to_string(&obj).expect("serializable"));
        out.push('\n');
    }
    out
}

fn stage_counts(counts: &Counts) -> BTreeMap<&'static str, BTreeMap<&'static str, usize>> {
    let mut m: BTreeMap<&'static str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    for &(s, r, n) in &counts.rules {
        if !r.starts_with("keep") {
            m.entry(s).or_default().insert(r, n);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline() {
        assert_eq!(
            byline_names("湖南日报4月28日讯（全媒体记者 李寒露 通讯员 田薇 吴宗乔）“官商"),
            ["李寒露", "田薇", "吴宗乔"]
        );
        assert_eq!(
            byline_names("本报北京12月31日讯（记者 吴坤胜）"),
            ["吴坤胜"]
        );
        assert!(byline_names("新华社北京12月31日电").is_empty());
        // Traditional role words too.
        assert_eq!(
            byline_names("本報香港12月10日訊（全媒體記者 鄧固超 實習生 何玉華）"),
            ["鄧固超", "何玉華"]
        );
    }
}
