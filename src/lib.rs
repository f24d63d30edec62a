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
pub mod config;
pub mod diff;
pub mod doc;
pub mod encoding;
pub mod explain;
pub mod render;
pub mod score;
pub mod stages;
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
pub fn clean_source(input: &str, cfg: &Config, source: Option<&str>) -> Cleaned {
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
        for _ in 0..FIXPOINT_PASSES {
            let (again, _, _) = clean_once(&text, &quiet, source);
            if again == text {
                break;
            }
            trace.record("rejoin", "fixpoint-pass", 0, || {
                "the output changed on another pass: the output is that pass's".to_string()
            });
            text = again;
        }
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

/// One pass of the pipeline: the rendered text, the trace, the model.
fn clean_once(input: &str, cfg: &Config, source: Option<&str>) -> (String, Trace, Document) {
    let mut doc = Document::parse(input);
    // jsonl reports what each stage changed per article: it needs the lines.
    let mut trace = Trace::new(cfg.explain || cfg.format == Format::Jsonl);
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
        input,
        source,
        &trace.counts,
        &trace.decisions,
    );
    (text, trace, doc)
}
