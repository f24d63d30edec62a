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
    const ROLES: [&str; 10] = [
        "全媒体记者",
        "特约记者",
        "见习记者",
        "实习生",
        "通讯员",
        "记者",
        "摄影",
        "記者",
        "通訊員",
        "编辑",
    ];
    let mut names = Vec::new();
    for tok in inner.split([' ', '、', '\u{3000}']) {
        let mut t = tok.trim();
        for r in ROLES {
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

/// One JSON object per article.
pub fn jsonl(
    doc: &Document,
    input: &str,
    source: Option<&str>,
    counts: &Counts,
    decisions: &[Decision],
) -> String {
    let _ = input;
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
    let mut out = String::new();
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
            .map(|u| {
                let first = &doc.lines[*u.lines.iter().min().expect("unit has lines")];
                let last = &doc.lines[*u.lines.iter().max().expect("unit has lines")];
                line_set.extend(u.lines.iter().map(|&i| doc.lines[i].no));
                JUnit {
                    role: u.role,
                    text: u.text.as_str(),
                    bytes: [first.span.start, last.span.end],
                    lines: [first.no, last.no],
                }
            })
            .collect();
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
    }
}
