//! Properties over random mixed text: nothing lost, nothing reordered by
//! rejoin, normalize idempotent and harmless on clean text, no panics, and
//! cleaning idempotent on paragraphed text.

use ocrclean::stages::normalize::normalize_line;
use ocrclean::{Config, Dehyphenate, Folds, Stage, Trace, clean};
use proptest::prelude::*;

mod common;
use common::non_ws;

/// Pieces that real extractor output is made of, artifacts included.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{4E00}-\u{4E80}]{1,12}",
        2 => prop::sample::select(vec!["，", "。", "、", "“", "”", "《", "》", "（", "）", "：", "！", "？", "……", "——"]).prop_map(String::from),
        2 => "[a-z]{1,8}",
        1 => "[A-Z][a-z]{0,6}",
        1 => "[0-9]{1,4}",
        1 => "[０-９]{1,3}",
        1 => "[\u{AC00}-\u{AC40}]{1,4}",
        1 => prop::sample::select(vec!["⼈", "⺠", "⼤", "ﬁ", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{A0}", "\u{3000}", "\u{2E3A}", ",", ":", "(", ")", "-", "\u{7}", "\r\n", "\u{FFFD}"]).prop_map(String::from),
        3 => prop::sample::select(vec![" ", "  ", "\n", "\n\n", "\x0c"]).prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn normalized(s: &str) -> String {
    let cfg = Config {
        stop_after: Some(Stage::Normalize),
        ..Config::default()
    };
    clean(s, &cfg).text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let _ = clean(&s, &Config::default());
        let jsonl = Config { format: ocrclean::Format::Jsonl, ..Config::default() };
        let _ = clean(&s, &jsonl);
    }

    /// The fast path (lines that need no fold are left alone) gives what
    /// the slow path gives.
    #[test]
    fn normalize_fast_path_matches_slow_path(s in prop_oneof![text(), "\\PC{0,80}", "[\\x00-\\x7F]{0,80}"]) {
        for line in s.lines() {
            let mut t = Trace::new(false);
            let fast = normalize_line(line, Folds::default(), 1, &mut t).into_owned();
            prop_assert_eq!(fast, ocrclean::stages::normalize::normalize_line_slow(line, Folds::default()));
        }
    }

    #[test]
    fn normalize_is_idempotent(s in text()) {
        for line in s.lines() {
            let mut t = Trace::new(false);
            let once = normalize_line(line, Folds::default(), 1, &mut t).into_owned();
            let twice = normalize_line(&once, Folds::default(), 1, &mut t).into_owned();
            prop_assert_eq!(once, twice);
        }
    }

    #[test]
    fn normalize_leaves_clean_text_alone(
        words in prop::collection::vec(prop_oneof![
            "[\u{4E00}-\u{9FA5}]{1,6}",
            prop::sample::select(vec!["，", "。", "、", "“", "”", "《", "》", "（", "）", "：", "；", "！", "？", "…", "—", "·"]).prop_map(String::from),
            "[A-Za-z0-9]{1,8}",
            Just(" ".to_string()),
        ], 0..40)
    ) {
        let s = words.concat();
        // A full-width colon between digits is a time (`3：30`), folded to
        // ASCII by design: not clean text.
        let cs: Vec<char> = s.chars().collect();
        prop_assume!(!cs.windows(3).any(|w| w[1] == '：' && w[0].is_ascii_digit() && w[2].is_ascii_digit()));
        // Nor is a `《` that `）` closes (no other bracket between): OCR's
        // misread `（`, folded by design.
        let misread = cs.iter().enumerate().any(|(i, &c)| {
            c == '《'
                && cs[i + 1..]
                    .iter()
                    .find(|&&d| matches!(d, '《' | '》' | '（' | '）'))
                    == Some(&'）')
        });
        prop_assume!(!misread);
        let mut t = Trace::new(false);
        let out = normalize_line(&s, Folds::default(), 1, &mut t).into_owned();
        prop_assert_eq!(out, s);
    }

    /// Nothing lost: the non-whitespace characters of the output are those
    /// of the normalized input, less the page furniture that rejoin drops
    /// (no dehyphenation here: it removes hyphens by design).
    #[test]
    fn nothing_lost(s in text()) {
        if let Err(e) = common::nothing_lost(&s) {
            prop_assert!(false, "{}", e);
        }
    }

    /// Cleaned in small pieces, nothing is lost either (no page breaks:
    /// page furniture is found per piece).
    #[test]
    fn nothing_lost_in_pieces(s in text(), size in 8usize..120) {
        let s = s.replace('\x0c', "\n");
        let cfg = Config { dehyphenate: Dehyphenate::None, chunk_bytes: size, ..Config::default() };
        let out = clean(&s, &cfg).text;
        prop_assert_eq!(common::multiset(&out), common::multiset(&normalized(&s)), "input {:?}", s);
    }

    /// rejoin never drops or reorders a non-whitespace character (but for
    /// columns side by side, which it reads one after the other: below).
    #[test]
    fn rejoin_keeps_order(s in text()) {
        // No page furniture to drop: no page breaks, no page number.
        let lone = regex::Regex::new(r"^\s*(?:[-–—] ?[0-9０-９]{1,4} ?[-–—]|第 ?[0-9０-９]{1,4} ?[页頁]|(?i:page) [0-9０-９]{1,4})").unwrap();
        let s = s.replace('\x0c', "\n");
        let s: String = s.split('\n').filter(|l| !lone.is_match(l)).collect::<Vec<_>>().join("\n");
        let cfg = Config { dehyphenate: Dehyphenate::None, stop_after: Some(Stage::Rejoin), columns: false, ..Config::default() };
        prop_assert_eq!(non_ws(&clean(&s, &cfg).text), non_ws(&normalized(&s)));
    }

    /// Reading columns one after the other moves characters, never drops
    /// nor adds one, on any text and on rows of words with wide gaps.
    #[test]
    fn columns_keep_every_character(
        s in prop_oneof![
            text(),
            prop::collection::vec(
                prop::collection::vec(("[a-z\u{4E00}-\u{4E20}]{1,9}", prop::sample::select(vec![" ", "  ", "   ", "      "])), 1..6),
                0..30,
            ).prop_map(|rows| rows.iter().map(|r| r.iter().map(|(w, g)| format!("{w}{g}")).collect::<String>()).collect::<Vec<_>>().join("\n")),
        ]
    ) {
        let (out, _) = ocrclean::columns::reorder(&s);
        let sorted = |t: &str| { let mut v: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect(); v.sort_unstable(); v };
        prop_assert_eq!(sorted(&out), sorted(&s));
    }

    /// Cleaning is idempotent on any mixed text, artifacts and junk
    /// included: the output is a fixed point.
    #[test]
    fn cleaning_is_idempotent(s in text()) {
        let once = clean(&s, &Config::default()).text;
        let twice = clean(&once, &Config::default()).text;
        prop_assert_eq!(&once, &twice, "input {:?}", s);
    }

    /// Every output is a fixed point for text that is paragraphed already.
    #[test]
    fn cleaning_paragraphed_text_is_stable(
        paras in prop::collection::vec(("[\u{4E00}-\u{9FA5}]{8,40}", prop::sample::select(vec!["。", "！", "？"])), 1..8)
    ) {
        let s: String = paras.iter().map(|(p, e)| format!("{p}{e}\n")).collect();
        let once = clean(&s, &Config::default()).text;
        let twice = clean(&once, &Config::default()).text;
        prop_assert_eq!(&once, &twice);
    }
}

#[test]
fn same_output_for_crlf_and_lf() {
    let lf = "的责任感和使命感，积极作为，多举措\n\n并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影\n\n响，迎来了一季度工业发展。\n";
    let crlf = lf.replace('\n', "\r\n");
    assert_eq!(
        clean(lf, &Config::default()).text,
        clean(&crlf, &Config::default()).text
    );
}

/// A page as extractors print it: paragraphs of CJK text wrapped at a
/// column width, sometimes a blank line after every line, some lines
/// stretched by justification, headlines between articles.
fn page() -> impl Strategy<Value = String> {
    let para = (
        prop::collection::vec(
            (
                "[\u{4E00}-\u{9FA5}]{2,9}",
                prop::sample::select(vec!["，", "、", "；", ""]),
            ),
            4..12,
        ),
        prop::sample::select(vec!["。", "！", "？", "。”"]),
    )
        .prop_map(|(parts, end)| parts.into_iter().map(|(a, b)| a + b).collect::<String>() + end);
    let block = (
        prop::option::of("[\u{4E00}-\u{9FA5}]{4,12}"),
        prop::collection::vec(para, 2..5),
    );
    (
        prop::collection::vec(block, 2..5),
        8usize..26,
        any::<bool>(),
        prop::collection::vec(any::<bool>(), 64),
    )
        .prop_map(|(blocks, width, blank_lines, stretch)| {
            let sep = if blank_lines { "\n\n" } else { "\n" };
            let mut out = String::new();
            let mut n = 0;
            for (title, paras) in blocks {
                if let Some(t) = title {
                    out.push_str(&t);
                    out.push_str(sep);
                }
                for p in paras {
                    let chars: Vec<char> = p.chars().collect();
                    // Wrap at the width; punctuation that may not start a
                    // line hangs at the end of the previous one (kinsoku).
                    let mut lines: Vec<Vec<char>> = Vec::new();
                    for &c in &chars {
                        let closing = "，、。！？”；".contains(c);
                        match lines.last_mut() {
                            Some(l) if l.len() < width || closing => l.push(c),
                            _ => lines.push(vec![c]),
                        }
                    }
                    for line in lines.iter().map(Vec::as_slice) {
                        let full = line.len() >= width;
                        let text: String = if full && stretch[n % stretch.len()] {
                            line.iter()
                                .map(|c| c.to_string())
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            line.iter().collect()
                        };
                        n += 1;
                        out.push_str(&text);
                        out.push_str(sep);
                    }
                }
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Cleaning what ocrclean wrote from a page changes nothing.
    #[test]
    fn cleaning_a_page_is_idempotent(s in page()) {
        let once = clean(&s, &Config::default()).text;
        let twice = clean(&once, &Config::default()).text;
        prop_assert_eq!(&once, &twice);
    }
}
