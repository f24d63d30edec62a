//! Configuration: a value passed in, never a global.

use std::fmt;
use std::str::FromStr;

/// The stages of the pipeline, in their fixed order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Character repairs.
    Normalize,
    /// Layout spaces out, meaningful spaces kept.
    Despace,
    /// Lines back into paragraphs.
    Rejoin,
    /// Article boundaries, roles and displaced headlines.
    Articles,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 4] = [
        Stage::Normalize,
        Stage::Despace,
        Stage::Rejoin,
        Stage::Articles,
    ];

    /// The stage's stable name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Normalize => "normalize",
            Stage::Despace => "despace",
            Stage::Rejoin => "rejoin",
            Stage::Articles => "articles",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Stage {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Stage::ALL
            .into_iter()
            .find(|st| st.name() == s)
            .ok_or_else(|| format!("unknown stage `{s}` (normalize, despace, rejoin, articles)"))
    }
}

/// The character folds of the normalize stage, each switchable by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fold {
    /// Kangxi and supplement radicals to unified ideographs.
    Radicals,
    /// Full-width letters and digits to ASCII.
    FullwidthAscii,
    /// Half-width punctuation between CJK to full-width.
    CjkPunct,
    /// OCR's readings of the digit 1 in dates (`1月工日`, `]月1日`,
    /// `12月3工日`) and centuries (`2工世纪`), and of a dash between
    /// numbers as `一` (`6一7级`).
    OcrDigits,
    /// OCR's specks read as underscores at a word's edge (`a_ block`,
    /// `_losslessly`) or as a token of their own between words (`new _
    /// block`).
    OcrUnderscores,
    /// OCR's space after the apostrophe of a contraction (`You’ ve`,
    /// `don’ t`, `it’ s`), and `Il` read for its `ll` (`we’ Il`).
    OcrApostrophes,
    /// Two- and three-em dashes to em dashes, U+2010/U+2011 hyphens to `-`,
    /// the horizontal bar (U+2015) to an em dash unless it opens a
    /// quotation (at a line start or after a space, before a letter), and
    /// the division slash (U+2215) to a slash where no letter stands beside
    /// it.
    Dashes,
    /// Latin ligatures to letters.
    Ligatures,
    /// Soft hyphens, zero-width spaces, word joiners, BOM.
    Invisible,
    /// NBSP, U+3000 and other space characters to a plain space.
    Spaces,
    /// C0/C1 control characters.
    Controls,
    /// Unicode canonical composition (NFC).
    Nfc,
}

impl Fold {
    /// Every fold, in the order they are applied.
    pub const ALL: [Fold; 12] = [
        Fold::Controls,
        Fold::Invisible,
        Fold::Spaces,
        Fold::Radicals,
        Fold::FullwidthAscii,
        Fold::OcrDigits,
        Fold::OcrUnderscores,
        Fold::OcrApostrophes,
        Fold::CjkPunct,
        Fold::Dashes,
        Fold::Ligatures,
        Fold::Nfc,
    ];

    /// The fold's stable name, as `--no-fold` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Fold::Radicals => "radicals",
            Fold::FullwidthAscii => "fullwidth-ascii",
            Fold::CjkPunct => "cjk-punct",
            Fold::OcrDigits => "ocr-digits",
            Fold::OcrUnderscores => "ocr-underscores",
            Fold::OcrApostrophes => "ocr-apostrophes",
            Fold::Dashes => "dashes",
            Fold::Ligatures => "ligatures",
            Fold::Invisible => "invisible",
            Fold::Spaces => "spaces",
            Fold::Controls => "controls",
            Fold::Nfc => "nfc",
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl FromStr for Fold {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Fold::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Fold::ALL.iter().map(|f| f.name()).collect();
                format!("unknown fold `{s}` ({})", names.join(", "))
            })
    }
}

/// A set of folds; all on by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folds(u16);

impl Default for Folds {
    fn default() -> Self {
        Folds(Fold::ALL.iter().fold(0, |acc, f| acc | f.bit()))
    }
}

impl Folds {
    /// No fold at all.
    pub fn none() -> Self {
        Folds(0)
    }
    /// Is `fold` on?
    pub fn has(self, fold: Fold) -> bool {
        self.0 & fold.bit() != 0
    }
    /// This set without `fold`.
    pub fn without(self, fold: Fold) -> Self {
        Folds(self.0 & !fold.bit())
    }
    /// This set with `fold`.
    pub fn with(self, fold: Fold) -> Self {
        Folds(self.0 | fold.bit())
    }
}

/// Whether spaces between CJK and digits or Latin are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CjkLatinSpace {
    /// Remove them (newspaper convention).
    Remove,
    /// Keep the ones the input has.
    Keep,
    /// Measure the document's convention and follow it (putting back the
    /// spaces an extractor lost in a technical text that has them).
    #[default]
    Auto,
}

impl FromStr for CjkLatinSpace {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "remove" => Ok(Self::Remove),
            "keep" => Ok(Self::Keep),
            "auto" => Ok(Self::Auto),
            _ => Err(format!("unknown convention `{s}` (remove, keep, auto)")),
        }
    }
}

/// How Latin words hyphenated at a line end are joined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dehyphenate {
    /// Never remove a hyphen: `docu-` + `ment` gives `docu-ment`.
    None,
    /// Remove break hyphens only when the evidence says so.
    #[default]
    Safe,
    /// Remove every line-end hyphen between two lower-case letters.
    All,
}

impl FromStr for Dehyphenate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "none" => Ok(Self::None),
            "safe" => Ok(Self::Safe),
            "all" => Ok(Self::All),
            _ => Err(format!("unknown dehyphenation `{s}` (none, safe, all)")),
        }
    }
}

/// Output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One unit per line, a blank line between articles.
    #[default]
    Text,
    /// `# title`, paragraphs, `---` between articles.
    Markdown,
    /// One JSON object per article.
    Jsonl,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Self::Text),
            "markdown" | "md" => Ok(Self::Markdown),
            "jsonl" => Ok(Self::Jsonl),
            _ => Err(format!("unknown format `{s}` (text, markdown, jsonl)")),
        }
    }
}

/// Everything that steers a cleaning run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Stages not to run.
    pub skip: Vec<Stage>,
    /// Stop after this stage and render the model as it stands.
    pub stop_after: Option<Stage>,
    /// Keep every decision for `--explain`.
    pub explain: bool,
    /// Which character folds run.
    pub folds: Folds,
    /// CJK–Latin spacing convention.
    pub cjk_latin_space: CjkLatinSpace,
    /// Latin dehyphenation.
    pub dehyphenate: Dehyphenate,
    /// Output format.
    pub format: Format,
    /// One pass only: faster, but the text output may change when it is
    /// cleaned again (see [`crate::clean_source`]).
    pub single_pass: bool,
    /// Read columns printed side by side on a page (layout-preserving
    /// extraction, `pdftotext -layout`) one after the other before the
    /// stages run (see [`crate::columns`]), and put back an attribution
    /// printed inside the next column's dateline; part of `rejoin`.
    pub columns: bool,
    /// Text output of inputs longer than this many bytes is cleaned in
    /// pieces of about this size, split at page breaks or blank lines
    /// (see [`crate::clean_source`]); 0 cleans every input whole.
    pub chunk_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            skip: Vec::new(),
            stop_after: None,
            explain: false,
            folds: Folds::default(),
            cjk_latin_space: CjkLatinSpace::Auto,
            dehyphenate: Dehyphenate::Safe,
            format: Format::Text,
            single_pass: false,
            columns: true,
            chunk_bytes: crate::CHUNK_BYTES,
        }
    }
}

impl Config {
    /// Does `stage` run under this configuration?
    pub fn runs(&self, stage: Stage) -> bool {
        !self.skip.contains(&stage) && self.stop_after.is_none_or(|last| stage <= last)
    }
}
