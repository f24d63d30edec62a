//! # ocrclean
//!
//! Turns the damaged text that PDF extractors (pdftotext, mutool, pdfminer)
//! and OCR engines (tesseract) produce into clean text: one line per
//! paragraph, title or caption, a blank line between articles, the spaces
//! that layout put between CJK characters removed and the meaningful ones
//! kept, radical code points and full-width ASCII repaired, headlines that
//! the extractor printed below their article moved back on top.
//!
//! The work is a staged pipeline over a document model ([`doc::Document`])
//! that keeps, for every line, the evidence measured on the raw layout:
//!
//! 1. [`normalize`](stages::normalize): character repairs, never NFKC;
//! 2. [`despace`](stages::despace): layout spaces out, meaningful ones kept;
//! 3. [`rejoin`](stages::rejoin): lines back into paragraphs;
//! 4. [`articles`](stages::articles): article boundaries and roles.
//!
//! Every decision is a named rule that can be explained ([`Config::explain`]).
//! The library is pure: no files, no printing, no globals; the binary and
//! [`batch`] do the I/O.
//!
//! ```
//! use ocrclean::{clean, Config};
//!
//! let page = "浏阳市工信局以高度的责任感和使命感，积极作为，多举措\n\n\
//!             并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影\n\n\
//!             响，迎来了 2022 年一季度浏阳市工业发展的开门红。\n";
//! let out = clean(page, &Config::default());
//! assert_eq!(
//!     out.text,
//!     "浏阳市工信局以高度的责任感和使命感，积极作为，多举措并进，\
//!      有效应对疫情带来的冲击和影响，迎来了2022年一季度浏阳市工业发展的开门红。\n"
//! );
//! assert!(out.counts.get("despace", "stretched") > 0);
//! ```

pub mod batch;
pub mod bylines;
pub mod chars;
pub mod columns;
pub mod config;
pub mod diff;
pub mod doc;
pub mod encoding;
pub mod explain;
pub mod render;
pub mod score;
pub mod stages;
pub mod syllables;
mod tables;

/// The README's Rust examples run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use config::{CjkLatinSpace, Config, Dehyphenate, Fold, Folds, Format, Stage};
pub use doc::{Document, Role, Unit};
pub use explain::{Counts, Decision, Trace};

/// The result of cleaning one text.
#[derive(Clone, Debug)]
pub struct Cleaned {
    /// The cleaned text in the configured format.
    pub text: String,
    /// How often each rule of each stage fired.
    pub counts: Counts,
    /// Every decision, when [`Config::explain`] is set.
    pub decisions: Vec<Decision>,
    /// The model as the last stage of the first pass left it.
    pub doc: Document,
}

/// Clean `input` with `cfg`.
pub fn clean(input: &str, cfg: &Config) -> Cleaned {
    clean_source(input, cfg, None)
}

/// Extra passes at most that make the text output a fixed point. Each
/// pass over junk may join a few more lines than the last: it takes a few.
const FIXPOINT_PASSES: usize = 16;

/// Clean `input`, naming its `source` (a path) in structured output.
///
/// The canonical text is a fixed point: cleaning it again changes nothing
/// (`clean(clean(x)) == clean(x)`, so `--check` after `--in-place` is
/// quiet). The evidence of the raw layout is gone from the output, and
/// decisions made on joined lines see other neighbours than on the raw
/// ones, so the output goes through the pipeline once more (a quick pass:
/// it reads as paragraphed text); where that changes it, again, until it
/// no longer changes, and `--explain` says so (`rejoin fixpoint-pass`).
/// [`Cleaned::doc`] stays the model of the first pass, over the input.
/// [`Config::single_pass`] skips the extra passes.
///
/// Text output of an input longer than [`Config::chunk_bytes`] (and a half)
/// is cleaned in pieces of about that size, a few at a time (in parallel on
/// the current rayon pool), so that memory stays a small multiple of the
/// input however large it is, and one large file uses every core: the
/// pieces end at a page break, else at a blank line after a finished
/// sentence, else at a finished sentence's line end, else at a blank line,
/// else at a line end; a line longer than a piece is cut at a page break or
/// after a sentence in it (a text with neither is cleaned whole from
/// there). A piece is dozens of pages: what the
/// stages measure over the document (the column widths, the CJK–Latin
/// convention, running heads) is measured over it. The pieces' outputs
/// follow each other as paragraphs, or as articles where the next piece
/// starts with a title or dateline; `--explain` numbers lines in the whole
/// input; [`Cleaned::doc`] is then the first piece's model.
pub fn clean_source(input: &str, cfg: &Config, source: Option<&str>) -> Cleaned {
    let Some(pieces) = pieces_of(input, cfg) else {
        return clean_whole(input, cfg, source);
    };
    let mut text = String::with_capacity(input.len());
    let mut out = clean_chunks(input, cfg, source, &pieces, &mut |s| text.push_str(s));
    out.text = text;
    out
}

/// The pieces a large input is cleaned in, if it is cleaned in pieces.
fn pieces_of(input: &str, cfg: &Config) -> Option<Vec<Piece>> {
    if cfg.chunk_bytes > 0
        && cfg.format == Format::Text
        && input.len() > cfg.chunk_bytes + cfg.chunk_bytes / 2
    {
        let pieces = chunk_bounds(input, cfg.chunk_bytes);
        if pieces.len() > 1 {
            return Some(pieces);
        }
    }
    None
}

/// Clean `input` as [`clean_source`] does, handing the output text to
/// `sink` piece by piece as it is made (one call for an input cleaned
/// whole) instead of holding all of it: a large input's output need not be
/// held beside the input (the CLI writes it to standard output as it
/// comes). The text of the [`Cleaned`] returned is empty.
pub fn clean_source_into(
    input: &str,
    cfg: &Config,
    source: Option<&str>,
    sink: &mut dyn FnMut(&str),
) -> Cleaned {
    if let Some(pieces) = pieces_of(input, cfg) {
        return clean_chunks(input, cfg, source, &pieces, sink);
    }
    let mut out = clean_whole(input, cfg, source);
    sink(&std::mem::take(&mut out.text));
    out
}

/// Inputs are cleaned in pieces of about this many bytes by default
/// ([`Config::chunk_bytes`]): some dozens of newspaper pages.
pub const CHUNK_BYTES: usize = 1 << 18;

/// Clean the pieces of `input` that `pieces` gives and join their outputs.
fn clean_chunks(
    input: &str,
    cfg: &Config,
    source: Option<&str>,
    pieces: &[Piece],
    sink: &mut dyn FnMut(&str),
) -> Cleaned {
    let mut any = false;
    let mut counts = Counts::default();
    let mut decisions = Vec::new();
    let mut first_doc = None;
    let mut line_base = 0;
    let mut joint: Option<&str> = None;
    // The pieces are independent: a few at a time on the threads of the
    // current rayon pool (the output does not depend on how many), then
    // appended in order, so that only a few pieces' results are held.
    use rayon::prelude::*;
    let window = rayon::current_num_threads().max(1);
    let cleaned = pieces.chunks(window).flat_map(|w| {
        w.par_iter()
            .map(|p| clean_whole(&input[p.range.clone()], cfg, source))
            .collect::<Vec<_>>()
    });
    for (p, out) in pieces.iter().zip(cleaned) {
        let piece = &input[p.range.clone()];
        let opens_article = out
            .doc
            .units
            .first()
            .is_some_and(|u| matches!(u.role, Role::Title | Role::Subtitle | Role::Dateline));
        let body = out.text.trim_matches('\n');
        if !body.is_empty() {
            if any {
                sink(joint.unwrap_or(if opens_article { "\n\n" } else { "\n" }));
            }
            sink(body);
            any = true;
        }
        // After a cut inside a line the paragraph goes on: directly after
        // a CJK full stop, after a space after a Latin one.
        joint = p
            .in_line
            .then(|| if piece.ends_with(' ') { " " } else { "" });
        counts.merge(&out.counts);
        decisions.extend(out.decisions.into_iter().map(|mut d| {
            if d.line > 0 {
                d.line += line_base;
            }
            d
        }));
        // Lines are counted as Document::parse counts them: a CR LF pair
        // or a lone CR or LF ends one.
        line_base += count_line_ends(piece);
        if first_doc.is_none() {
            first_doc = Some(out.doc);
        }
    }
    if any {
        sink("\n");
    }
    Cleaned {
        text: String::new(),
        counts,
        decisions,
        doc: first_doc.unwrap_or_default(),
    }
}

/// Line ends in `s`: CR LF, CR, LF.
fn count_line_ends(s: &str) -> usize {
    let b = s.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Where to cut `input` into pieces of about `size` bytes: each piece ends
/// at the best boundary within half a piece of its target length (see
/// [`clean_source`]); the last piece takes the rest.
fn chunk_bounds(input: &str, size: usize) -> Vec<Piece> {
    let b = input.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while b.len() - start > size + size / 2 {
        let lo = start + size / 2;
        let hi = start + size + size / 2;
        let target = start + size;
        if let Some(end) = best_cut(input, lo, hi, target) {
            out.push(Piece {
                range: start..end,
                in_line: false,
            });
            start = end;
        } else if let Some((end, in_line)) = sentence_cut(input, lo, hi, target) {
            // A line longer than the reach: cut at a page break in it, or
            // after a sentence.
            out.push(Piece {
                range: start..end,
                in_line,
            });
            start = end;
        } else {
            break;
        }
    }
    out.push(Piece {
        range: start..b.len(),
        in_line: false,
    });
    out
}

/// A piece of the input cleaned on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    range: std::ops::Range<usize>,
    /// The piece ends inside a line (one longer than a piece): the next
    /// one goes on with the same paragraph.
    in_line: bool,
}

/// Within `lo..hi`, nearest `target`: just after a form feed (no longer
/// in the line then), else just after a CJK full stop, or after the space
/// that follows a Latin sentence's full stop.
fn sentence_cut(input: &str, lo: usize, hi: usize, target: usize) -> Option<(usize, bool)> {
    let boundary = |mut i: usize| {
        while !input.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (lo, hi) = (boundary(lo), boundary(hi.min(input.len())));
    // [page break, sentence end]
    let mut best: [Option<usize>; 2] = [None; 2];
    let mut prev = '\0';
    for (i, c) in input[lo..hi].char_indices() {
        let at = lo + i + c.len_utf8();
        let kind = if c == '\x0c' {
            0
        } else if matches!(c, '。' | '！' | '？') || (c == ' ' && matches!(prev, '.' | '!' | '?'))
        {
            1
        } else {
            prev = c;
            continue;
        };
        if best[kind].is_none_or(|b| b.abs_diff(target) > at.abs_diff(target)) {
            best[kind] = Some(at);
        }
        prev = c;
    }
    best[0]
        .map(|at| (at, false))
        .or(best[1].map(|at| (at, true)))
}

/// The first `\n` in `b[from..to]`.
fn newline_in(b: &[u8], from: usize, to: usize) -> Option<usize> {
    b[from..to]
        .iter()
        .position(|&c| c == b'\n')
        .map(|i| from + i)
}

/// The best place to cut within `lo..hi` (byte offsets just after a line
/// end), nearest `target` within each kind: after a form feed; after a
/// blank line that follows a finished sentence; after a finished sentence;
/// after a blank line; after any line end.
fn best_cut(input: &str, lo: usize, hi: usize, target: usize) -> Option<usize> {
    let b = input.as_bytes();
    let hi = hi.min(b.len());
    // [form feed, blank after sentence, sentence end, blank, line end]
    let mut best: [Option<usize>; 5] = [None; 5];
    let mut consider = |kind: usize, at: usize| {
        let slot = &mut best[kind];
        if slot.is_none_or(|s| s.abs_diff(target) > at.abs_diff(target)) {
            *slot = Some(at);
        }
    };
    let mut line_start = lo;
    // Start at a line start: skip the rest of the line `lo` falls in.
    if lo > 0 && b[lo - 1] != b'\n' {
        line_start = newline_in(b, lo, hi).map_or(hi, |i| i + 1);
    }
    let mut prev_line: Option<(usize, usize)> = None;
    let mut i = line_start;
    while i < hi {
        let Some(end) = newline_in(b, i, hi) else {
            break;
        };
        let cut = end + 1;
        let line = &input[i..end];
        if let Some(ff) = line.rfind('\x0c') {
            // Just after the form feed: the next page starts the piece.
            consider(0, i + ff + 1);
        }
        let blank = line.trim().is_empty();
        if blank {
            let after_sentence =
                prev_line.is_some_and(|(s, e)| chars::ends_sentence(input[s..e].trim_end()));
            consider(if after_sentence { 1 } else { 3 }, cut);
        } else {
            if chars::ends_sentence(line.trim_end()) {
                consider(2, cut);
            }
            prev_line = Some((i, end));
        }
        consider(4, cut);
        i = cut;
    }
    best.into_iter().flatten().next()
}

/// Clean `input` in one piece.
fn clean_whole(input: &str, cfg: &Config, source: Option<&str>) -> Cleaned {
    let (mut text, mut trace, doc) = clean_once(input, cfg, source);
    if !cfg.single_pass
        && cfg.format == Format::Text
        && Stage::ALL.iter().all(|&s| cfg.runs(s))
        && text != input
    {
        // The extra passes' decisions are not reported: keep none.
        let quiet = Config {
            explain: false,
            ..cfg.clone()
        };
        let (settled, passes, cycle) = settle(text, |t| clean_once(t, &quiet, source).0);
        for _ in 0..passes {
            trace.record("rejoin", "fixpoint-pass", 0, || {
                "the output changed on another pass: the output is that pass's".to_string()
            });
        }
        if cycle {
            trace.record("rejoin", "fixpoint-cycle", 0, || {
                "another pass would give the output before again: the output is this one"
                    .to_string()
            });
        }
        text = settled;
    }
    Cleaned {
        text,
        counts: trace.counts,
        decisions: if cfg.explain {
            trace.decisions
        } else {
            Vec::new()
        },
        doc,
    }
}

/// Run `pass` on `text` until it no longer changes it, at most
/// [`FIXPOINT_PASSES`] times: the text, how many passes changed it, and
/// whether it stopped at a cycle of two (a pass gave back the text of the
/// pass before: the passes would only alternate).
fn settle(mut text: String, mut pass: impl FnMut(&str) -> String) -> (String, usize, bool) {
    let mut before: Option<String> = None;
    for changed in 0..FIXPOINT_PASSES {
        let again = pass(&text);
        if again == text {
            return (text, changed, false);
        }
        if before.as_ref() == Some(&again) {
            return (text, changed, true);
        }
        before = Some(std::mem::replace(&mut text, again));
    }
    (text, FIXPOINT_PASSES, false)
}

/// One pass of the pipeline: the rendered text, the trace, the model.
fn clean_once(input: &str, cfg: &Config, source: Option<&str>) -> (String, Trace, Document) {
    // jsonl reports what each stage changed per article: it needs the lines.
    let mut trace = Trace::new(cfg.explain || cfg.format == Format::Jsonl);
    // Columns side by side are read one after the other first: every
    // later line number is one of the text in that order.
    let (ordered, pages) = if cfg.columns && cfg.runs(Stage::Rejoin) {
        columns::reorder(input)
    } else {
        (std::borrow::Cow::Borrowed(input), 0)
    };
    if pages > 0 {
        trace.record("rejoin", "columns", 0, || {
            format!("{pages} page(s) read in column order (columns side by side, first rows of columns on one line, or OCR rows across columns)")
        });
    }
    let mut doc = Document::parse(&ordered);
    for stage in Stage::ALL {
        if !cfg.runs(stage) {
            continue;
        }
        match stage {
            Stage::Normalize => stages::normalize::run(&mut doc, cfg, &mut trace),
            Stage::Despace => stages::despace::run(&mut doc, cfg, &mut trace),
            Stage::Rejoin => stages::rejoin::run(&mut doc, cfg, &mut trace),
            Stage::Articles => stages::articles::run(&mut doc, cfg, &mut trace),
        }
    }
    let text = render::render(
        &doc,
        cfg.format,
        &ordered,
        source,
        &trace.counts,
        &trace.decisions,
    );
    (text, trace, doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str =
        "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n\n";

    #[test]
    fn extra_passes_stop_at_a_fixed_point_or_a_cycle() {
        // Passes that shorten the text settle where it stops changing.
        let (t, passes, cycle) = settle("aaa".to_string(), |t| {
            t.get(1..)
                .filter(|r| !r.is_empty())
                .unwrap_or(t)
                .to_string()
        });
        assert_eq!((t.as_str(), passes, cycle), ("a", 2, false));
        // Passes that alternate stop at the second text, not after the
        // last pass allowed.
        let mut calls = 0;
        let (t, passes, cycle) = settle("a".to_string(), |t| {
            calls += 1;
            if t == "a" { "b" } else { "a" }.to_string()
        });
        assert_eq!((t.as_str(), passes, cycle, calls), ("b", 1, true, 2));
    }

    #[test]
    fn short_paragraphs_stay_apart_through_the_extra_passes() {
        // The first pass writes one paragraph a line; the next must not
        // join them as if they were a column's lines.
        let out = clean("今天天气很好。\n\n明天也很好。\n", &Config::default()).text;
        assert_eq!(out, "今天天气很好。\n明天也很好。\n");
    }

    #[test]
    fn output_handed_over_in_pieces_is_the_output() {
        // Cleaned in pieces (small pieces here) or whole, the text handed
        // to the sink is the text returned.
        for chunk_bytes in [2000, 0] {
            let cfg = Config {
                chunk_bytes,
                ..Config::default()
            };
            let text = PARA.repeat(200);
            let whole = clean_source(&text, &cfg, None).text;
            let mut parts = Vec::new();
            let out = clean_source_into(&text, &cfg, None, &mut |s| parts.push(s.to_string()));
            assert!(out.text.is_empty());
            assert_eq!(parts.concat(), whole);
            assert_eq!(parts.len() > 1, chunk_bytes > 0, "{}", parts.len());
        }
    }

    #[test]
    fn pieces_cover_the_input_and_end_at_good_places() {
        let text = PARA.repeat(200);
        let bounds: Vec<_> = chunk_bounds(&text, 2000)
            .into_iter()
            .map(|p| p.range)
            .collect();
        assert!(bounds.len() > 5, "{bounds:?}");
        assert_eq!(bounds[0].start, 0);
        assert_eq!(bounds.last().unwrap().end, text.len());
        for w in bounds.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        // Every cut follows a blank line after a finished sentence.
        for r in &bounds[..bounds.len() - 1] {
            assert!(
                text[..r.end].ends_with("。\n\n"),
                "{:?}",
                &text[r.end - 9..r.end]
            );
        }
        // A page break wins over a blank line nearer the target.
        let paged = format!("{}\x0c{}", PARA.repeat(8), PARA.repeat(20));
        let cut = chunk_bounds(&paged, PARA.len() * 10)[0].range.end;
        assert_eq!(&paged[cut - 1..cut], "\x0c");
        // No line end, no sentence end: one piece.
        let line = "长".repeat(5000);
        assert_eq!(chunk_bounds(&line, 1000).len(), 1);
        // A line longer than a piece is cut after its sentences.
        let line = "长江大桥今天通车。".repeat(500);
        let pieces = chunk_bounds(&line, 1000);
        assert!(pieces.len() > 5);
        assert!(
            pieces[..pieces.len() - 1]
                .iter()
                .all(|p| p.in_line && line[..p.range.end].ends_with('。'))
        );
        // Short input: one piece.
        assert_eq!(chunk_bounds(PARA, 1000).len(), 1);
    }

    #[test]
    fn pieces_clean_like_the_whole() {
        // Paragraphs end with a short line; no blank lines.
        let ends = [
            "纷纷前来参观。",
            "前来参观。",
            "纷纷前来参观大桥。",
            "参观。",
        ];
        let mut text = String::new();
        for i in 0..300 {
            text.push_str("大桥全长三千米，历时四年建成，今天正式通车，市民\n");
            text.push_str("不顾雨天，专程赶来的市民和游客络绎不绝，场面热\n");
            text.push_str(ends[i % ends.len()]);
            text.push('\n');
        }
        text.push_str("“网红打卡点”。\n");
        let whole = clean(
            &text,
            &Config {
                chunk_bytes: 0,
                ..Config::default()
            },
        );
        let cfg = Config {
            chunk_bytes: 3000,
            explain: true,
            ..Config::default()
        };
        let pieces = clean(&text, &cfg);
        assert_eq!(whole.text.lines().count(), 301);
        assert!(pieces.text == whole.text, "pieces differ from the whole");
        // Decisions name lines of the whole input.
        let last = text.lines().count();
        let d = pieces
            .decisions
            .iter()
            .rev()
            .find(|d| d.stage == "rejoin" && d.line > 0)
            .expect("a rejoin decision");
        assert_eq!(d.line, last);
        // Counts add up over the pieces.
        assert_eq!(
            pieces.counts.get("rejoin", "continues"),
            whole.counts.get("rejoin", "continues")
        );
    }

    #[test]
    fn a_huge_line_cleans_like_the_whole() {
        let cjk = "长 江 大 桥 今 天 通 车 ，市 民 纷 纷 前 来 参 观 。".repeat(400);
        let latin = "The bridge opened to traffic today. ".repeat(400);
        for line in [cjk, latin] {
            let text = format!("{line}\n");
            let whole = clean(
                &text,
                &Config {
                    chunk_bytes: 0,
                    ..Config::default()
                },
            );
            let pieces = clean(
                &text,
                &Config {
                    chunk_bytes: 2000,
                    ..Config::default()
                },
            );
            assert_eq!(whole.text.lines().count(), 1);
            assert!(pieces.text == whole.text, "pieces differ from the whole");
        }
    }

    #[test]
    fn pieces_clean_alike_on_any_number_of_threads() {
        let text = format!(
            "{}\x0c{}",
            PARA.repeat(150),
            "长 江 大 桥 今 天 通 车 。\n".repeat(300)
        );
        let cfg = Config {
            chunk_bytes: 1500,
            explain: true,
            ..Config::default()
        };
        let on = |n: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .unwrap()
                .install(|| clean(&text, &cfg))
        };
        let (one, four) = (on(1), on(4));
        assert!(one.text == four.text, "outputs differ");
        assert_eq!(one.decisions.len(), four.decisions.len());
        assert!(
            one.decisions
                .iter()
                .zip(&four.decisions)
                .all(|(a, b)| a.line == b.line && a.rule == b.rule)
        );
        assert_eq!(one.counts, four.counts);
    }

    #[test]
    fn line_ends_counted_like_the_parser() {
        assert_eq!(count_line_ends("a\r\nb\rc\nd"), 3);
        assert_eq!(count_line_ends(""), 0);
    }
}
