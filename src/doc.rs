//! The document model: pages → lines → units, with evidence measured once.
//!
//! The evidence that decides a join is in the raw layout: a line whose
//! characters are spread by spaces was stretched to the full column width, so
//! it does not end a paragraph even when it ends with `。`. Once `despace` has
//! removed those spaces the evidence is gone, so it is measured here, at parse
//! time, on the raw text, and kept on the line for every later stage.
//!
//! Blank lines are not lines of the model: each line counts the blank lines
//! before it (`blanks_before`), and page breaks (form feeds) give the page
//! number. After `rejoin` the document also has [`Unit`]s: paragraphs,
//! titles, captions, each one output line.

use crate::chars::{self, Class};
use std::ops::Range;

/// What was measured on a raw line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Display width of the line without its leading and trailing white
    /// space (CJK 2 columns, ASCII 1; inner spaces count: they took room).
    pub width: usize,
    /// Gaps between two neighbouring non-space CJK characters (ideographs and
    /// CJK punctuation), whether or not white space stands in them.
    pub cjk_gaps: usize,
    /// How many of those gaps hold white space.
    pub spaced_gaps: usize,
    /// White space between an ideograph and closing CJK punctuation
    /// (`平稳 。`): a typesetter never writes it, justification does. (After
    /// a closing quote, `” 。`, it may be the quote's advance in a font that
    /// sets it narrow.)
    pub space_before_punct: usize,
    /// Display width of the leading white space (U+3000 counts 2).
    pub indent: usize,
    /// Class of the first non-space character.
    pub first: Class,
    /// Class of the last non-space character.
    pub last: Class,
    /// The line ends with a soft hyphen (U+00AD): a break hyphen.
    pub soft_hyphen_end: bool,
    /// Number of characters other than white space.
    pub chars: usize,
    /// Display width without the inner white space: the width a stretched
    /// line would have had unspread.
    pub ink_width: usize,
    /// Width of the non-space characters in half columns: an ideograph 4,
    /// CJK punctuation 3 (it is often squeezed), a Latin letter or digit 2,
    /// narrow punctuation (`.,:;'!|`) 1.
    pub ink_hw: usize,
    /// White-space runs between two non-CJK characters (Latin word spaces).
    pub word_spaces: usize,
    /// White-space runs next to a CJK character (justification or
    /// autospace).
    pub cjk_spaces: usize,
    /// The first and the last non-space character are full-width letters
    /// or digits (`Ｗｉｅｎ`): CJK typesetting sets them a cell each, and a
    /// line may break inside such a word.
    pub wide_ends: (bool, bool),
}

impl Evidence {
    /// Measure a raw line.
    pub fn measure(raw: &str) -> Evidence {
        let mut ev = Evidence {
            width: 0,
            cjk_gaps: 0,
            spaced_gaps: 0,
            space_before_punct: 0,
            indent: 0,
            first: Class::Space,
            last: Class::Space,
            soft_hyphen_end: false,
            chars: 0,
            ink_width: 0,
            ink_hw: 0,
            word_spaces: 0,
            cjk_spaces: 0,
            wide_ends: (false, false),
        };
        let body = raw.trim_start_matches(|c: char| chars::is_hspace(c) || c == '\u{FEFF}');
        for c in raw[..raw.len() - body.len()].chars() {
            ev.indent += match c {
                '\t' => 4,
                '\u{3000}' => 2,
                '\u{FEFF}' => 0,
                _ => 1,
            };
        }
        let body = body.trim_end_matches(chars::is_hspace);
        let mut prev: Option<Class> = None;
        let mut spaced = false;
        for c in body.chars() {
            // Most characters of Chinese text: the main Han block, decided
            // here at once.
            let (cl, w) = if matches!(c, '\u{4E00}'..='\u{9FFF}') {
                (Class::Han, 2)
            } else {
                if chars::is_hspace(c) {
                    ev.width += 1;
                    spaced = true;
                    continue;
                }
                if c == '\u{AD}' {
                    ev.width += chars::char_width(c);
                    continue;
                }
                (chars::class(c), chars::char_width(c))
            };
            ev.width += w;
            ev.chars += 1;
            ev.ink_width += w;
            ev.ink_hw += if matches!(c, '.' | ',' | ':' | ';' | '\'' | '!' | '|') {
                1
            } else if matches!(cl, Class::CjkOpen | Class::CjkClose) {
                // Typesetters squeeze CJK punctuation (often to half an em).
                3
            } else {
                2 * w
            };
            if ev.first == Class::Space {
                ev.first = cl;
            }
            if spaced {
                if prev.is_some_and(|p| !p.is_cjk()) && !cl.is_cjk() {
                    ev.word_spaces += 1;
                } else {
                    ev.cjk_spaces += 1;
                }
            }
            if let Some(p) = prev {
                if p.is_cjk() && cl.is_cjk() {
                    ev.cjk_gaps += 1;
                    if spaced {
                        ev.spaced_gaps += 1;
                    }
                }
                if spaced && cl == Class::CjkClose && p == Class::Han {
                    ev.space_before_punct += 1;
                }
            }
            prev = Some(cl);
            spaced = false;
        }
        ev.last = prev.unwrap_or(Class::Space);
        // (mutool prints a soft hyphen where the line broke as a spaced
        // U+2010, having turned the word's other soft hyphens into spaces:
        // `For a com ‐` / `plete de scrip tion`; PyMuPDF keeps the soft
        // hyphen before it: `an\u{AD}‐` / `nounced`.)
        ev.soft_hyphen_end = body.ends_with('\u{AD}')
            || body
                .strip_suffix('\u{2010}')
                .is_some_and(|b| b.ends_with(|c| chars::is_hspace(c) || c == '\u{AD}'));
        let wide = |c: Option<char>| {
            c.is_some_and(|c| matches!(c, '\u{FF10}'..='\u{FF5A}') && c.is_alphanumeric())
        };
        ev.wide_ends = (wide(body.chars().next()), wide(body.chars().next_back()));
        ev
    }

    /// The width the line takes on the page, in half columns (an ideograph
    /// is 4, a Latin letter 2): Latin word spaces count a column, autospace
    /// next to CJK (a quarter em) half a column, justification spaces on a
    /// stretched line nothing (the line was narrower before it was spread).
    pub fn layout_hw(&self) -> usize {
        2 * self.ink_width
            + 2 * self.word_spaces
            + if self.stretched() { 0 } else { self.cjk_spaces }
    }

    /// The line was stretched to the column width by spreading its
    /// characters: most CJK gaps hold a space, or a space stands before
    /// closing punctuation.
    pub fn stretched(&self) -> bool {
        (self.cjk_gaps >= 3 && self.spaced_gaps * 2 >= self.cjk_gaps)
            || (self.space_before_punct > 0 && self.spaced_gaps >= 1)
    }
}

/// One non-blank line of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line's current text (changed by the character stages).
    pub text: String,
    /// Its 1-based line number in the input.
    pub no: usize,
    /// Byte range of the raw line in the input (without line terminator).
    pub span: Range<usize>,
    /// 0-based page (pages are separated by form feeds).
    pub page: usize,
    /// Blank lines between this line and the previous one.
    pub blanks_before: usize,
    /// The block (run of lines between blank lines or page breaks) the
    /// line belongs to, counted from 0.
    pub block: usize,
    /// What was measured on the raw line.
    pub ev: Evidence,
}

/// The role of a unit (one output line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// An article's headline.
    Title,
    /// A kicker or subtitle next to the title.
    Subtitle,
    /// A section head inside an article.
    Heading,
    /// A dateline or lead (`本报北京12月31日讯`, `BEIJING, April 28 (Xinhua) --`).
    Dateline,
    /// A body paragraph.
    Body,
    /// A closing attribution (`（肖湘 袁利平）`).
    Attribution,
    /// A photo caption with its credit.
    Caption,
}

impl Role {
    /// Stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Subtitle => "subtitle",
            Role::Heading => "heading",
            Role::Dateline => "dateline",
            Role::Body => "body",
            Role::Attribution => "attribution",
            Role::Caption => "caption",
        }
    }
}

/// One output line: a paragraph, title, caption …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The unit's text, on one line.
    pub text: String,
    /// The model lines it was made of (indices into [`Document::lines`]).
    pub lines: Vec<usize>,
    /// What it is.
    pub role: Role,
    /// It starts an article (a blank line goes before it).
    pub article_start: bool,
}

/// A parsed document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The non-blank lines, in input order.
    pub lines: Vec<Line>,
    /// Units, once `rejoin` (or `articles`) has made them; empty before.
    pub units: Vec<Unit>,
    /// Whether units exist (an empty input has none and yet is structured).
    pub structured: bool,
    /// The input was paragraphed already (one unit per line, articles
    /// separated by blank lines, as ocrclean writes it): nothing to move.
    pub paragraphed: bool,
    /// Spaces between CJK and letters are the document's convention: rejoin
    /// puts one where it joins a CJK line end to a Latin line start.
    pub keep_cjk_letter_space: bool,
    /// The same for digits.
    pub keep_cjk_digit_space: bool,
}

impl Document {
    /// Parse text into lines. Line breaks are LF, CRLF or a lone CR; a form
    /// feed starts a new page (it may stand anywhere in a line, as pdftotext
    /// puts it at the start of the next page's first line).
    pub fn parse(input: &str) -> Document {
        let mut lines: Vec<Line> = Vec::new();
        let mut page = 0;
        let mut blanks = 0;
        let mut no = 1;
        let bytes = input.as_bytes();
        let mut start = 0;
        let mut i = 0;
        let mut push = |s: usize, e: usize, no: usize, page: usize, blanks: &mut usize| {
            let raw = &input[s..e];
            if raw
                .trim_matches(|c: char| chars::is_hspace(c) || c == '\u{FEFF}')
                .is_empty()
            {
                *blanks += 1;
                return;
            }
            let blanks_before = std::mem::take(blanks);
            let block = match lines.last() {
                Some(prev) if prev.page == page && blanks_before == 0 => prev.block,
                Some(prev) => prev.block + 1,
                None => 0,
            };
            lines.push(Line {
                text: raw.to_string(),
                no,
                span: s..e,
                page,
                blanks_before,
                block,
                ev: Evidence::measure(raw),
            });
        };
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'\r' => {
                    push(start, i, no, page, &mut blanks);
                    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    no += 1;
                    i += 1;
                    start = i;
                }
                b'\x0c' => {
                    if input[start..i].trim().is_empty() {
                        // nothing before the form feed on this line
                    } else {
                        push(start, i, no, page, &mut blanks);
                    }
                    page += 1;
                    blanks = 0;
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        if start < bytes.len() {
            push(start, bytes.len(), no, page, &mut blanks);
        }
        // The lines stay while every stage runs: without the room the
        // vector grew into (up to as much again).
        lines.shrink_to_fit();
        Document {
            lines,
            ..Document::default()
        }
    }

    /// Make one unit of every line, if no stage has made units yet (when
    /// `articles` runs without `rejoin`).
    pub fn ensure_units(&mut self) {
        if self.structured {
            return;
        }
        self.units = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| Unit {
                text: l.text.trim().to_string(),
                lines: vec![i],
                role: Role::Body,
                article_start: i == 0 || l.blanks_before > 1 || l.page != self.lines[i - 1].page,
            })
            .collect();
        self.structured = true;
    }

    /// Render the lines as they stand: blank lines and page breaks as in the
    /// input, trailing spaces removed, one final newline.
    pub fn render_lines(&self) -> String {
        let mut out = String::with_capacity(self.lines.iter().map(|l| l.text.len() + 2).sum());
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                if l.page != self.lines[i - 1].page {
                    out.push('\x0c');
                }
                for _ in 0..l.blanks_before {
                    out.push('\n');
                }
            }
            out.push_str(l.text.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_lines_pages_blanks() {
        let d = Document::parse("a\r\n\r\n b\rc\x0cd\n\n");
        let texts: Vec<_> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", " b", "c", "d"]);
        assert_eq!(d.lines[1].blanks_before, 1);
        assert_eq!(d.lines[1].no, 3);
        assert_eq!(d.lines[3].page, 1);
        assert_eq!(d.lines[1].span, 5..7);
        assert_eq!(d.lines[1].ev.indent, 1);
        let blocks: Vec<_> = d.lines.iter().map(|l| l.block).collect();
        assert_eq!(blocks, [0, 1, 1, 2]);
    }

    #[test]
    fn evidence_of_stretched_lines() {
        let s = Evidence::measure("并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影");
        assert!(s.stretched());
        let n = Evidence::measure("浏阳市工信局以高度的责任感和使命感");
        assert!(!n.stretched());
        assert_eq!(n.width, 34);
        let p = Evidence::measure("2022 年 2 月中旬 ，疫情处于平稳 。");
        assert!(p.stretched());
        let byline = Evidence::measure("李寒露 通讯员 田薇 吴宗乔）“官商勾连，");
        assert!(!byline.stretched());
        // A space between a closing quote and a full stop is the quote's
        // advance in some fonts, no spreading.
        let q = Evidence::measure("国风景名胜区先进 个人” 。");
        assert!(!q.stretched());
        assert_eq!(Evidence::measure("\u{3000}\u{3000}正文").indent, 4);
    }
}
