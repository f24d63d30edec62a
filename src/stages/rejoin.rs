//! Stage `rejoin`: lines back into paragraphs.
//!
//! Extractors print every line of a column as its own line, often with a
//! blank line between every two. This stage decides, for every two
//! neighbouring lines, whether they belong to one unit (joined: CJK with
//! nothing, Latin with a space) or whether a new unit starts. Each decision
//! is a named rule with its evidence:
//!
//! - the local column width, estimated in display width from the lines
//!   around (a page carries several);
//! - whether a line is full: the next line's first word would not have fit;
//! - stretched lines (evidence from the raw line) are full by definition;
//! - a short line that ends a sentence ends a paragraph; a line about two em
//!   short of the column after a full sentence end starts one (its indent
//!   was dropped);
//! - consecutive short lines without sentence ends form a headline block,
//!   and a run of one-character lines a vertical headline;
//! - page numbers and running heads are dropped; a paragraph is joined across
//!   a page break only when the page's last line is full.
//!
//! Latin words hyphenated at a line end are joined by [`Dehyphenate`] rules.

use crate::chars::{self, Class};
use crate::config::{Config, Dehyphenate};
use crate::doc::{Document, Line, Role, Unit};
use crate::explain::{Trace, clip, clip_end};
use crate::stages::articles;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

const STAGE: &str = "rejoin";

/// Lines around a line that its column width is measured on.
const WINDOW: usize = 8;

/// Datelines that open an article's first paragraph.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:本报|本報|本刊|新华社|中新社|新華社|中央社|[\p{Han}]{2,6}(?:日报|日報|晚报|晚報|时报|時報|报|報|社|网|網|台))[^，。！？]{0,16}?(?:[\dOoIl工〇○]{1,2}\s*月\s*)?[\dOoIl工〇○]{1,2}\s*日\s*(?:讯|訊|电|電)|^[【\[]?(?:本报|本報)(?:讯|訊)|^[【\[〔][\p{Han}]{1,8}(?:专讯|專訊|讯|訊|电|電)[】\]〕]|^[（(][\p{Han}]{1,6}社(?:記者|记者)[^，。！？）)]{1,20}?\d{1,2}\s*日\s*(?:電|电)[）)]|^[（(〔【\[]?(?:记者|記者)[\p{Han}、‧·]{2,14}\s*[／/]\s*[\p{Han}]{2,8}(?:报导|報導|报道|報道)|^[据據][\p{Han}]{1,8}[报報](?:报道|報道)[，,]|^[A-Z][A-Z .'-]{2,30}(?:, [A-Z][a-z]+\.? \d{1,2})? \([A-Za-z ]+\) *(?:--|—|–|-) +[A-Z“\x22]",
    )
    .expect("dateline regex")
});

/// A Latin byline on a line of its own: `By JANE DOE`, `By John Smith and
/// Mary Jones`.
static LATIN_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}";
    Regex::new(&format!(
        r"^(?:By|BY) {name}(?:(?:,| and| &) {name}){{0,3}}$"
    ))
    .expect("Latin byline regex")
});

/// Is this text a Latin byline? (A line without `By ` at its start, the
/// most, is turned away before the regex.)
pub(crate) fn is_latin_byline(t: &str) -> bool {
    (t.starts_with("By ") || t.starts_with("BY ")) && t.len() <= 120 && LATIN_BYLINE.is_match(t)
}

/// The number that opens a numbered part of a text: `第四十三条`, `第七章`,
/// `第二節`, `三、`, `12、`, `（一）`, `(2)`, or a bullet (`●`). After a
/// finished sentence, or a colon that announces the list, it starts a
/// paragraph (laws, rules, lists).
static NUMBERED_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第[〇零一二三四五六七八九十百千两兩\d]{1,6}[章条條节節编編款]|[一二三四五六七八九十]{1,3}、|\d{1,2}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|[●■◆▲★])")
        .expect("numbered part regex")
});

/// An enumerated item of Latin text at a line's start: `(c) `, `b) `,
/// `(iv) `, `(2) `, `3. ` or `1.13. `, and the spaces after it.
static LATIN_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.) +")
        .expect("Latin item regex")
});

/// The bullet that opens a list item at the start of `t`: a bullet sign,
/// or a dash or an asterisk with a space after it (`-5°C` is a number).
/// Not a row of such marks or a line between two (`* * *`, a box drawn
/// with asterisks: `* Covered Software is … *`).
fn bullet(t: &str) -> Option<char> {
    let mut it = t.chars();
    let c = it.next()?;
    let mark = match c {
        '•' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '◆' | '◇' | '▶' | '►' => {
            c
        }
        '-' | '*' | '–' | '+' if it.clone().next().is_some_and(char::is_whitespace) => c,
        _ => return None,
    };
    let rest = it.as_str().trim();
    (!rest.is_empty() && !rest.starts_with(mark) && !rest.ends_with(mark)).then_some(mark)
}

/// How a list numbers its items: the number's script and the marks
/// around it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Numbering {
    /// `1.`, `1．` (not `2.5`).
    Dot,
    /// `1、`, `一、`.
    Comma { han: bool },
    /// `(1)`, `（一）`.
    Parens { han: bool },
    /// `1)`, `a)`.
    Close { letter: bool },
    /// `(a)`.
    ParenLetter,
    /// `[1]`, `［2］` (a list of references).
    Brackets,
    /// `①`, `⑴`, `⒈`.
    Circled,
}

/// The value of a Chinese numeral from one to ninety-nine (`七`, `十二`,
/// `三十`, `四十五`).
fn han_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i as u32 + 1)
    };
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// The numbering and number of the list item that opens `t`: `1.`, `2、`,
/// `三、`, `（四）`, `(5)`, `6)`, `(b)`, `c)`, `⑦`. A number followed by
/// a digit is none (`2.5亿`).
fn enumerator(t: &str) -> Option<(Numbering, u32)> {
    enumerated(t).map(|(kind, n, _)| (kind, n))
}

/// [`enumerator`], and the text after the item's number and mark.
fn enumerated(t: &str) -> Option<(Numbering, u32, &str)> {
    let c = t.chars().next()?;
    for (first, last) in [('①', '⑳'), ('⑴', '⒇'), ('⒈', '⒛')] {
        if (first..=last).contains(&c) {
            return Some((
                Numbering::Circled,
                c as u32 - first as u32 + 1,
                &t[c.len_utf8()..],
            ));
        }
    }
    let (open, body) = match c {
        '(' | '（' | '[' | '［' => (true, &t[c.len_utf8()..]),
        _ => (false, t),
    };
    let square = matches!(c, '[' | '［');
    let end = body.find(|c: char| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(c))?;
    let (num, rest) = body.split_at(end);
    let mark = rest.chars().next()?;
    let tail = &rest[mark.len_utf8()..];
    let closes = if square {
        matches!(mark, ']' | '］')
    } else {
        matches!(mark, ')' | '）')
    };
    if num.is_empty() {
        if square {
            return None;
        }
        // A letter item: `(a)` or `a)`.
        let letter = rest.chars().next().filter(char::is_ascii_lowercase)?;
        let close = rest[1..].chars().next()?;
        return matches!(close, ')' | '）').then(|| {
            let kind = if open {
                Numbering::ParenLetter
            } else {
                Numbering::Close { letter: true }
            };
            (
                kind,
                letter as u32 - 'a' as u32 + 1,
                &rest[1 + close.len_utf8()..],
            )
        });
    }
    let han = !num.starts_with(|c: char| c.is_ascii_digit());
    let n = if han {
        han_number(num)?
    } else if num.len() <= 2 && num.chars().all(|c| c.is_ascii_digit()) {
        num.parse().ok()?
    } else {
        return None;
    };
    let kind = match (open, mark) {
        (true, _) if closes && square => {
            if han {
                return None;
            }
            Numbering::Brackets
        }
        (true, _) if closes => Numbering::Parens { han },
        (false, ')' | '）') if !han => Numbering::Close { letter: false },
        (false, '、') => Numbering::Comma { han },
        (false, '.' | '．') if !han && !tail.starts_with(|c: char| c.is_ascii_digit()) => {
            Numbering::Dot
        }
        _ => return None,
    };
    Some((kind, n, tail))
}

/// Particles, conjunctions and prepositions that need the noun after
/// them: no headline ends with one.
pub(crate) const NEEDS_NOUN: [char; 13] = [
    '的', '和', '与', '與', '及', '或', '把', '被', '从', '從', '向', '对', '對',
];

/// Particles that attach to the word before them: a line starting with one
/// goes on a word or phrase of the line above (`…建立不同` / `于西药的…`).
pub(crate) const ATTACHES_BEFORE: [char; 11] = [
    '的', '了', '于', '於', '地', '得', '着', '著', '们', '們', '之',
];

/// The note that a photo goes with a headline: `（图片）`, `（附图片4张）`,
/// `(附图片1张)`, at the end of the text.
static PHOTO_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(](?:附)?(?:图片|圖片|照片)(?:[\d一二三四五六七八九十]{1,2}[张張幅])?[）)]\s*$")
        .expect("photo note regex")
});

/// Where the note that a photo goes with the headline starts, if the text
/// ends with one (`新世纪第一天（附图片4张）`).
pub fn photo_note_start(t: &str) -> Option<usize> {
    if !t.trim_end().ends_with(['）', ')']) {
        return None;
    }
    PHOTO_NOTE.find(t).map(|m| m.start())
}

/// A page number set between dashes: a line of its own (`-2-`, `– 12 –`)
/// anywhere on a page, or a word of a page's head or foot (`The "Artistic
/// License" -2- Artistic`). Text has no such line or word.
static DASHED_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–—] ?\d{1,4} ?[-–—]$|(?:^|\s)[-–—]\d{1,4}[-–—](?:\s|$)")
        .expect("dashed page number regex")
});

/// The page number of a text of one page, which has no page breaks to
/// show its edges: `— 3 —`, `第3页`, `第3页 共12页`, `Page 3 of 12`
/// (a number alone, or over another, may be the text's).
static LONE_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-–—] ?\d{1,4} ?[-–—]|第 ?\d{1,4} ?[页頁](?:[ /，,]{0,3}共 ?\d{1,4} ?[页頁])?|(?i:page) \d{1,4}(?: of \d{1,4})?)$")
        .expect("lone page number regex")
});

/// Page numbers: `3`, `— 3 —`, `- 12 -`, `第3版`, `Page 3`, `3 / 12`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*[页頁版]|(?i:page)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$")
        .expect("page number regex")
});

/// A short text wholly in brackets, names or a credit: `（肖湘 袁利平）`,
/// `（新华社记者兰红光摄）`. It closes an article.
pub fn is_bracketed_names(t: &str) -> bool {
    let t = t.trim();
    let Some(inner) = t
        .strip_prefix(['（', '('])
        .and_then(|x| x.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let n = inner.chars().count();
    (2..=30).contains(&n)
        && !inner.contains(['（', '(', '。', '，', '）', ')'])
        && inner.chars().any(|c| chars::class(c) == Class::Han)
}

/// Does `b`, a short line, close the round bracket that line `a` opens
/// and leaves open (`（本报贝尔格莱德1月` / `1日电）`), nothing after it?
fn closes_bracket(a: &str, b: &str) -> bool {
    let open = |t: &str| t.matches(['（', '(']).count();
    let close = |t: &str| t.matches(['）', ')']).count();
    a.starts_with(['（', '('])
        && open(a) == 1
        && close(a) == 0
        && a.chars().count() <= 30
        && b.ends_with(['）', ')'])
        && open(b) == 0
        && close(b) == 1
        && b.chars().count() <= 12
}

/// Is the whole text in round brackets: a note (`（完）`), a byline or an
/// attribution, not a headline?
pub fn in_brackets(t: &str) -> bool {
    t.starts_with(['（', '(']) && t.ends_with(['）', ')'])
}

/// Names an attribution sets in brackets: two to twelve ideographs, spaces
/// and `·` (`肖湘 袁利平`).
fn attribution_names(inner: &str) -> bool {
    (2..=12).contains(&inner.chars().count())
        && inner
            .chars()
            .all(|c| chars::class(c) == Class::Han || c == ' ' || c == '·')
}

/// A line of names in brackets, an attribution of its own: `（肖湘 袁利平）`.
pub fn is_attribution_line(t: &str) -> bool {
    t.trim()
        .strip_prefix(['（', '('])
        .and_then(|x| x.strip_suffix(['）', ')']))
        .is_some_and(attribution_names)
}

/// A paragraph whose last sentence is followed by the article's closing
/// attribution in brackets (`…高处攀登。（红深）`, `…堂。（刘磊 朱桂林）`):
/// names or an agency, no digits, no punctuation.
pub fn ends_with_attribution(t: &str) -> bool {
    let t = t.trim_end();
    let Some(body) = t.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return false;
    };
    let inner = &body[open + body[open..].chars().next().map_or(0, char::len_utf8)..];
    let before = body[..open].chars().next_back();
    let n = inner.chars().count();
    let names = attribution_names(inner);
    before.is_some_and(|c| chars::is_sentence_end(c) || matches!(c, '”' | '」'))
        && (names || (n <= 24 && DATELINE_NOTE.is_match(inner)))
        // A photo credit (`（新华社记者徐显辉摄）`) or a source note
        // (`（本栏均据新华社电）`) stands inside an article.
        && !inner.ends_with(['摄', '攝'])
        && !inner.contains(['据', '據'])
}

/// A dateline set at an article's end, in brackets: `本报西沙1月1日零时电`,
/// `新华社北京12月31日电`.
static DATELINE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{1,12}?[\d〇○一二三四五六七八九十]{1,3}月[\d〇○一二三四五六七八九十]{1,3}日[\p{Han}]{0,4}?(?:电|電|讯|訊)$")
        .expect("dateline note regex")
});

/// Does the text have a dateline's mark in its first 48 characters: its
/// 讯/电 (报道, 報導), or an English agency's `)` and dash. One pass.
fn dateline_mark(text: &str) -> bool {
    let (mut paren, mut dash) = (false, false);
    for c in text.chars().take(48) {
        match c {
            '讯' | '訊' | '电' | '電' | '道' | '導' | '导' => return true,
            ')' => paren = true,
            '-' | '—' | '–' => dash = true,
            _ => {}
        }
    }
    paren && dash
}

/// A line that is only a date (`2000年12月28日`, `二○○一年一月十日`): the
/// date under a signature or a notice, never a headline.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日[）)]?$")
        .expect("date regex")
});

/// The labels a newspaper sets over a column or an item (`编者的话`,
/// `图片新闻`): a line of their own, never part of a headline beside them.
const COLUMN_LABELS: [&str; 34] = [
    "编者的话",
    "编者按",
    "编后",
    "编后语",
    "编后记",
    "短评",
    "图片新闻",
    "新闻图片",
    "今日谈",
    "本报评论员",
    "评论员文章",
    "时评",
    "述评",
    "点评",
    "简讯",
    "快讯",
    "相关链接",
    "新闻链接",
    "新闻背景",
    "背景资料",
    "延伸阅读",
    "編者的話",
    "編者按",
    "編後",
    "編後語",
    "短評",
    "圖片新聞",
    "新聞圖片",
    "時評",
    "述評",
    "點評",
    "簡訊",
    "快訊",
    "相關鏈接",
];

/// Is this line a column label only ([`COLUMN_LABELS`])?
fn is_column_label(t: &str) -> bool {
    let t = t.trim();
    t.len() <= 15 && COLUMN_LABELS.contains(&t)
}

/// Does the text open with a column's label and a colon (`点评：“打假”…`,
/// `编者按：今天是…`): the first line of a paragraph, never a headline's?
fn label_lead(t: &str) -> bool {
    // (The colon comes within a label's length or not at all: most lines
    // leave at their first characters.)
    let t = t.trim_start();
    t.char_indices()
        .take(6)
        .find(|&(_, c)| matches!(c, '：' | ':' | '﹕'))
        .is_some_and(|(i, _)| is_column_label(&t[..i]))
}

/// Is the line a field, a short label, a colon and a value (`From: Alice`,
/// `Subject: Meeting`, `作者：张三`)? A label is one to three capitalised
/// Latin words or two to six ideographs.
fn field_line(t: &str) -> bool {
    let t = t.trim();
    // The colon among the first bytes (`:` or `：`, the first of them; a
    // label takes 36 bytes at the most): most lines have none and leave
    // here.
    let mut end = t.len().min(36);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = &t[..end];
    let (i, len) = match (head.find(':'), head.find('：')) {
        (Some(a), Some(b)) if b < a => (b, 3),
        (Some(a), _) => (a, 1),
        (None, Some(b)) => (b, 3),
        (None, None) => return false,
    };
    let (label, value) = (&t[..i], t[i + len..].trim());
    let han = label.chars().filter(|&c| chars::is_han(c)).count();
    let label_ok = if han > 0 {
        (2..=6).contains(&han) && label.chars().all(chars::is_han)
    } else {
        let mut n = 0;
        label.split(' ').all(|w| {
            n += 1;
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                && (n > 1 || w.starts_with(|c: char| c.is_ascii_uppercase()))
        }) && (1..=3).contains(&n)
    };
    // A value is a name, a date, a phrase: short, no sentence or clause of
    // prose inside it (`证明：中药不科学。中医药…`).
    let inner = value.trim_end_matches(chars::is_sentence_end);
    label_ok
        && !value.is_empty()
        && value.len() <= 180
        && !value.starts_with(['/', '\\'])
        && !inner.contains(['。', '！', '？', '，', '；'])
        && !inner.contains(". ")
}

/// Does the text start with a number the ordinal prefix `第` takes
/// (`（一）`, `十二`, `3`)?
fn starts_with_number(t: &str) -> bool {
    first_char(t)
        .is_some_and(|c| c.is_ascii_digit() || "（(〇○零一二三四五六七八九十百千两".contains(c))
}

/// Is this text only a date?
pub fn is_date_only(t: &str) -> bool {
    // (Most lines leave at their last character, before the regex runs.)
    let t = t.trim();
    t.len() <= 40 && t.ends_with(['日', '）', ')']) && DATE_ONLY.is_match(t)
}

/// Is this text a dateline start (possibly continued on the next line)?
pub fn is_dateline(text: &str) -> bool {
    // Most lines are turned away by the mark before the regex runs.
    dateline_mark(text) && DATELINE.is_match(text)
}

/// Run the stage.
pub fn run(doc: &mut Document, cfg: &Config, trace: &mut Trace) {
    let kept = furniture(doc, trace);
    if paragraphed(doc, &kept) {
        trace.record(STAGE, "one-paragraph-per-line", 0, || {
            "most long lines end a sentence: the text is paragraphed already".to_string()
        });
        prose_units(doc, &kept, cfg.dehyphenate, trace);
        doc.paragraphed = true;
        return;
    }
    let kept = printed_hyphens(doc, kept, cfg.dehyphenate, trace);
    let kept = if cfg.columns {
        let kept = interleaved_attributions(doc, kept, trace);
        inset_headlines(doc, kept, trace)
    } else {
        kept
    };
    let latin_lines: Vec<bool> = kept.iter().map(|&i| latin(&doc.lines[i].text)).collect();
    let word_run = word_runs(doc, &kept, &latin_lines, trace);
    let widths = visual_widths(doc, &kept, &word_run);
    let cols = column_widths(doc, &kept, &widths, &latin_lines);
    let indents_informative = indents_informative(doc, &kept);
    let (blank_separated, blank_sparse) = blank_lines(doc, &kept);
    let hyphens = kept.iter().any(|&i| hyphen_end(&doc.lines[i]));
    let words = if cfg.dehyphenate == Dehyphenate::Safe && hyphens {
        word_counts(doc)
    } else {
        HashMap::new()
    };
    let soft_breaks = hyphens && soft_breaks(doc, &kept);
    // Per line, once: dateline starts (alone, or continued on the next
    // line) and photo credits ending the line.
    let texts: Vec<&str> = kept.iter().map(|&i| doc.lines[i].text.trim()).collect();
    // A dateline's 讯/电 comes early: the heads of the lines (read once)
    // decide whether a line, or a pair of lines, is worth the regex.
    let may_date: Vec<bool> = texts
        .iter()
        .map(|t| {
            t.chars()
                .take(48)
                .any(|c| matches!(c, '讯' | '訊' | '电' | '電' | '道' | '導' | '导' | ')'))
        })
        .collect();
    // (The regex decides; the mark only spares it most lines.)
    let dateline: Vec<bool> = texts
        .iter()
        .zip(&may_date)
        .map(|(t, &m)| m && DATELINE.is_match(t))
        .collect();
    let dateline_on: Vec<bool> = (0..texts.len())
        .map(|k| match texts.get(k + 1) {
            _ if dateline[k] => true,
            // The next line starts a dateline of its own: this line is no
            // part of it (`议和文件` / `本报银川1月1日讯` reads as
            // `议和文件本报…` otherwise).
            _ if dateline.get(k + 1) == Some(&true) => false,
            Some(next) if may_date[k] || may_date[k + 1] => {
                is_dateline(&format!("{}{next}", texts[k]))
            }
            _ => false,
        })
        .collect();
    // Photo credits ending the line, and those that are the whole line.
    let credits: Vec<Option<usize>> = texts
        .iter()
        .map(|t| crate::stages::despace::credit_start_of(t))
        .collect();
    let credit_end: Vec<bool> = credits.iter().map(Option::is_some).collect();
    let credit_only: Vec<bool> = credits.iter().map(|c| *c == Some(0)).collect();
    let caps_to_end = caps_to_sentence_end(doc, &kept, &texts, &latin_lines);
    let ctx = Ctx {
        latin_margin: latin_margin(doc, &kept, &texts, &widths, &cols, &latin_lines),
        latin_line: latin_line(&widths, &latin_lines),
        tabs: texts.iter().any(|t| t.contains('\t')),
        fields: &texts.iter().map(|t| field_line(t)).collect::<Vec<bool>>(),
        texts: &texts,
        dateline: &dateline,
        dateline_on: &dateline_on,
        credit_end: &credit_end,
        credit_only: &credit_only,
        latin: &latin_lines,
        caps_to_end: &caps_to_end,
        run: &word_run,
        doc,
        kept: &kept,
        widths: &widths,
        cols: &cols,
        indents_informative,
        flush_starts: false,
        blank_separated,
        blank_sparse,
        words: &words,
        soft_breaks,
        dehyphenate: cfg.dehyphenate,
        headline: &[],
        block_head: &[],
        heading: &[],
    };
    // Per line, once: could it be a headline, does it start a block headline.
    // Every use of it also asks for a line clearly short of the column or
    // wider than it: the text is only read for those.
    let headline: Vec<bool> = (0..kept.len())
        .map(|k| {
            word_run[k] == Run::No
                && (ctx.clearly_short(k, widths[k])
                    || ctx.wider_than_column(k)
                    || ctx.latin_full_heading(k))
                && !ctx.indented_first_line(k)
                && ctx.headline_text(k)
        })
        .collect();
    let ctx = Ctx {
        flush_starts: ctx.flush_starts(),
        ..ctx
    };
    let ctx = Ctx {
        headline: &headline,
        ..ctx
    };
    let block_head: Vec<bool> = (0..kept.len()).map(|k| ctx.block_headline(k)).collect();
    let ctx = Ctx {
        block_head: &block_head,
        ..ctx
    };
    let heading: Vec<bool> = (0..kept.len())
        .map(|k| ctx.compute_heading_start(k))
        .collect();
    let ctx = Ctx {
        heading: &heading,
        ..ctx
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut heading_block = false;
    for (k, &i) in kept.iter().enumerate() {
        let line = &doc.lines[i];
        let text = ctx.text(k);
        if k == 0 {
            let mut u = new_unit(text, i);
            heading_block = ctx.heading_start(k);
            if heading_block {
                u.role = Role::Heading;
            }
            units.push(u);
            continue;
        }
        let unit = units.last_mut().expect("a unit exists");
        match ctx.decide(k, heading_block, unit) {
            Decision::Join(rule, sep) => {
                trace.record(STAGE, rule, line.no, || ctx.evidence(k));
                join_into(unit, sep, text);
                unit.lines.push(i);
                // A paragraph in capitals is no heading, however it began.
                if rule == "caps-paragraph" {
                    heading_block = false;
                }
                if unit.role == Role::Heading && !heading_block {
                    unit.role = Role::Body;
                }
            }
            Decision::Break(rule) => {
                trace.record(STAGE, rule, line.no, || ctx.evidence(k));
                // A title-case heading of several lines that no single line
                // showed (`Maintenance and` / `Updates: The APT Tools`).
                // So is a line of its own, in any case, clearly short of
                // the column over a sentence's start (`Add aliases for an
                // item` / `This feature allows…`), and a title-case question
                // of a few short lines (`RAID` / `or LVM?`).
                if matches!(
                    rule,
                    "latin-heading-end" | "headlines-side-by-side" | "headline-over-block-end"
                ) || rule == "latin-short-heading"
                    || (rule == "latin-heading-before-sentence"
                        && ctx.clearly_short(k - 1, ctx.widths[k - 1]))
                    || (rule == "short-end"
                        && ctx.latin[k - 1]
                        && (2..=3).contains(&unit.lines.len())
                        && unit.text.ends_with(['?', '!'])
                        && heading_words(&unit.text))
                {
                    unit.role = Role::Heading;
                }
                // The body starts after a dateline's end (not a paragraph's
                // that started with a dateline): no headline with a clause
                // in it (`今天，一尊寓意…`) starts there.
                let after_dateline = rule == "dateline-end"
                    && !unit.text.contains(['。', '｡'])
                    && text.contains(['，', '、', '；', '：']);
                units.push(new_unit(text, i));
                heading_block = !after_dateline && ctx.heading_start(k);
            }
        }
        if let Some(u) = units.last_mut()
            && heading_block
            && u.lines.len() == 1
        {
            u.role = Role::Heading;
        }
    }
    // A column's label heads no article: it is the first line of the
    // article under the headline (`为祖国守岁` / `编者的话` / `当我们…`), or
    // of an item inside one (`图片新闻`).
    for u in units
        .iter_mut()
        .filter(|u| u.role == Role::Heading && is_column_label(&u.text))
    {
        u.role = Role::Body;
    }
    resume_interrupted(&mut units, &ctx, trace);
    headings_before_datelines(&mut units, trace, doc);
    split_head_from_dateline(&mut units, trace, doc);
    if cfg.runs(crate::config::Stage::Normalize) {
        for u in units.iter_mut().filter(|u| u.lines.len() > 1) {
            let no = doc.lines[u.lines[0]].no;
            if let std::borrow::Cow::Owned(t) =
                crate::stages::normalize::refold_joined(&u.text, cfg.folds, no, trace)
            {
                u.text = t;
            }
        }
        refold_unit_edges(&mut units, doc, cfg, trace);
    }
    doc.units = units;
    doc.structured = true;
}

/// Does `t` start with the end of a word broken at the line before: one Han
/// character and then a clause or sentence mark (`来，难以两全`, `题。`). No
/// headline starts with a one-character clause; a list item's numeral
/// (`一、`) is no fragment.
fn starts_with_fragment(t: &str) -> bool {
    let mut it = t.chars();
    let first = it.next();
    matches!(
        (first.map(chars::class), it.next()),
        (
            Some(Class::Han),
            Some('，' | '、' | '；' | '：' | '。' | '！' | '？' | ',')
        )
    ) && !first.is_some_and(|c| "一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾".contains(c))
}

/// Is the text paragraphed already (one paragraph per line, as ocrclean
/// writes it)? Then most long lines (longer than a headline) end a
/// sentence, where in a wrapped column most end in mid-sentence, and
/// neighbouring lines do not share one width, where a column's lines do.
fn paragraphed(doc: &Document, kept: &[usize]) -> bool {
    let mut long = 0;
    let mut ends = 0;
    // Lines that are not headline-short, and how many end a sentence.
    let mut medium = 0;
    let mut medium_ends = 0;
    // A line that ends a sentence, a clause or a bracket could end a
    // paragraph.
    let ends_unit = |t: &str| {
        chars::ends_sentence(t)
            || matches!(
                last_char(t),
                Some('）' | ')' | '”' | '」' | '』' | '摄' | '；' | '：' | ';' | ':')
            )
    };
    for &i in kept {
        let l = &doc.lines[i];
        if l.ev.chars >= 8 {
            let t = l.text.trim();
            let end = ends_unit(t);
            medium += 1;
            medium_ends += usize::from(end);
            // (As wide as 24 ideographs: a Latin heading of 24 letters
            // is no long line.)
            if l.ev.chars >= 24 && l.ev.layout_hw() >= 24 * 4 {
                long += 1;
                ends += usize::from(end);
            }
        }
    }
    if medium == 0 {
        return false;
    }
    // A wrapped column: neighbouring lines of one width (within an em)
    // where the first does not end a sentence.
    let mut pairs = 0;
    let mut same = 0;
    for w in kept.windows(2) {
        let (a, b) = (&doc.lines[w[0]], &doc.lines[w[1]]);
        if a.ev.chars < 4 || b.ev.chars < 4 {
            continue;
        }
        pairs += 1;
        let (x, y) = (a.ev.layout_hw(), b.ev.layout_hw());
        if x.abs_diff(y) <= EM && !ends_unit(a.text.trim()) {
            same += 1;
        }
    }
    let column = same >= 2 && same * 3 >= pairs;
    // Every line that is not a headline ends a sentence, and no two
    // neighbours share a width: short paragraphs, one per line.
    let all_end = medium_ends == medium && same == 0;
    // Nor do they in a short text whose every long line ends a sentence
    // and whose lines mostly follow each other without a blank line (a
    // headline over one paragraph, as ocrclean writes an article; an
    // extractor that puts a blank line between all lines does not say).
    let short_all_end = same == 0
        && long >= 1
        && ends == long
        && 2 * kept
            .iter()
            .skip(1)
            .filter(|&&i| doc.lines[i].blanks_before > 0)
            .count()
            < kept.len();
    // (Long lines must be a good share of the lines: a narrow column's
    // lines are mostly medium, its few long ones headlines or captions
    // over columns, which end sentences or brackets as often as not.)
    !column
        && ((long >= 2 && ends * 10 >= long * 6 && long * 3 >= medium) || all_end || short_all_end)
}

/// Units of a paragraphed text: one per line (vertical headlines joined),
/// short lines without a sentence end are headings, blank lines separate
/// articles.
fn prose_units(doc: &mut Document, kept: &[usize], mode: Dehyphenate, trace: &mut Trace) {
    // Word counts, for a hyphen at a wrapped line's end.
    let mut words: Option<HashMap<String, usize>> = None;
    // The unit before heads this one across a blank line.
    let mut heads_prev = false;
    let mut units: Vec<Unit> = Vec::new();
    // A text that sets a blank line between all its paragraphs (most line
    // ends, two thirds): a blank line ends a paragraph there, two or more
    // end an article. Elsewhere a blank line ends an article.
    let breaks = kept.len().saturating_sub(1);
    let blank_breaks = kept
        .iter()
        .skip(1)
        .filter(|&&i| doc.lines[i].blanks_before > 0)
        .count();
    let gap = if breaks >= 3 && 3 * blank_breaks >= 2 * breaks {
        trace.record(STAGE, "blank-paragraphs", 0, || {
            format!(
                "{blank_breaks} of {breaks} line ends have a blank line after them: a blank line ends a paragraph, two or more an article"
            )
        });
        2
    } else {
        1
    };
    for (k, &i) in kept.iter().enumerate() {
        let l = &doc.lines[i];
        let text = l.text.trim();
        let one = |l: &Line| l.ev.chars == 1 && l.ev.first == Class::Han;
        if k > 0 && one(l) && one(&doc.lines[kept[k - 1]]) && l.blanks_before < gap {
            let u = units.last_mut().expect("a unit exists");
            u.text.push_str(text);
            u.lines.push(i);
            trace.record(STAGE, "vertical-headline", l.no, || format!("{text:?}"));
            continue;
        }
        // `第` and its number on the next line: one phrase.
        if k > 0
            && l.blanks_before < gap
            && units.last().is_some_and(|u| u.text.ends_with('第'))
            && starts_with_number(text)
        {
            let u = units.last_mut().expect("a unit exists");
            u.text.push_str(text);
            u.lines.push(i);
            u.role = Role::Body;
            trace.record(STAGE, "ordinal-number", l.no, || format!("{text:?}"));
            continue;
        }
        // A line of Latin prose that stops in mid-sentence, over a line
        // that goes on in lower case: one paragraph wrapped, even in a
        // paragraphed text (`…The rain fell in` / `torrents, except…`).
        if k > 0
            && l.blanks_before < gap
            && let Some(u) = units.last_mut()
            && prose_wraps(&doc.lines[kept[k - 1]].text, text)
        {
            let above = doc.lines[kept[k - 1]].text.trim_end();
            let sep = if above.ends_with('-') {
                let words = words.get_or_insert_with(|| word_counts(doc));
                dehyphenate(mode, words, false, above, text)
            } else {
                Sep::Space
            };
            join_into(u, sep, text);
            u.lines.push(i);
            u.role = Role::Body;
            trace.record(STAGE, "latin-wrap", l.no, || {
                format!("{:?}", clip(text, 12))
            });
            continue;
        }
        let mut u = new_unit(text, i);
        let bracketed = matches!(first_char(text), Some('（' | '('))
            && matches!(last_char(text), Some('）' | ')'));
        if !chars::ends_sentence(text)
            && !bracketed
            && !text.contains('\t')
            && !matches!(
                last_char(text),
                Some('，' | '、' | '；' | '：' | ',' | ';' | ':' | '摄')
            )
            && l.ev.chars <= 60
            && !is_column_label(text)
        {
            u.role = Role::Heading;
        }
        u.article_start =
            k > 0 && (l.blanks_before >= gap || l.page != doc.lines[kept[k - 1]].page);
        // Over a paragraph: the next line ends its sentence and is longer.
        let over_paragraph = u.role == Role::Heading
            && kept.get(k + 1).is_some_and(|&j| {
                let t = doc.lines[j].text.trim();
                chars::ends_sentence(t) && t.chars().count() > text.chars().count()
            });
        // Where blank lines end paragraphs, a headline-like line after one,
        // not under another headline, over a paragraph that ends its
        // sentence starts an article (`第二章 管理` / / `第三条…`).
        if gap > 1
            && k > 0
            && l.blanks_before > 0
            && over_paragraph
            && !units.last().is_some_and(|p: &Unit| p.role == Role::Heading)
        {
            u.article_start = true;
        }
        // A headline-like line that ends its article (a blank line or the
        // end follows) heads nothing: it is body text.
        let alone = kept
            .get(k + 1)
            .is_none_or(|&j| doc.lines[j].blanks_before >= gap);
        // Headlines stand at the top of an article: at its start, or right
        // under another headline. A headline-like line further down is a
        // section head and stays where it is, like body text.
        let top = k == 0
            || u.article_start
            || units.last().is_some_and(|p: &Unit| p.role == Role::Heading);
        // A headline-like line that starts an article and stands alone,
        // over a paragraph after a blank line, heads that paragraph: the
        // text sets blank lines between all its paragraphs (`第一章 总则` /
        // / `第一条 为了…`; ocrclean writes a title over its body).
        let heads_next = over_paragraph && alone && top && (k == 0 || u.article_start);
        if u.role == Role::Heading && (alone || !top) && !heads_next {
            u.role = Role::Body;
        }
        if heads_prev
            && units
                .last()
                .is_some_and(|p| p.role == Role::Heading && p.lines.len() == 1)
        {
            u.article_start = false;
        }
        heads_prev = heads_next;
        units.push(u);
    }
    doc.units = units;
    doc.structured = true;
}

/// A short unit without a sentence end right before a dateline is the
/// article's headline, however wide it is.
/// Where a headline and the dateline under it that the extractor printed
/// on one line, a space between them, divide (`说说心底的苦衷 本报广州12月
/// 26日讯（记者…）`): at the first space after which a dateline starts,
/// when what stands before it is a few characters without a clause or
/// sentence mark.
fn head_beside_dateline(t: &str) -> Option<usize> {
    if !dateline_mark(t) {
        return None;
    }
    let p = t
        .char_indices()
        .filter(|&(i, c)| chars::is_hspace(c) && !t[..i].ends_with(chars::is_hspace))
        .map(|(i, _)| i)
        .find(|&i| is_dateline(t[i..].trim_start()))?;
    let head = t[..p].trim_end();
    let n = head.chars().count();
    ((2..=30).contains(&n)
        && !head.contains(['，', '。', '！', '？', '；', '：', ',', ';', ':'])
        && !is_dateline(head)
        && head.chars().any(chars::is_han))
    .then_some(p)
}

/// Split the units that start with a headline printed beside its dateline
/// ([`head_beside_dateline`]) into the headline and the rest.
fn split_head_from_dateline(units: &mut Vec<Unit>, trace: &mut Trace, doc: &Document) {
    let cut = |u: &Unit| -> Option<usize> {
        let first = &doc.lines[*u.lines.first()?].text;
        let p = head_beside_dateline(first)?;
        u.text.starts_with(&first[..p]).then_some(p)
    };
    let cuts: Vec<Option<usize>> = units.iter().map(cut).collect();
    if cuts.iter().all(Option::is_none) {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + 2);
    for (u, p) in std::mem::take(units).into_iter().zip(cuts) {
        let Some(p) = p else {
            out.push(u);
            continue;
        };
        let (head, rest) = (u.text[..p].trim_end(), u.text[p..].trim_start());
        trace.record(
            STAGE,
            "headline-beside-dateline",
            doc.lines[u.lines[0]].no,
            || format!("{:?} | {:?}", clip(head, 12), clip(rest, 12)),
        );
        out.push(Unit {
            text: head.to_string(),
            lines: u.lines[..1].to_vec(),
            role: Role::Heading,
            article_start: u.article_start,
        });
        out.push(Unit {
            text: rest.to_string(),
            lines: u.lines,
            role: Role::Body,
            article_start: false,
        });
    }
    *units = out;
}

/// How many units after an interrupted paragraph its continuation may be.
const RESUME_WINDOW: usize = 12;

/// Put back together a paragraph that an article read in the middle of it
/// cut in two. An extractor that reads a page column by column reads an
/// article set above the next column of another between that article's
/// columns (`…提供旅游服务方面，埃` / `日本百岁老人逐年增多` / … /
/// `及居第六位。但是，…`). The paragraph stops on a full line of
/// ideographs that ends no sentence, a headline follows it, and a few
/// units on, after one article's headlines and paragraphs and a sentence
/// end on a short line, a full line of the same column starts with an
/// ideograph: unless the text's paragraphs start flush, no paragraph's
/// first line. Its words must be the interrupted article's rather than
/// the other's. It joins the paragraph, the paragraphs after it follow;
/// the article read in between goes before the interrupted one, for it
/// stands above its column on the page, and so above the article.
fn resume_interrupted(units: &mut Vec<Unit>, ctx: &Ctx, trace: &mut Trace) {
    if ctx.flush_starts {
        return;
    }
    let mut pos = vec![usize::MAX; ctx.doc.lines.len()];
    for (k, &i) in ctx.kept.iter().enumerate() {
        pos[i] = k;
    }
    let mut a = 0;
    while a + 2 < units.len() {
        let Some((top, b)) = resumption(units, a, ctx, &pos) else {
            a += 1;
            continue;
        };
        // The paragraphs after the continuation, up to the next headline,
        // stay after it: the scan goes on after them.
        let mut e = b;
        while units
            .get(e + 1)
            .is_some_and(|u| u.role == Role::Body && !u.article_start)
        {
            e += 1;
        }
        let v = units.remove(b);
        trace.record(
            STAGE,
            "resume-interrupted",
            ctx.doc.lines[v.lines[0]].no,
            || {
                format!(
                    "{:?} goes on after {:?}; the {} units read in between go before line {}",
                    clip(&v.text, 12),
                    clip_end(&units[a].text, 12),
                    b - a - 1,
                    ctx.doc.lines[units[top].lines[0]].no
                )
            },
        );
        join_into(&mut units[a], Sep::None, &v.text);
        units[a].lines.extend(v.lines);
        // [top..=a] the article, [a + 1..b] the one read inside it.
        units[top..b].rotate_left(a + 1 - top);
        a = e;
    }
}

/// The first unit of the article that unit `a` is in: its paragraphs back
/// to its headlines, or to an article's start.
fn article_top(units: &[Unit], a: usize) -> usize {
    let mut top = a;
    while top > 0 && units[top].role == Role::Body && !units[top].article_start {
        top -= 1;
    }
    while top > 0 && units[top - 1].role == Role::Heading && !units[top].article_start {
        top -= 1;
    }
    top
}

/// Does `text` share more of its words with the article `top..=a` than
/// with the units read after it (`a + 1..b`)? Counted on its bigrams
/// (words for Latin) that only one side has, three at least and twice
/// the other side's.
fn topic_of(text: &str, units: &[Unit], top: usize, a: usize, b: usize) -> bool {
    let g = articles::gram_set(articles::grams(text));
    let mut seen = vec![0u8; g.len()];
    let mut mark = |t: &str, bit: u8| {
        articles::for_each_gram(t, |x| {
            if let Ok(i) = g.binary_search(&x) {
                seen[i] |= bit;
            }
        });
    };
    for u in &units[top..=a] {
        mark(&u.text, 1);
    }
    for u in &units[a + 1..b] {
        mark(&u.text, 2);
    }
    let own = seen.iter().filter(|&&s| s == 1).count();
    let other = seen.iter().filter(|&&s| s == 2).count();
    own >= 3 && own >= 2 * other
}

/// The first unit of unit `a`'s article and the unit that goes on with
/// `a`'s paragraph (see [`resume_interrupted`]).
fn resumption(units: &[Unit], a: usize, ctx: &Ctx, pos: &[usize]) -> Option<(usize, usize)> {
    let u = &units[a];
    if u.role != Role::Body || u.lines.len() < 2 || units[a + 1].role != Role::Heading {
        return None;
    }
    let ku = pos[*u.lines.last()?];
    let last = last_char(u.text.trim_end())?;
    let open_end = chars::is_han(last) || matches!(last, '，' | '、' | '；' | '：');
    if ku == usize::MAX || !open_end || ctx.latin[ku] || ctx.widths[ku] + EM < ctx.cols[ku] {
        return None;
    }
    // The interrupted article has a headline (looked for only behind a
    // paragraph cut off this way).
    let top = article_top(units, a);
    if units[top].role != Role::Heading {
        return None;
    }
    let page = ctx.line(ku).page;
    for b in a + 2..units.len().min(a + 2 + RESUME_WINDOW) {
        let kv = pos[units[b].lines[0]];
        // One article in between: its headlines, then its paragraphs.
        if kv == usize::MAX
            || ctx.line(kv).page != page
            || units[b].role == Role::Heading && units[b - 1].role != Role::Heading
        {
            return None;
        }
        let prev = &units[b - 1];
        let kp = pos[*prev.lines.last()?];
        if units[b].role == Role::Body
            && chars::ends_sentence(prev.text.trim_end())
            && kp != usize::MAX
            && ctx.widths[kp] + 2 * EM <= ctx.cols[kp]
            && ctx.continues_elsewhere(kv)
            && ctx.cols[kv].abs_diff(ctx.cols[ku]) <= EM
            && topic_of(&units[b].text, units, top, a, b)
        {
            return Some((top, b));
        }
    }
    None
}

fn headings_before_datelines(units: &mut [Unit], trace: &mut Trace, doc: &Document) {
    for i in 1..units.len() {
        if units[i - 1].role == Role::Heading || !is_dateline(&units[i].text) {
            continue;
        }
        let t = units[i - 1].text.as_str();
        let n = t.chars().count();
        let bracketed = in_brackets(t);
        // A headline may end with a quotation or a title it names
        // (`佳木斯大投入铺就“民心路”`), not with other closing marks.
        let quoted_end = matches!(last_char(t), Some('”' | '」' | '』' | '》'))
            && n <= 30
            && !t.contains(['。', '｡']);
        // (Nor one with a full stop inside, or a photo credit at its end:
        // a caption.)
        if (4..=50).contains(&n)
            && !chars::ends_sentence(t)
            && !t.contains(['。', '｡'])
            && !credit_ends(t)
            && !is_date_only(t)
            && !bracketed
            && (quoted_end
                || !matches!(
                    last_char(t).map(chars::class),
                    Some(Class::CjkClose | Class::CjkOpen)
                ))
        {
            units[i - 1].role = Role::Heading;
            let no = doc.lines[units[i - 1].lines[0]].no;
            trace.record(STAGE, "headline-before-dateline", no, || {
                format!("{:?}", clip(t, 20))
            });
        }
    }
}

/// Half-width punctuation at a unit's edge was folded (or not) against
/// the neighbouring line as it stood before the lines were joined and
/// folded; now the neighbours are units: once more against them, as the
/// next pass over the output would.
fn refold_unit_edges(units: &mut [Unit], doc: &Document, cfg: &Config, trace: &mut Trace) {
    let punct = |c: Option<char>| matches!(c, Some(',' | ':' | ';' | '!' | '?'));
    for k in 0..units.len() {
        let t = units[k].text.as_str();
        if !(punct(last_char(t)) || punct(first_char(t))) {
            continue;
        }
        let before = k.checked_sub(1).and_then(|j| last_char(&units[j].text));
        let after = units.get(k + 1).and_then(|u| first_char(&u.text));
        let no = doc.lines[units[k].lines[0]].no;
        if let std::borrow::Cow::Owned(t) =
            crate::stages::normalize::refold_edges(t, cfg.folds, no, trace, (before, after))
        {
            units[k].text = t;
        }
    }
}

fn new_unit(text: &str, line: usize) -> Unit {
    // Room for the few lines a paragraph usually takes: it grows without
    // copying itself at every join.
    let mut t = String::with_capacity(4 * text.len());
    t.push_str(text);
    let mut lines = Vec::with_capacity(4);
    lines.push(line);
    Unit {
        text: t,
        lines,
        role: Role::Body,
        article_start: false,
    }
}

/// Append `text` to the unit with the separator decided.
fn join_into(unit: &mut Unit, sep: Sep, text: &str) {
    match sep {
        Sep::None => {}
        Sep::Space => unit.text.push(' '),
        Sep::DropHyphen => {
            let n = unit.text.trim_end().len();
            unit.text.truncate(n);
            if unit.text.ends_with(['-', '\u{2010}']) {
                unit.text.pop();
                // (and the space mutool printed before a soft hyphen's).
                let n = unit.text.trim_end().len();
                unit.text.truncate(n);
            }
        }
    }
    unit.text.push_str(text);
}

/// How two joined lines meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    None,
    Space,
    DropHyphen,
}

enum Decision {
    Join(&'static str, Sep),
    Break(&'static str),
}

/// Width a line takes on the page, in half columns (see
/// [`Evidence::layout_hw`](crate::doc::Evidence::layout_hw)).
fn eff_width(l: &Line) -> usize {
    l.ev.layout_hw()
}

/// One em (an ideograph) in half columns.
const EM: usize = 4;

/// Drop page numbers and running heads/footers: lines at the top or bottom
/// of a page that are page numbers, or that repeat (digits aside) on at
/// least two pages there. Returns the indices of the lines kept.
fn furniture(doc: &Document, trace: &mut Trace) -> Vec<usize> {
    let lines = &doc.lines;
    let pages = lines.last().map_or(0, |l| l.page + 1);
    // A text of one page has no running heads; its page number stands
    // between dashes or with its word (`— 2 —`, `第2页`, `Page 2`): a
    // number alone may be the text's. (Short lines with a digit are
    // worth the regex.)
    if pages < 2 {
        let mut kept = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            let t = l.text.trim();
            if t.len() <= 40
                && t.bytes().any(|b| b.is_ascii_digit())
                && LONE_PAGE_NUMBER.is_match(t)
            {
                trace.record(STAGE, "page-number", l.no, || format!("dropped {t:?}"));
            } else {
                kept.push(i);
            }
        }
        return kept;
    }
    // First and last three lines of every page (a page's head may be
    // written as three lines: title, page number, section).
    const EDGE: usize = 3;
    let mut edge = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = lines[start..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |n| start + n);
        for (i, e) in edge.iter_mut().enumerate().take(end).skip(start) {
            *e = i < start + EDGE || i + EDGE >= end;
        }
        start = end;
    }
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !chars::is_hspace(*c))
            .collect()
    };
    let mut seen: HashMap<String, std::collections::HashSet<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if edge[i] {
            let k = key(l);
            if !k.is_empty() && k.chars().count() <= 60 {
                seen.entry(k).or_default().insert(l.page);
            }
        }
    }
    // A running head stands on every page but perhaps the first (a short
    // text), on two pages in three (a long one): a line on two pages of
    // four is a section's heading that two sections share (`Setting up
    // RAID`), no furniture.
    let running = if pages <= 6 {
        (pages - 1).max(2)
    } else {
        (2 * pages).div_ceil(3)
    };
    let mut kept = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if edge[i] && PAGE_NUMBER.is_match(t) {
            trace.record(STAGE, "page-number", l.no, || format!("dropped {t:?}"));
            continue;
        }
        // A dashed page number: alone, where an extractor wrote a page's
        // head inside its text (after the first column); in a short line
        // at the page's edge, the page's head or foot.
        // (A line of its own is a dozen bytes at most; only edge lines are
        // searched further.)
        if (t.len() <= 12 || (edge[i] && t.len() <= 120))
            && t.contains(['-', '–', '—'])
            && DASHED_PAGE_NUMBER.find(t).is_some_and(|m| {
                m.as_str().trim() == t || (edge[i] && t.split_whitespace().count() <= 12)
            })
        {
            trace.record(STAGE, "page-head", l.no, || {
                format!("dropped {:?}", clip(t, 30))
            });
            continue;
        }
        // (Articles opening two pages open with datelines that differ in
        // their dates only: `本报上海1月22日讯（记者`; no running head.)
        if edge[i] && seen.get(&key(l)).is_some_and(|p| p.len() >= running) && !is_dateline(t) {
            trace.record(STAGE, "running-head", l.no, || {
                format!("dropped {:?}", clip(t, 30))
            });
            continue;
        }
        kept.push(i);
    }
    kept
}

/// Put back an attribution that the extractor printed inside the next
/// column's dateline: a dateline line whose byline bracket stays open, a
/// line wholly in brackets (`（贺强英 顾宁晓）`), then the line that closes
/// the dateline's bracket (`袁涛）`). Two columns' lines were interleaved: the
/// bracketed names close the text before the dateline and go before it.
fn interleaved_attributions(doc: &Document, mut kept: Vec<usize>, trace: &mut Trace) -> Vec<usize> {
    let open = |t: &str| t.matches(['（', '(']).count() > t.matches(['）', ')']).count();
    let closes = |t: &str| {
        let close = t.find(['）', ')']);
        close.is_some_and(|c| t.find(['（', '(']).is_none_or(|o| c < o))
    };
    for k in 1..kept.len().saturating_sub(1) {
        let [a, b, c] = [kept[k - 1], kept[k], kept[k + 1]].map(|i| &doc.lines[i]);
        if a.page == b.page
            && b.page == c.page
            && is_bracketed_names(&b.text)
            && open(&a.text)
            && closes(&c.text)
            && is_dateline(a.text.trim())
        {
            trace.record(STAGE, "interleaved-attribution", b.no, || {
                format!(
                    "{:?} put before the dateline {:?}",
                    b.text.trim(),
                    clip(a.text.trim(), 12)
                )
            });
            kept.swap(k - 1, k);
        }
    }
    kept
}

/// Put a headline that the extractor read inside a paragraph before that
/// paragraph (OCR reads a column to its end, and a headline set beside
/// the column's text comes in the middle: `…一项新的` / `叶江川一人战千人`
/// / `吉尼斯世界纪录…`): a short CJK line that could be a headline between
/// two full lines of one column, the first ending no sentence, the second
/// no paragraph's indented first line. No paragraph has a short line
/// inside it. The paragraph starts after the last sentence end on a short
/// line (or at a dateline) above; where none is found within a column's
/// worth of lines, the line stays.
fn inset_headlines(doc: &Document, mut kept: Vec<usize>, trace: &mut Trace) -> Vec<usize> {
    let line = |kept: &[usize], j: usize| &doc.lines[kept[j]];
    let text = |kept: &[usize], j: usize| line(kept, j).text.trim();
    // (In cells, an ideograph two: an em.)
    let width = |kept: &[usize], j: usize| chars::width(text(kept, j));
    let em = 2;
    let mut k = 2;
    while k + 2 < kept.len() {
        let l = line(&kept, k);
        // (Most lines leave here, on what the line's evidence holds.)
        // (A line of the column has two characters more at least.)
        let chars_at = |j: usize| line(&kept, j).ev.chars;
        if l.blanks_before == 0
            || l.ev.chars < 2
            || l.ev.chars > 20
            || l.ev.stretched()
            || [k - 2, k - 1, k + 1, k + 2]
                .iter()
                .any(|&j| chars_at(j) < l.ev.chars + 2)
        {
            k += 1;
            continue;
        }
        let page = l.page;
        let t = text(&kept, k);
        // (Ideographs and CJK marks only: narrower digits and letters
        // make a line look short.)
        let cjk_only = || {
            t.chars().all(|c| {
                chars::char_width(c) == 2
                    || matches!(chars::class(c), Class::CjkOpen | Class::CjkClose)
            })
        };
        let ends = |j: usize| {
            last_char(text(&kept, j - 1)).is_some_and(chars::is_han)
                && first_char(text(&kept, j + 1)).is_some_and(chars::is_han)
        };
        if !ends(k) || !cjk_only() || (k - 2..=k + 2).any(|j| line(&kept, j).page != page) {
            k += 1;
            continue;
        }
        // The widths of the lines around it, two above and two below.
        let around = [k - 2, k - 1, k + 1, k + 2].map(|j| width(&kept, j));
        let col = around[1].max(around[2]);
        let near = |w: usize| w + em >= col && w <= col + em;
        let inset = col >= 8 * em
            && around.iter().all(|&w| near(w))
            && width(&kept, k) + 3 * em <= col
            && [k - 1, k + 1].iter().all(|&j| !latin(text(&kept, j)))
            && !chars::ends_sentence(text(&kept, k - 1))
            && !t.contains(['。', '！', '？', '｡'])
            && !last_char(t).is_some_and(|c| chars::is_clause_end(c) || chars::is_sentence_end(c))
            && !matches!(
                first_char(t).map(chars::class),
                Some(Class::CjkClose | Class::Digit)
            )
            && !matches!(
                first_char(text(&kept, k + 1)).map(chars::class),
                Some(Class::CjkClose)
            )
            && !is_dateline(t)
            && !is_bracketed_names(t)
            && !crate::bylines::is_byline_line(t)
            && crate::stages::despace::credit_start_of(t).is_none()
            && enumerator(t).is_none();
        if inset {
            // Back to the paragraph's first line.
            let mut p = k - 1;
            let mut found = false;
            while p + 40 > k {
                // (The text's or the page's first line starts one.)
                if p == 0 || line(&kept, p - 1).page != page {
                    found = true;
                    break;
                }
                let above = text(&kept, p - 1);
                if is_dateline(text(&kept, p))
                    || (chars::ends_sentence(above)
                        && (width(&kept, p - 1) + em < col || width(&kept, p) + 3 * em / 2 <= col))
                {
                    found = true;
                    break;
                }
                // A short line without a sentence end above: a headline
                // or another inset; the paragraph starts under it.
                if width(&kept, p - 1) + 3 * em <= col {
                    found = true;
                    break;
                }
                p -= 1;
            }
            if found {
                trace.record(STAGE, "inset-headline", line(&kept, k).no, || {
                    format!(
                        "{:?} read inside a paragraph: put before it, {:?}",
                        clip(t, 16),
                        clip(text(&kept, p), 12)
                    )
                });
                let i = kept.remove(k);
                kept.insert(p, i);
            }
        }
        k += 1;
    }
    kept
}

/// A text set with soft hyphens comes out of pdftotext with a line break
/// after every soft hyphen and the printed hyphen of the real line end on
/// a line of its own (`stan\u{AD}` / `‐` / `dard`). The printed hyphen goes
/// (unless dehyphenation is off): the word is whole again.
fn printed_hyphens(
    doc: &Document,
    kept: Vec<usize>,
    mode: Dehyphenate,
    trace: &mut Trace,
) -> Vec<usize> {
    if mode == Dehyphenate::None {
        return kept;
    }
    let mut out: Vec<usize> = Vec::with_capacity(kept.len());
    for &i in &kept {
        let l = &doc.lines[i];
        let after_soft = out.last().is_some_and(|&p| doc.lines[p].ev.soft_hyphen_end);
        if after_soft && matches!(l.text.trim(), "-" | "\u{2010}" | "\u{2011}") {
            trace.record(STAGE, "printed-hyphen", l.no, || {
                "hyphen after a soft hyphen dropped".to_string()
            });
            continue;
        }
        out.push(i);
    }
    out
}

/// Widths of the visual lines: pieces that pdftotext split off at soft
/// hyphens, or mutool after a space, within a printed line add up; the
/// piece that ends the printed line carries the whole line's width.
fn visual_widths(doc: &Document, kept: &[usize], run: &[Run]) -> Vec<usize> {
    let piece_of = |doc: &Document, kept: &[usize], k: usize| {
        piece_of(doc, kept, k) || run.get(k).is_some_and(|r| *r == Run::Goes)
    };
    let mut out: Vec<usize> = Vec::with_capacity(kept.len());
    for (k, &i) in kept.iter().enumerate() {
        let w = eff_width(&doc.lines[i]);
        if !piece_of(doc, kept, k) {
            out.push(w);
            continue;
        }
        out.push(out[k - 1] + w);
        // Every piece is as wide as the printed line: the first pieces of
        // a justified Latin line split at its spaces (`The ` / `contents `
        // / `of`) would narrow the column. (Filled in at the line's last
        // piece: one pass, however long the line.)
        if !piece_of(doc, kept, k + 1) {
            let total = out[k];
            let mut j = k;
            while j > 0 && piece_of(doc, kept, j) {
                out[j - 1] = total;
                j -= 1;
            }
        }
    }
    out
}

/// Does the line end with a hyphen, printed or soft?
fn hyphen_end(l: &Line) -> bool {
    l.ev.soft_hyphen_end || l.text.trim_end().ends_with(['-', '\u{2010}'])
}

/// A kept line's place in a run of one-word lines: pdftotext prints the
/// words of a justified Latin line whose spaces were stretched a line each
/// (`Even` / `though` / `the` / `ability` / `to`), at times with blank
/// lines between them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Run {
    /// In no run.
    No,
    /// The first word of a run.
    Starts,
    /// A later word of a run: a piece of the line before.
    Goes,
}

/// Find the runs of one-word lines that are one printed line: at least
/// three Latin words, a line each, on one page with nothing dropped
/// between them, that together are no wider than the widest line around
/// (a column of single words in a table is wider than that).
fn word_runs(doc: &Document, kept: &[usize], latin: &[bool], trace: &mut Trace) -> Vec<Run> {
    // (Not the pieces of a word broken at its hyphens: `repos-` / `i-` /
    // `to-` / `ry)`.)
    let one_word = |k: usize| {
        if !latin[k] {
            return false;
        }
        let l = &doc.lines[kept[k]];
        let t = l.text.trim();
        !t.is_empty()
            && !t.contains(chars::is_hspace)
            && t.chars().any(char::is_alphabetic)
            && !hyphen_end(l)
            && (k == 0 || !hyphen_end(&doc.lines[kept[k - 1]]))
            // (mutool's pieces end with their space: see `space_split`.)
            && !l.text.ends_with(chars::is_hspace)
    };
    let mut out = vec![Run::No; kept.len()];
    let mut k = 0;
    while k < kept.len() {
        if !one_word(k) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < kept.len()
            && kept[j - 1] + 1 == kept[j]
            && doc.lines[kept[j]].page == doc.lines[kept[k]].page
            && one_word(j)
        {
            j += 1;
        }
        // A word that ends a sentence ends its paragraph, when it comes
        // first: the next paragraph's first line follows (`enthusiasm.` /
        // `APT` / `is` / `the`).
        let first = k + usize::from(chars::ends_sentence(doc.lines[kept[k]].text.trim()));
        // The printed line's paragraph goes on in the next line, in
        // lower case (a list of words a line each is followed by what
        // comes after the list).
        let goes_on = j < kept.len()
            && doc.lines[kept[j]].page == doc.lines[kept[k]].page
            && doc.lines[kept[j]]
                .text
                .trim_start()
                .starts_with(char::is_lowercase);
        if goes_on && j >= first + 3 {
            let width: usize = (first..j)
                .map(|i| eff_width(&doc.lines[kept[i]]))
                .sum::<usize>()
                + 2 * (j - first - 1);
            let around = kept[first.saturating_sub(WINDOW)..(j + WINDOW).min(kept.len())]
                .iter()
                .map(|&i| &doc.lines[i])
                .filter(|l| l.text.trim().contains(chars::is_hspace))
                .map(eff_width)
                .max()
                .unwrap_or(0);
            if width <= around {
                out[first] = Run::Starts;
                for r in &mut out[first + 1..j] {
                    *r = Run::Goes;
                }
                trace.record(STAGE, "word-per-line", doc.lines[kept[first]].no, || {
                    format!(
                        "{} one-word lines, {} wide of {}: one printed line",
                        j - first,
                        width,
                        around
                    )
                });
            }
        }
        k = j;
    }
    out
}

/// Did mutool split the printed line before kept line `k` at a space (the
/// piece before ends with it)?
fn space_split(doc: &Document, kept: &[usize], k: usize) -> bool {
    k > 0
        && k < kept.len()
        && kept[k - 1] + 1 == kept[k]
        && doc.lines[kept[k]].blanks_before == 0
        && doc.lines[kept[k - 1]].text.ends_with(' ')
}

/// Is kept line `k` a piece of the printed line before it: mutool ends a
/// piece with the space after it; a soft hyphen or closing punctuation on
/// a line of its own split one too.
fn piece_of(doc: &Document, kept: &[usize], k: usize) -> bool {
    if k == 0 || k >= kept.len() || kept[k - 1] + 1 != kept[k] {
        return false;
    }
    let (p, l) = (&doc.lines[kept[k - 1]], &doc.lines[kept[k]]);
    // (mutool's spaced hyphen at a line's end is where the printed line
    // broke, at a soft hyphen: the line is whole.)
    l.blanks_before == 0
        && (p.ev.soft_hyphen_end
            && p.blanks_before == 0
            && !p.text.trim_end().ends_with(['-', '\u{2010}'])
            || p.text.ends_with(' ')
            || closing_only(l) && p.ev.chars > 1)
}

/// The column width at every kept line, from the lines around it on its
/// page. In CJK text nearly every line of a column is exactly as wide as
/// the column, so the width most lines share (within a column) is taken,
/// among the wider half; ragged Latin text has no such width, so there the
/// widest width that three lines reach (within three columns) is taken.
/// Either way a lone wide headline or a short paragraph end does not count.
fn column_widths(doc: &Document, kept: &[usize], widths: &[usize], latin: &[bool]) -> Vec<usize> {
    let mut out = Vec::with_capacity(kept.len());
    let mut buf = Vec::with_capacity(2 * WINDOW + 1);
    let mut stretched = Vec::with_capacity(2 * WINDOW + 1);
    for k in 0..kept.len() {
        let page = doc.lines[kept[k]].page;
        buf.clear();
        let lo = k.saturating_sub(WINDOW);
        let hi = (k + WINDOW + 1).min(kept.len());
        let mut latin_lines = 0;
        // A stretched line is as wide as its column, whatever its text
        // measures (the spaces that spread it are not counted): it says
        // nothing of the width, unless nothing else does.
        // (Its text is no wider than the column, and the tightest set of
        // them nearly as wide, though: where most lines are stretched, as
        // where an extractor spaces out every justified line, the others
        // are paragraphs' short last lines and headlines, no measure of
        // the column; the third widest stretched line is.)
        stretched.clear();
        for any in [false, true] {
            for j in lo..hi {
                let l = &doc.lines[kept[j]];
                if l.page != page {
                    continue;
                }
                if any || !l.ev.stretched() {
                    buf.push(widths[j]);
                    latin_lines += usize::from(latin[j]);
                } else {
                    stretched.push(widths[j]);
                }
            }
            if !buf.is_empty() {
                break;
            }
        }
        let floor = if stretched.len() >= 3 && stretched.len() > buf.len() {
            stretched.sort_unstable_by(|a, b| b.cmp(a));
            stretched[2]
        } else {
            0
        };
        buf.sort_unstable_by(|a, b| b.cmp(a));
        let median = buf[buf.len() / 2];
        let col = if latin_lines * 2 > buf.len() {
            let need = 3.min(buf.len());
            buf.iter()
                .enumerate()
                .take_while(|&(_, &w)| w >= median)
                .find(|&(i, &w)| {
                    buf[i..]
                        .iter()
                        .take_while(|&&x| x + 3 * EM / 2 >= w)
                        .count()
                        >= need
                })
                .map_or(buf[0], |(_, &w)| w)
        } else {
            let mut best = (0, buf[0]);
            let mut last = None;
            for &w in buf.iter().take_while(|&&w| w >= median) {
                // Sorted: each width once.
                if last == Some(w) {
                    continue;
                }
                last = Some(w);
                let support = buf.iter().filter(|&&x| x + 2 >= w && x <= w + 2).count();
                if support > best.0 {
                    best = (support, w);
                }
            }
            // The most common width may be that of paragraphs' first lines
            // that lost their two-em indent, where paragraphs are two or
            // three lines long: when most lines of it follow a sentence end
            // and full lines two em wider stand around, the column is theirs.
            let mut band = best.1;
            let upper = band + 2 * EM;
            let near = |x: usize, w: usize| x + 2 >= w && x <= w + 2;
            let upper_support = buf.iter().filter(|&&x| near(x, upper)).count();
            if upper_support >= 3 && upper_support * 3 >= best.0 {
                let (mut starts, mut all) = (0, 0);
                for j in lo.max(1)..hi {
                    if doc.lines[kept[j]].page == page && near(widths[j], band) {
                        all += 1;
                        starts += usize::from(chars::ends_sentence(&doc.lines[kept[j - 1]].text));
                    }
                }
                if starts * 3 >= all * 2 {
                    band = upper;
                }
            }
            // The upper end of the shared band.
            buf.iter()
                .copied()
                .filter(|&x| x >= band && x <= band + 2)
                .max()
                .unwrap_or(band)
        };
        out.push(if floor > 0 { floor } else { col });
    }
    out
}

/// Is the text a Latin line in capitals: no lower-case letter, two letters
/// at least (a word of a justified line written a line each counts)?
fn caps_line(t: &str) -> bool {
    !t.chars().any(char::is_lowercase) && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Per kept line, in one backward pass: is it a Latin line in capitals
/// from which lines in capitals on its page go on to a sentence end (a
/// paragraph set in capitals; headings in capitals end none)?
fn caps_to_sentence_end(
    doc: &Document,
    kept: &[usize],
    texts: &[&str],
    latin: &[bool],
) -> Vec<bool> {
    let mut out = vec![false; kept.len()];
    for j in (0..kept.len()).rev() {
        if !latin[j] || !caps_line(texts[j]) {
            continue;
        }
        out[j] = chars::ends_sentence(texts[j])
            || (j + 1 < kept.len()
                && out[j + 1]
                && doc.lines[kept[j + 1]].page == doc.lines[kept[j]].page);
    }
    out
}

/// Where the extractor printed blank lines, in one pass: `(separated,
/// sparse)`.
///
/// Separated: a blank line between nearly every two lines.
///
/// Sparse: blank lines stand between paragraphs, between few lines (one
/// in five at most) or mostly after sentence ends. mutool prints one
/// between the blocks it finds (paragraphs set apart by space),
/// tesseract between its paragraphs; not so where they stand between the
/// pieces of lines an extractor split (`from ` / `the `).
fn blank_lines(doc: &Document, kept: &[usize]) -> (bool, bool) {
    let pairs = kept.len().saturating_sub(1);
    let mut blank = 0;
    let mut after_end = 0;
    for w in kept.windows(2) {
        if doc.lines[w[1]].blanks_before > 0 {
            blank += 1;
            if chars::ends_sentence(doc.lines[w[0]].text.trim_end()) {
                after_end += 1;
            }
        }
    }
    let separated = pairs >= 8 && blank * 10 >= pairs * 8;
    // (A short text has too few lines to count: blank lines after sentence
    // ends, half of them, say so.)
    let sparse = if pairs >= 8 {
        blank * 5 <= pairs || (blank >= 4 && after_end * 2 >= blank)
    } else {
        blank >= 2 && after_end * 2 >= blank
    };
    (separated, sparse)
}

/// Does the input mark paragraphs by indenting? Only then is an indent
/// evidence (pdftotext gives a stray leading space to some lines).
fn indents_informative(doc: &Document, kept: &[usize]) -> bool {
    let indented = kept
        .iter()
        .filter(|&&i| doc.lines[i].ev.indent >= 2)
        .count();
    indented >= 2 && indented * 3 < kept.len()
}

/// Does the text mark where its lines broke a word, with soft hyphens
/// (pdftotext's U+00AD, mutool's spaced U+2010)? Then a typesetter
/// hyphenated it, and a plain hyphen at a line's end is a hyphen of the
/// text that the line end met (`daylight-` / `saving`): three soft breaks
/// at least, and twice as many as plain hyphens at line ends.
fn soft_breaks(doc: &Document, kept: &[usize]) -> bool {
    let (mut soft, mut plain) = (0, 0);
    for &i in kept {
        let l = &doc.lines[i];
        if l.ev.soft_hyphen_end {
            soft += 1;
        } else if l.text.trim_end().ends_with('-') {
            plain += 1;
        }
    }
    soft >= 3 && soft >= 2 * plain
}

/// Lower-cased word counts, for safe dehyphenation.
/// The pieces of a word hyphenated at a line end do not count.
fn word_counts(doc: &Document) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let mut prev_hyphen = false;
    for l in &doc.lines {
        let text = l.text.trim();
        if !text.bytes().any(|b| b.is_ascii_alphabetic())
            && !text.chars().any(|c| chars::class(c) == Class::Letter)
        {
            prev_hyphen = false;
            continue;
        }
        let words: Vec<&str> = text
            .split(|c: char| !(c == '-' || chars::class(c) == Class::Letter))
            .filter(|w| !w.is_empty())
            .collect();
        let ends_hyphen = hyphen_end(l);
        for (n, w) in words.iter().enumerate() {
            if (n == 0 && prev_hyphen) || (n + 1 == words.len() && ends_hyphen) {
                continue;
            }
            let w = w.trim_matches('-');
            if w.len() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '-') {
                *m.entry(w.to_lowercase()).or_insert(0) += 1;
            }
        }
        prev_hyphen = ends_hyphen;
    }
    m
}

/// The line holds nothing but closing punctuation (`”`, `。”`): the
/// extractor put what hangs past the column on a line of its own.
fn closing_only(l: &Line) -> bool {
    l.ev.chars <= 3
        && l.text
            .trim()
            .chars()
            .all(|c| chars::is_hspace(c) || chars::class(c) == Class::CjkClose)
}

/// The text so far ends with a photo credit that began on an earlier line
/// (`…本报记者 陶` / `冬晨 摄`).
fn credit_ends(text: &str) -> bool {
    // Every credit ends with 摄: most units leave before their tail is
    // looked for.
    let end = text.trim_end_matches(|c: char| chars::is_hspace(c) || matches!(c, '）' | ')'));
    if !end.ends_with(['摄', '攝']) {
        return false;
    }
    let tail = text.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    crate::stages::despace::credit_start_of(&text[tail..]).is_some()
}

/// A photo caption by its words: numbered in a group of photos (`3、…`)
/// or saying what the photo shows (`图为…`).
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}、|图为|圖為").expect("caption regex"));

fn is_caption(text: &str) -> bool {
    CAPTION.is_match(text)
}

/// How many sentences end in `text` (a run of sentence marks and the
/// closing quotes after them ends one).
fn sentence_ends(text: &str) -> usize {
    let mut n = 0;
    let mut prev = false;
    for c in text.chars() {
        let end = chars::is_sentence_end(c);
        if end && !prev {
            n += 1;
        }
        prev = end || (prev && chars::class(c) == Class::CjkClose);
    }
    n
}

/// How many lines either side of a headline are searched for the words
/// it is made of.
const WORD_WINDOW: usize = 120;

struct Ctx<'a> {
    /// How far short of the column (in thousandths of it) a ragged Latin
    /// line may look and still be full: measured per document.
    latin_margin: usize,
    /// The median width of the document's Latin lines ([`latin_line`]).
    latin_line: usize,
    /// Does a line hold a tab (a table's row, [`Ctx::decide`])? Lines are
    /// read for one only then.
    tabs: bool,
    /// Each kept line is a field, a label and its value ([`field_line`]).
    fields: &'a [bool],
    /// Each kept line's text, trimmed.
    texts: &'a [&'a str],
    /// Each kept line starts a dateline.
    dateline: &'a [bool],
    /// Each kept line starts a dateline, alone or with the next line.
    dateline_on: &'a [bool],
    /// Each kept line ends with a photo credit.
    credit_end: &'a [bool],
    /// The line is a photo credit and nothing else (`本报记者 顾斌博 摄`).
    credit_only: &'a [bool],
    /// Each kept line is mostly Latin.
    latin: &'a [bool],
    /// Each kept line's place in a run of one-word lines ([`word_runs`]).
    run: &'a [Run],
    doc: &'a Document,
    kept: &'a [usize],
    widths: &'a [usize],
    cols: &'a [usize],
    indents_informative: bool,
    /// Do the text's paragraphs start flush, their first lines as wide as
    /// the column ([`Ctx::flush_starts`])?
    flush_starts: bool,
    /// Per kept line: a Latin line in capitals from which capitals go on
    /// to a sentence end ([`caps_to_sentence_end`]).
    caps_to_end: &'a [bool],
    /// The extractor's blank lines stand between paragraphs ([`blank_lines`]).
    blank_sparse: bool,
    /// The extractor printed a blank line between (nearly) all lines:
    /// lines printed without one between them are one block.
    blank_separated: bool,
    /// Per kept line, computed once before any decision: its text could be
    /// a headline's ([`Ctx::headline_text`]) and it is clearly short of the
    /// column or wider than it (every use asks for one of the two).
    headline: &'a [bool],
    /// Per kept line: it starts a block headline ([`Ctx::block_headline`]).
    block_head: &'a [bool],
    /// Per kept line: starting a unit, it starts a headline block
    /// ([`Ctx::heading_start`]).
    heading: &'a [bool],
    words: &'a HashMap<String, usize>,
    /// The text marks the hyphens of its line breaks as soft hyphens
    /// ([`soft_breaks`]).
    soft_breaks: bool,
    dehyphenate: Dehyphenate,
}

/// How far short of the column ragged Latin lines that certainly go on
/// (they end in mid-sentence) look, in thousandths of the column: where
/// character counts measure the font exactly (a monospaced or evenly set
/// text), every such line would have overflowed with its next word, and
/// the margin is 0; a proportional font makes some look short. The tenth
/// percentile of the shortfall, at most an eighth (also the default,
/// with fewer than 20 such lines).
fn latin_margin(
    doc: &Document,
    kept: &[usize],
    texts: &[&str],
    widths: &[usize],
    cols: &[usize],
    latin: &[bool],
) -> usize {
    const MAX: usize = 125;
    let mut short: Vec<usize> = Vec::new();
    for k in 0..kept.len().saturating_sub(1) {
        let (a, b) = (&doc.lines[kept[k]], &doc.lines[kept[k + 1]]);
        if !latin[k]
            || !latin[k + 1]
            || a.page != b.page
            || a.ev.stretched()
            || a.ev.soft_hyphen_end
            || a.text.ends_with(' ')
            || chars::ends_sentence(texts[k])
            || matches!(last_char(texts[k]), Some(':' | '-'))
            || !first_char(texts[k + 1]).is_some_and(char::is_lowercase)
        {
            continue;
        }
        let reach = widths[k] + first_token_width(texts[k + 1]) + 2;
        let col = cols[k].max(1);
        short.push(col.saturating_sub(reach) * 1000 / col);
    }
    if short.len() < 20 {
        return MAX;
    }
    short.sort_unstable();
    // The tenth percentile from the top: nine in ten lines that go on look
    // at most this short.
    short[short.len() * 9 / 10].min(MAX)
}

/// The median width of the Latin lines of a document, 0 with fewer than
/// 20. Where an extractor wrote several printed lines as one (pdftotext
/// does at times), column estimates grow to such lines: a column much
/// wider than the median line is no measure of where a line was wrapped.
fn latin_line(widths: &[usize], latin: &[bool]) -> usize {
    let mut w: Vec<usize> = widths
        .iter()
        .zip(latin)
        .filter(|&(&w, &l)| l && w > 0)
        .map(|(&w, _)| w)
        .collect();
    if w.len() < 20 {
        return 0;
    }
    let mid = w.len() / 2;
    *w.select_nth_unstable(mid).1
}

/// Width of the first "word" of a line in half columns: a Latin word, or
/// one CJK character (with the punctuation that may not start a line).
fn first_token_width(text: &str) -> usize {
    2 * first_token_cols(text)
}

fn first_token_cols(text: &str) -> usize {
    let mut w = 0;
    let mut cs = text.chars().peekable();
    if let Some(&c) = cs.peek()
        && (chars::class(c).is_cjk() || chars::class(c) == Class::Hangul)
    {
        {
            w += chars::char_width(c);
            cs.next();
            while let Some(&n) = cs.peek() {
                if chars::class(n) == Class::CjkClose {
                    w += chars::char_width(n);
                    cs.next();
                } else {
                    break;
                }
            }
            return w;
        }
    }
    for c in cs {
        if chars::is_hspace(c) || chars::class(c).is_cjk() {
            break;
        }
        w += chars::char_width(c);
    }
    w
}

/// Latin text in title case: every word of four letters or more starts
/// with a capital (`Security Updates`, `Setting up RAID`).
/// A few words in title case that can stand alone as a heading: at most
/// twelve, two of them capitalised and of three letters or more, the last
/// no function word, no clause left open (`Backing up the Configuration`;
/// not `RAID is`, `Anyone can use`).
/// Does `s` open with a capitalised function word, as only a sentence
/// (or a title) starts (`The`, `To`, `If`; not `I`, not a name)?
fn opens_sentence(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "A", "After", "All", "Although", "An", "As", "At", "Before", "But", "By", "Each", "For",
        "From", "He", "How", "If", "In", "It", "Its", "Many", "Most", "No", "On", "Once", "She",
        "Since", "Some", "Such", "That", "The", "Their", "There", "These", "They", "This", "Those",
        "Thus", "To", "Unless", "We", "What", "When", "Where", "Whether", "Which", "While", "Who",
        "Why", "With", "You", "Your",
    ];
    let word = s.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    WORDS.contains(&word)
}

/// Does `s` end with a word that wants more after it (`…These Terms to`
/// / `Your New Programs`)?
fn ends_wanting(s: &str) -> bool {
    let last = s
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
}

/// Words of four letters or more in lower case: a heading has few.
fn prose_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && w.chars().next().is_some_and(char::is_lowercase)
        })
        .count()
}

fn heading_words(s: &str) -> bool {
    // Twelve words at the most: a long unit (asked about at each of its
    // lines) is turned away without reading it whole.
    if s.split_whitespace().nth(12).is_some() {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars().next().is_some_and(char::is_uppercase)
        })
        .count();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    capitalised >= 2
        && title_case(s)
        && !FUNCTION_WORDS.contains(&last.as_str())
        && !matches!(last_char(s), Some(',' | ';' | '-' | '(' | '/' | ':'))
}

/// Words that do not end a heading.
const FUNCTION_WORDS: [&str; 24] = [
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "with", "on", "by", "is", "are", "be",
    "as", "at", "from", "that", "this", "its", "their", "but", "not",
];

/// Words in capitals, two at least, and no letter in lower case (`TERMS
/// AND CONDITIONS`; not an acronym alone, `LVM`).
fn all_caps(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count()
        >= 2
        && !s.chars().any(char::is_lowercase)
}

fn title_case(s: &str) -> bool {
    let mut long = 0;
    for w in s.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 {
            long += 1;
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
        }
    }
    long > 0
}

/// Does the line end with a clause of one character after its last clause
/// mark (`…來臨之際，到`, `…會見外賓時說，揭`)? No headline's line does: a
/// headline breaks between its phrases, a body line wherever the column
/// ends.
fn one_char_clause_end(t: &str) -> bool {
    t.rsplit_once(['，', '；']).is_some_and(|(_, tail)| {
        let mut cs = tail.chars();
        cs.next().is_some_and(|c| chars::class(c) == Class::Han) && cs.next().is_none()
    })
}

/// Phrases of at least five characters each, set apart by single spaces
/// (`极地遥送爱国情 西沙灯语映碧波`, `聆诵四种精神 传承湖湘文化`), without
/// clause marks: no byline (names are shorter), no prose (nor the lines
/// of columns an extractor printed side by side: `…国家统计 局局长朱之鑫
/// 说，今年要进一步`).
fn side_by_side(t: &str) -> bool {
    // (Most lines have no space: they leave at once.)
    if !t.contains(' ') || t.contains(|c| chars::is_clause_end(c) || c == '。') {
        return false;
    }
    let mut from = 0;
    let mut pieces = 0;
    for sp in chars::phrase_spaces(t).chain(std::iter::once(t.len())) {
        // A phrase with Latin words spaced inside is a line of mixed text
        // (`…的桌面 Debian 系 入用户密码而非 root 密码`): columns again.
        if t[from..sp].chars().count() < 5 || t[from..sp].contains(char::is_whitespace) {
            return false;
        }
        pieces += 1;
        from = sp + 1;
    }
    pieces >= 2
}

fn last_char(s: &str) -> Option<char> {
    s.trim_end().chars().next_back()
}

fn first_char(s: &str) -> Option<char> {
    s.trim_start().chars().next()
}

/// Does Latin prose wrap from line `a` to line `b`: `a` a line of words
/// (four spaces at least) that ends in a lower-case word, a comma or a
/// word's hyphen, `b`
/// a line of words that starts with a lower-case letter? (Not a command
/// over a command, `apt-get update` / `apt-get install…`, nor an item of
/// a list, `b) the…`.)
fn prose_wraps(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_alphabetic() || ",.;'’".contains(c)))
            .count()
    };
    (a.ends_with(|c: char| c.is_ascii_lowercase() || c == ',')
        || a.strip_suffix('-')
            .is_some_and(|w| w.ends_with(char::is_alphabetic)))
        && b.starts_with(|c: char| c.is_ascii_lowercase())
        && !LATIN_ITEM.is_match(b)
        && enumerator(b).is_none()
        && words(a) >= 5
        && words(b) >= 2
        && latin(a)
        && latin(b)
}

/// Mostly Latin (not CJK) text.
fn latin(s: &str) -> bool {
    let mut cjk = 0;
    let mut lat = 0;
    for c in s.chars().take(80) {
        match chars::class(c) {
            Class::Letter => lat += 1,
            k if k.is_cjk() => cjk += 1,
            _ => {}
        }
    }
    lat > cjk * 2
}

impl Ctx<'_> {
    fn line(&self, k: usize) -> &Line {
        &self.doc.lines[self.kept[k]]
    }

    fn text(&self, k: usize) -> &str {
        self.texts[k]
    }

    /// Are three lines at least around line `k` on its page as wide as
    /// its column, one of them ending no sentence, or four (three lines
    /// alike that all end a sentence are short paragraphs as likely)?
    fn column_known(&self, k: usize) -> bool {
        let (col, page) = (self.cols[k], self.line(k).page);
        let lo = k.saturating_sub(WINDOW);
        let hi = (k + WINDOW + 1).min(self.kept.len());
        let (mut wide, mut going_on) = (0, 0);
        for j in lo..hi {
            if self.line(j).page == page && self.widths[j] + 2 >= col && self.widths[j] <= col + 2 {
                wide += 1;
                going_on += usize::from(!chars::ends_sentence(self.text(j)));
                if wide >= 3 && (going_on >= 1 || wide >= 4) {
                    return true;
                }
            }
        }
        false
    }

    /// Is line `k` full: would the first word of the next line have fit?
    fn full(&self, k: usize) -> bool {
        let l = self.line(k);
        if l.ev.stretched() || self.run[k] != Run::No {
            return true;
        }
        let col = self.cols[k];
        let w = self.widths[k];
        let next = if k + 1 < self.kept.len() {
            first_token_width(self.text(k + 1))
        } else {
            EM
        };
        let lat = self.latin[k];
        // mutool splits a justified Latin line where its spaces were
        // stretched (`change ` / `over ` / `time.`): a line of such pieces
        // is full, whatever its words measure.
        if lat && (space_split(self.doc, self.kept, k) || space_split(self.doc, self.kept, k + 1)) {
            return true;
        }
        if lat {
            // Character counts misjudge a proportional Latin font by up to
            // an eighth of the line: a ragged line is full when its next
            // word would have filled the column less that margin, which
            // the document's own lines measure (see `latin_margin`).
            // An indented first line has the indent less room.
            let w = w + 2 * l.ev.indent;
            return w + next + 2 > col - col * self.latin_margin / 1000;
        }
        w + next > col + 2
    }

    /// Did line `k` lose spaces inside its words (`De pend ing` read as
    /// `Depending`)? Where the extractor spaced out syllables, widths
    /// measured on the lines say little of the column.
    fn respaced(&self, k: usize) -> bool {
        2 * chars::width(self.text(k)) + 2 < self.widths[k]
    }

    /// Is line `k` wider than its column, as a headline over columns is:
    /// by more than two em, or by more than one without a clause mark (a
    /// column's estimate may be off by an em; a body line that overflows
    /// it goes on a clause).
    fn wider_than_column(&self, k: usize) -> bool {
        let (w, col) = (self.widths[k], self.cols[k]);
        let t = self.text(k);
        w > col + 2 * EM
            || (w > col + EM && !t.contains(['，', '；', '：', '、', ',', ';']))
            // A line of ideographs only (and CJK brackets, as wide) is
            // measured exactly: a full em over the column is more than any
            // body line takes.
            || (w >= col + EM
                && !t.contains(['，', '；', '：', '、', '。'])
                && t.chars().all(|c| {
                    matches!(chars::class(c), Class::Han | Class::CjkOpen | Class::CjkClose)
                }))
    }

    /// Does CJK line `k`, which could be a headline, stand over a block of
    /// wider lines than the column above it: the next two lines on its
    /// page as wide as their own column (a new block's; the first less an
    /// indent), which is wider than the column of the line before `k` by
    /// four em at least, and `k` short of it by more than an indent, three
    /// em? A line as wide as the column that ends there is no paragraph's
    /// first line: the line under a paragraph's first line is as wide as
    /// it, less an indent (`…印象。` / `推进国企改革` / `国务院今天召开…`
    /// twice as wide).
    fn heads_wider_block(&self, k: usize) -> bool {
        let page = self.line(k).page;
        // (The column estimate turns to the block's a line or two into
        // it: the wider of the two lines' estimates is the block's.)
        let Some(wide) = self.cols.get(k + 2).map(|&c| c.max(self.cols[k + 1])) else {
            return false;
        };
        !self.latin[k]
            // (The first of them may be a paragraph's, indented.)
            && (k + 1..k + 3).all(|j| {
                let room = if j == k + 1 { 3 * EM } else { 2 * EM };
                self.line(j).page == page
                    && !self.latin[j]
                    && self.widths[j] + room >= wide
                    && self.widths[j] <= wide + 2
            })
            && wide >= self.cols[k - 1] + 4 * EM
            && self.widths[k] + 3 * EM <= wide
            && self.headline_text(k)
            && !self.heads_nothing(k)
    }

    /// Is line `k` within two em of the column, or stretched? Widths measured
    /// on text are off by an em or more (squeezed punctuation, digits,
    /// letter-spacing the extractor did not show), so a line that goes on
    /// needs no more.
    fn near_full(&self, k: usize) -> bool {
        self.line(k).ev.stretched() || self.widths[k] + 2 * EM >= self.cols[k]
    }

    /// Would line `k`, starting a unit, start a headline block: short, no
    /// sentence end, not a dateline, not an attribution in brackets, not the
    /// first line of a paragraph.
    fn heading_start(&self, k: usize) -> bool {
        self.heading[k]
    }

    /// Does line `k`, `w` wide, stop clearly short of the column: by two
    /// em; in Latin text by a fifth of the column too, as ragged or
    /// justified lines measured in characters stop a few letters short
    /// (unless its words are a title-case heading's, looked at last).
    fn clearly_short(&self, k: usize, w: usize) -> bool {
        let col = self.cols[k];
        w + 2 * EM <= col
            && (!self.latin[k]
                || (w + col / 5 <= col && !self.full(k))
                || heading_words(self.text(k)))
    }

    /// A CJK line after a sentence end, short of the column by its lost
    /// two-em indent and no more than three quarters of an em besides (a
    /// column is not always a whole number of em: a half-width quote
    /// widens some lines), over a line within two em of the column (a line
    /// may stop an em short where the next starts with a mark that cannot
    /// begin a line): a paragraph's first line, whatever its words
    /// (`去年5月15日，本报发表了` / `记者在山东茌平县采写的调查报` / `告，…`).
    fn indented_first_line(&self, k: usize) -> bool {
        let (w, col) = (self.widths[k], self.cols[k]);
        !self.latin[k]
            && k >= 1
            && chars::ends_sentence(self.text(k - 1))
            && w + 2 * EM <= col
            && w + 2 * EM + 3 * EM / 4 > col
            && self.kept.get(k + 1).is_some_and(|_| {
                self.line(k + 1).page == self.line(k).page
                    && !self.latin[k + 1]
                    && self.widths[k + 1] + 2 * EM > self.cols[k + 1]
            })
    }

    /// A Latin line of title-case words that fills the column, between a
    /// finished sentence, a colon whose listing was left out, or the
    /// start, and a capital: a heading that happens to be as wide as the
    /// column (`Backing up the Configuration` / `Most of the meta-data…`).
    fn latin_full_heading(&self, k: usize) -> bool {
        self.latin[k]
            && (k == 0 || chars::ends_sentence_or_colon(self.text(k - 1)))
            && self
                .texts
                .get(k + 1)
                .and_then(|t| first_char(t))
                .is_some_and(char::is_uppercase)
            && heading_words(self.text(k))
    }

    /// Is line `k`, whatever its shape, no headline? A column's label and
    /// a colon open a paragraph (`点评：…`); a table's row (cells set apart
    /// by tabs) heads nothing; nor does a numbered item's or section's
    /// line (`二、落实主体责任` is a paragraph of its article: see
    /// `numbered-heading`), nor a byline of its own (`本报记者 张三`), nor
    /// the editor's credit (`责任编辑：张三`).
    fn heads_nothing(&self, k: usize) -> bool {
        let t = self.text(k);
        label_lead(t)
            || (self.tabs && t.contains('\t'))
            || (!self.latin[k] && enumerator(t).is_some())
            || crate::bylines::is_byline_line(t)
            || crate::bylines::is_editor_credit(t)
    }

    /// [`Ctx::heading_start`], computed once per line.
    fn compute_heading_start(&self, k: usize) -> bool {
        // (The cheap tests of [`Ctx::heads_nothing`] first: most lines
        // leave here or at the shape tests below.)
        if label_lead(self.text(k)) || (self.tabs && self.text(k).contains('\t')) {
            return false;
        }
        // Nor does an item of a Latin list: a bulleted line with lines of
        // the same bullet near it (`• First item` / `• Second item`). (CJK
        // headlines set their subtitles so: `●500公里朝发夕归` / `●1500公里…`.)
        if self.latin[k]
            && let Some(mark) = bullet(self.text(k))
            && (k.saturating_sub(4)..(k + 5).min(self.kept.len()))
                .any(|j| j != k && bullet(self.text(j)) == Some(mark))
        {
            return false;
        }
        // A full line without a clause mark over a headline's line clearly
        // short of the column, without one either (a line whose
        // justification the extractor dropped looks short, but its clauses
        // give it away): were it a paragraph's first line, that one
        // would end the paragraph without a sentence end. A headline's
        // first line (`山东打假动了真格谁敢说情就地免职` / `天津学生向全`).
        let full_over_short = !self.headline[k]
            && !self.latin[k]
            && self.full(k)
            && k + 1 < self.kept.len()
            && self.headline[k + 1]
            && self.line(k + 1).page == self.line(k).page
            && ![k, k + 1].iter().any(|&i| {
                self.text(i)
                    .contains(|c: char| chars::is_clause_end(c) || chars::is_sentence_end(c))
            })
            && !self.indented_first_line(k)
            && self.headline_text(k);
        // (A line shaped like a paragraph's first line whose indent was
        // lost is none when the next line has that shape too: a paragraph
        // has no inner line short of the column without a sentence end.)
        if !(self.headline[k] || full_over_short)
            || (self.para_start_shape(k) && !self.para_start_below(k))
        {
            return false;
        }
        if self.heads_nothing(k) {
            return false;
        }
        if self.block_head[k] {
            return true;
        }
        // The printed line may go on over lines that start with closing
        // punctuation (`坝顶有个“露天展览馆”` / `，由几个带顶的圆柱组`).
        let (j, w) = self.printed_line(k);
        // A lone line wider than the column: a headline over several columns.
        let wide = j == k && self.wider_than_column(k) && self.line(k).ev.chars <= 40;
        let clearly_short = self.clearly_short(k, w) || self.latin_full_heading(k);
        // A CJK line that stopped where the next line's Latin word would
        // not have fitted is full, however short (`这个 "Debian 参考手册` /
        // `(version 2.100)"`).
        // Nor is a line set in by an indent that runs to the column's end
        // within an em: a paragraph's first line, not a line centred
        // under its headline (`墨释放首` / `批萨帕塔分子` / `  墨西哥…`).
        // (A subtitle's bullet, `●500公里朝发夕归`, may be set in as far.)
        // (Widths count half a cell as two: the indent's cells count so.)
        let indent = 2 * self.line(k).ev.indent;
        let clearly_short = clearly_short
            && !(!self.latin[k]
                && indent > 0
                && indent <= 2 * EM
                && w + indent + EM >= self.cols[k]
                && bullet(self.text(k)).is_none()
                && !NUMBERED_PART.is_match(self.text(k)))
            && !(j == k
                && !self.latin[k]
                && self
                    .texts
                    .get(k + 1)
                    .and_then(|t| first_char(t))
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '(' | '"' | '\''))
                && self.full(k));
        if !(clearly_short || wide || full_over_short) {
            return false;
        }
        // A line after which body text goes on inside a word (`…在很多人看`
        // / `来，难以两全。`) is the start of that text, however short.
        // So is a line of clauses over a full line that ends a sentence:
        // the rest of a paragraph of two lines; or over a shorter one that
        // does, the paragraph's last line (`市交通局相关负责人介绍，新线路将
        // 于下` / `月起陆续开通。`, in a text wrapped anywhere).
        // (A list of nouns with `、` is a clause too when the next line has
        // clauses of its own: prose on both sides of the break.)
        let clause = (k..=j).any(|i| self.text(i).contains(['，', '；']))
            || (self.text(k).contains('、')
                && self
                    .texts
                    .get(j + 1)
                    .is_some_and(|t| t.contains(['，', '；', '、'])));
        // (Under a line that could be a headline too, only after a clause;
        // the word search runs once.)
        let n = j + 1;
        // A Latin line of words, not a title-case heading's, over a line
        // that goes on in lower case: a sentence goes on (`We now have two`
        // / `“virtual disks”, sized…`); after a heading a sentence starts.
        // Nor is a line of prose, three words in lower case or more, that
        // runs on into the next line without a mark between (`A "covered
        // work" means either the unmodified` / `Program or a work…`).
        if self.latin[k]
            && n < self.kept.len()
            && self.latin[n]
            && self.text(k).split_whitespace().nth(1).is_some()
            && !heading_words(self.text(k))
            && (self
                .text(n)
                .trim_start_matches(['“', '‘', '"', '\'', '(', '['])
                .starts_with(char::is_lowercase)
                || (prose_words(self.text(k)) >= 3
                    && last_char(self.text(k)).is_some_and(char::is_alphanumeric)))
        {
            return false;
        }
        let body_goes_on = n < self.kept.len()
            && (!self.headline[n] || clause)
            && (starts_with_fragment(self.text(n))
                || self.splits_word(n)
                || (clause
                    && chars::ends_sentence(self.text(n))
                    && (self.near_full(n) || self.widths[n] < self.widths[k])));
        !body_goes_on
    }

    /// The last line and the width of the printed line that line `k`
    /// starts: the extractor split it before closing punctuation where a
    /// quotation closed (`候“新年好”` / `，还要说一声“新世纪好”` / `，更要`).
    fn printed_line(&self, k: usize) -> (usize, usize) {
        let (mut j, mut w) = (k, self.widths[k]);
        while let Some(c) = self.texts.get(j + 1).and_then(|t| first_char(t)) {
            if chars::class(c) != Class::CjkClose || self.line(j + 1).page != self.line(j).page {
                break;
            }
            j += 1;
            w += self.widths[j];
        }
        (j, w)
    }

    /// Could line `k`'s text be (part of) a headline: no sentence end, no
    /// dateline or credit, not stretched, no clause or bracket left open.
    fn headline_text(&self, k: usize) -> bool {
        let t = self.text(k);
        let l = self.line(k);
        // A full stop anywhere: a headline has none.
        // (A Latin heading may ask a question or exclaim: `RAID or LVM?`,
        // `Hello, World!`.)
        let question = self.latin[k] && t.ends_with(['?', '!']) && heading_words(t);
        if l.ev.stretched()
            || l.ev.soft_hyphen_end
            || (chars::ends_sentence(t) && !question)
            || t.contains(['。', '｡'])
            || self.dateline[k]
            // (nor the start of one split over two lines: `新华社莫斯科12
            // 月30日` / `电（记者 孙占林）`)
            || self.dateline_on[k]
            || self.credit_end[k]
        {
            return false;
        }
        if matches!(first_char(t), Some('（' | '(' | '【' | '['))
            && matches!(last_char(t), Some('）' | ')' | '】' | ']'))
        {
            return false;
        }
        if is_date_only(t) {
            return false;
        }
        // Nor with the ordinal prefix `第`, which needs its number.
        if last_char(t).is_some_and(|c| chars::is_clause_end(c) || c == '第') {
            return false;
        }
        // Nor does one end with a particle, conjunction or preposition that
        // needs its noun, after a clause mark (`…，可也不能全怪他们的愚钝和`).
        if t.contains(['，', '；']) && last_char(t).is_some_and(|c| NEEDS_NOUN.contains(&c)) {
            return false;
        }
        if one_char_clause_end(t) {
            return false;
        }
        // A numbered article of a law (`第八条…`) is a paragraph, not a
        // heading as a chapter's (`第七章…`) is.
        if NUMBERED_PART
            .find(t)
            .is_some_and(|m| m.as_str().ends_with(['条', '條', '款']))
        {
            return false;
        }
        // An item of a list that the line above announced (`：`) or whose
        // previous item it closed (`；`) is the list going on:
        // `院校学习毕业；` / `（二）接收` / `普通高等学校毕业生；`.
        if k > 0
            && matches!(last_char(self.text(k - 1)), Some('；' | '：' | ';' | ':'))
            && NUMBERED_PART.is_match(t)
        {
            return false;
        }
        // A line that starts with closing punctuation, ends with opening
        // punctuation or holds hardly a word continues something.
        if matches!(first_char(t).map(chars::class), Some(Class::CjkClose))
            || matches!(last_char(t).map(chars::class), Some(Class::CjkOpen))
        {
            return false;
        }
        let letters = t
            .chars()
            .filter(|c| matches!(chars::class(*c), Class::Han | Class::Letter | Class::Hangul))
            .take(2)
            .count();
        if letters < 2 && l.ev.chars > 1 {
            return false;
        }
        // A bracket left open (a byline going on) or closed without its
        // opening (a byline's end) is no headline.
        if t.matches(['（', '(']).count() != t.matches(['）', ')']).count() {
            return false;
        }
        // A quotation or title opened and not closed goes on, unless the
        // next line, short and unfinished too, closes it (a headline of two
        // lines: `河北衡水“三下` / `乡”变为“三扎根”`).
        for (o, c) in [('“', '”'), ('「', '」'), ('《', '》')] {
            if t.matches(o).count() > t.matches(c).count() {
                // (Not one that goes on in clauses after it: body text,
                // `在北京市百货大楼撞上“化妆品买50元送` / `15元”的“好事儿”，
                // 哈尔滨来的邹小`.)
                let closes = k + 1 < self.kept.len() && {
                    let n = self.text(k + 1);
                    n.find(c).is_some_and(|at| !n[at..].contains(['，', '；']))
                        && !chars::ends_sentence(n)
                        && self.widths[k + 1] + 3 * EM <= self.cols[k + 1]
                };
                if !closes {
                    return false;
                }
            }
        }
        !self.latin[k] || self.latin_heading(k)
    }

    /// Line `k` starts a block of lines printed without blank lines between
    /// them in a text that has blank lines between all others, every line
    /// of the block clearly short of the column and none ending a
    /// sentence: a headline of several lines.
    fn block_headline(&self, k: usize) -> bool {
        if !self.blank_separated || self.line(k).blanks_before == 0 {
            return false;
        }
        let mut n = 0;
        let mut j = k;
        while j < self.kept.len() && (j == k || self.line(j).blanks_before == 0) {
            if !self.headline[j]
                || self.latin[j]
                || self.line(j).ev.chars < 2
                || self.widths[j] + 2 * EM > self.cols[j]
            {
                return false;
            }
            n += 1;
            j += 1;
        }
        n >= 2
    }

    /// Lines `k..j` (at most three) have no blank line between them, a blank
    /// line before and after, could each be a headline line, and line `j`
    /// holds a dateline.
    fn boxed_headline_before_dateline(&self, k: usize) -> bool {
        // (Not a lone character: the end of the headline line above, which
        // the extractor set apart, `资本帝国主义阶` / `段`.)
        if self.line(k).ev.chars < 2 {
            return false;
        }
        let mut j = k;
        while j < self.kept.len() && (j == k || self.line(j).blanks_before == 0) {
            if j - k == 3 || !self.headline[j] || self.latin[j] {
                return false;
            }
            j += 1;
        }
        j < self.kept.len()
            && self.line(j).blanks_before > 0
            && self.dateline_on[j]
            && !self.dateline_on[j - 1]
    }

    /// Line `k` has the shape of a paragraph's first line whose indent was
    /// dropped: about two em short of the column, and the next line goes on
    /// like a paragraph (full, or ending a sentence).
    fn para_start_shape(&self, k: usize) -> bool {
        let col = self.cols[k];
        let w = self.widths[k];
        let bt = self.text(k);
        if chars::ends_sentence(bt) || self.latin[k] || k + 1 >= self.kept.len() {
            return false;
        }
        // A dateline starts a paragraph: the line above it ends one.
        if self.line(k + 1).page != self.line(k).page
            || (self.dateline_on[k + 1] && !self.dateline_on[k])
        {
            return false;
        }
        // Short of the column by about the two-em indent, or full once the
        // indent and the next line's first word are added back.
        let next = first_token_width(self.text(k + 1));
        let shape = (w + 4 * EM >= col || w + 2 * EM + next + 2 > col) && w + 3 * EM / 2 <= col;
        if !shape {
            return false;
        }
        // The next line may go on over lines that start with closing
        // punctuation: the extractor split one printed line where a
        // quotation closed or a full stop hung past the column (`候“新年好”`
        // / `，还要说一声“新世纪好”` / `，更要加上一句`, or `…“联合舰队”` /
        // `。目`). Its width and end are those of the printed line.
        let (j, w_next) = self.printed_line(k + 1);
        let hung_stop = (k + 2..=j + 1).any(|i| {
            self.texts
                .get(i)
                .and_then(|t| first_char(t))
                .is_some_and(chars::is_sentence_end)
        });
        hung_stop
            || self.line(k + 1).ev.stretched()
            || w_next + 2 * EM >= self.cols[k + 1]
            || chars::ends_sentence(self.text(j))
    }

    /// Is Latin line `k` a paragraph's first line whose indent was lost:
    /// not full (its next word would have fitted), no sentence end, over
    /// a full line? Inside a paragraph only the last line has room left.
    fn latin_para_start_shape(&self, k: usize) -> bool {
        let bt = self.text(k);
        k + 1 < self.kept.len()
            && self.latin[k]
            && self.latin[k + 1]
            && self.line(k + 1).page == self.line(k).page
            && !chars::ends_sentence(bt)
            && !bt.ends_with([':', ';', ','])
            && !hyphen_end(self.line(k))
            && !self.full(k)
            && self.full(k + 1)
            && !self.respaced(k)
            && 3 * self.cols[k] <= 4 * self.latin_line
    }

    /// Is Latin line `k` a paragraph's first line whose indent was lost,
    /// told by a word broken at its end: a typesetter breaks a word only
    /// where the line is full, so a line that does so well short of the
    /// column (an eighth of it, and five characters: counts of a
    /// proportional font are that far off), over a full line, was set in
    /// by an indent.
    fn latin_indented_hyphen(&self, k: usize) -> bool {
        let t = self.text(k).trim_end();
        let broken = self.line(k).ev.soft_hyphen_end
            || t.strip_suffix(['-', '\u{2010}'])
                .and_then(last_char)
                .is_some_and(char::is_lowercase);
        broken
            && k + 1 < self.kept.len()
            && self.latin[k]
            && self.latin[k + 1]
            && self.line(k + 1).page == self.line(k).page
            && first_char(self.text(k + 1)).is_some_and(char::is_lowercase)
            && 8 * self.widths[k] < 7 * self.cols[k]
            && 2 * self.widths[k] + 5 * EM <= 2 * self.cols[k]
            && 8 * self.widths[k + 1] >= 7 * self.cols[k + 1]
            && !self.respaced(k)
            && 3 * self.cols[k] <= 4 * self.latin_line
    }

    /// Does the line under `k` start a paragraph whose indent was lost:
    /// short of the column by the two-em indent, not ending a sentence,
    /// over a full line (CJK lines of a column are all as wide as it but
    /// a paragraph's first and last), its width known for sure.
    /// Is line `k` made of ideographs and full-width marks only, the
    /// characters whose width every font gives alike?
    fn measured(&self, k: usize) -> bool {
        self.text(k)
            .chars()
            .all(|c| chars::is_han(c) || chars::char_width(c) == 2)
    }

    /// Did line `k - 1`, of ideographs and full-width marks only (measured
    /// exactly), leave room for the ideograph that starts line `k`, which
    /// no closing mark follows (a printed line that stops an em short
    /// to keep a character with its closing mark moves both down)? Then
    /// it ended its paragraph.
    fn room_left(&self, k: usize) -> bool {
        let mut next = self.text(k).chars();
        self.flush_starts
            && self.measured(k - 1)
            && !self.line(k - 1).ev.stretched()
            && self.widths[k - 1] + EM <= self.cols[k - 1]
            && next.next().is_some_and(chars::is_han)
            && next.next().is_some_and(|c| {
                !matches!(
                    chars::class(c),
                    Class::CjkClose | Class::CjkOther | Class::Space
                )
            })
    }

    /// Is line `k` of ideographs and full-width marks (no Latin line,
    /// then) a full line of its column, neither indented nor a dateline,
    /// starting with an ideograph: unless paragraphs start flush, no
    /// paragraph's first line.
    fn continues_elsewhere(&self, k: usize) -> bool {
        self.line(k).ev.indent < 2
            && self.measured(k)
            && self.widths[k] + EM >= self.cols[k]
            && first_char(self.text(k)).is_some_and(chars::is_han)
            && !self.dateline_on[k]
    }

    /// Do the paragraphs of the text start flush? Of the CJK lines after
    /// a paragraph's last line (a sentence end three em short of the
    /// column at least) and over a full line, three at least and three
    /// in four are as wide as the column, not an indent short of it: the
    /// first line of a paragraph then looks like any other, and only the
    /// last line's room tells where it ended.
    fn flush_starts(&self) -> bool {
        let (mut flush, mut indented) = (0, 0);
        for k in 1..self.kept.len().saturating_sub(1) {
            let page = self.line(k).page;
            if self.latin[k]
                || self.latin[k - 1]
                || self.line(k - 1).page != page
                || self.line(k + 1).page != page
                || !chars::ends_sentence(self.text(k - 1))
                || self.widths[k - 1] + 3 * EM > self.cols[k - 1]
                || self.widths[k + 1] + EM < self.cols[k + 1]
                || !self.measured(k)
            {
                continue;
            }
            let (w, col) = (self.widths[k], self.cols[k]);
            if w + EM >= col {
                flush += 1;
            } else if w + 2 * EM + 1 >= col && w + 3 * EM / 2 <= col {
                indented += 1;
            }
        }
        flush >= 3 && flush >= 3 * indented
    }

    fn para_start_below(&self, k: usize) -> bool {
        let n = k + 1;
        if n + 1 >= self.kept.len()
            || self.latin[n]
            || self.line(n).ev.stretched()
            || self.line(n).page != self.line(k).page
            || chars::ends_sentence(self.text(n))
        {
            return false;
        }
        // Only ideographs and full-width marks measure true in every font
        // (quotes, dashes, digits and letters vary).
        let (w, col) = (self.widths[n], self.cols[n]);
        self.measured(n) && w + 2 * EM + 1 >= col && w + 3 * EM / 2 <= col && self.full(n + 1)
    }

    /// Did the extractor split one printed line before an opening quote
    /// (`…包括“一个网络、四个系统”。` / `“一个网络”就是指建立全国`: the
    /// quote's glyph sits apart)? The line before is not full, and the two
    /// together are as wide as the column, to an ideograph. The piece
    /// before must be wider than an indent and an ideograph: a paragraph's
    /// last line of two ideographs and the next one's first line without
    /// its indent are as wide as the column too.
    fn split_before_quote(&self, k: usize) -> bool {
        let (a, b) = (self.line(k - 1), self.line(k));
        if !matches!(first_char(self.text(k)), Some('“' | '「' | '『' | '‘'))
            || a.page != b.page
            || b.blanks_before > 0
            || self.latin[k]
            || (self.indents_informative && b.ev.indent >= 2)
            || self.full(k - 1)
        {
            return false;
        }
        let (wa, col) = (self.widths[k - 1], self.cols[k - 1]);
        let sum = wa + self.widths[k];
        wa >= 3 * EM && sum <= col && sum + EM >= col
    }

    /// What a join-or-break decision at line `k` saw, for `--explain`.
    fn evidence(&self, k: usize) -> String {
        let (a, b) = (self.line(k - 1), self.line(k));
        format!(
            "{:?} (w {} col {}{}) → {:?} (w {}{})",
            clip(self.text(k - 1), 12),
            self.widths[k - 1] as f64 / 2.0,
            self.cols[k - 1] as f64 / 2.0,
            if a.ev.stretched() { ", stretched" } else { "" },
            clip(self.text(k), 12),
            self.widths[k] as f64 / 2.0,
            if b.ev.indent > 0 {
                format!(", indent {}", b.ev.indent)
            } else {
                String::new()
            },
        )
    }

    /// Decide how line `k` follows line `k - 1`.
    fn decide(&self, k: usize, heading_block: bool, unit: &Unit) -> Decision {
        let (a, b) = (self.line(k - 1), self.line(k));
        let bt = self.text(k);
        // Closing punctuation the extractor put on a line of its own (a
        // quotation's `”` hanging past the column) belongs to the line
        // before: that line's end is what the break is decided on.
        // (Not in a vertical headline of one character per line.)
        let hanging = k >= 2 && self.line(k - 2).ev.chars > 1 && closing_only(self.line(k - 1));
        let joined;
        let at = if hanging {
            joined = format!("{}{}", self.text(k - 2), self.text(k - 1));
            joined.as_str()
        } else {
            self.text(k - 1)
        };
        let join = |rule: &'static str| Decision::Join(rule, self.separator(k, &unit.text));
        let brk = Decision::Break;
        // The words of one printed line, a line each.
        if self.run[k] == Run::Goes {
            return Decision::Join("word-per-line", Sep::Space);
        }
        // Fields, a label and its value a line (`From: Alice` / `To: Bob`,
        // `作者：张三` / `日期：…`), are lines of their own.
        if self.fields[k - 1] && self.fields[k] {
            return brk("field-line");
        }
        // A row of a table, its cells set apart by tabs, is a line of its
        // own.
        if self.tabs && (at.contains('\t') || bt.contains('\t')) {
            return brk("table-row");
        }

        // Datelines open a new paragraph (one split over two lines too).
        if self.dateline[k] || (self.dateline_on[k] && !self.dateline_on[k - 1]) {
            return brk("dateline");
        }
        // A Latin byline is a line of its own.
        if self.latin[k] && is_latin_byline(bt) {
            return brk("byline");
        }
        if self.latin[k - 1] && is_latin_byline(&unit.text) {
            return brk("byline-end");
        }
        // So is a CJK byline of its own, a role word and names
        // (`本报记者 张三` / `记者近日走访…`).
        if unit.lines.len() == 1 && !self.latin[k - 1] && crate::bylines::is_byline_line(at) {
            return brk("byline-end");
        }
        // Between a finished sentence and a dateline, a line that could be
        // a headline is one, however wide: the dateline's article's.
        if chars::ends_sentence(at)
            && self.dateline_on.get(k + 1) == Some(&true)
            && !self.dateline_on[k]
            && self.headline_text(k)
        {
            return brk("headline-before-dateline");
        }
        // A block of headline lines set apart by blank lines right before
        // a dateline is that article's headline, even where the text before
        // breaks off mid-sentence: its column goes on elsewhere (the
        // extractor printed the next article's head inside it).
        if b.blanks_before > 0 && !self.blank_separated && self.boxed_headline_before_dateline(k) {
            return brk("headline-before-dateline");
        }
        // A photo note on a line of its own belongs to the headline or
        // caption before it (`…喜迎新世纪` / `（附图片4张）`).
        if photo_note_start(bt) == Some(0) {
            return Decision::Join("photo-note", Sep::None);
        }
        // A credit on a line of its own after a finished sentence closes
        // that caption (`…更严格些。` / `本报记者 顾斌博 摄`).
        // One that the next line closes does so only where the text is
        // plainly a caption (`3、…`, `…图为…`): after a body paragraph such
        // a credit is a photo's printed elsewhere, a line of its own.
        // Nor does one after a paragraph of several sentences that no
        // number or `图为` marks as a caption: a caption says what the
        // photo shows in a sentence, a report's last paragraph is followed
        // by the credit of the report's photo, a line of its own
        // (`…共庆2001年新年。` / `（新华社记者兰红光摄）`).
        if (self.credit_only[k] || (self.split_credit_from(k) && is_caption(&unit.text)))
            && !self.credit_end[k - 1]
            && chars::ends_sentence(at)
            && (is_caption(&unit.text) || sentence_ends(&unit.text) < 2)
        {
            // A bracketed credit follows its sentence without a space.
            let sep = if bt.starts_with(['（', '(']) {
                Sep::None
            } else {
                Sep::Space
            };
            return Decision::Join("credit-after-caption", sep);
        }
        // A soft hyphen at the end: the word goes on.
        if a.ev.soft_hyphen_end {
            return join("soft-hyphen");
        }
        // A line never starts with closing punctuation nor ends with opening
        // punctuation in print: the extractor split the line there.
        if matches!(first_char(bt).map(chars::class), Some(Class::CjkClose)) {
            return join("closing-punct-start");
        }
        if matches!(last_char(at).map(chars::class), Some(Class::CjkOpen)) {
            return join("opening-punct-end");
        }
        // The ordinal prefix `第` and its number (`第` / `（一）项`): one
        // phrase.
        if at.ends_with('第') && starts_with_number(bt) {
            return join("ordinal-number");
        }
        // A colon and the quotation it introduces: one sentence.
        if matches!(last_char(at), Some('：')) && matches!(first_char(bt), Some('“' | '「')) {
            return join("colon-quote");
        }
        if self.split_before_quote(k) {
            return join("split-before-quote");
        }
        // One stretched line written a character per line, a sentence end
        // inside it or not: one line.
        if self.char_per_line_run(k).is_some_and(|(j, _)| j < k - 1) {
            return join("stretched-per-char");
        }
        // Vertical headline: one character per line.
        let one = |l: &Line| l.ev.chars == 1 && l.ev.first == Class::Han;
        if one(a) && one(b) {
            return join("vertical-headline");
        }
        // A run of one-character lines after a finished line is a vertical
        // headline; after a line that goes on, a column one character wide.
        if one(b) && k + 1 < self.kept.len() && one(self.line(k + 1)) && !one(a) {
            let goes_on = !chars::ends_sentence(at)
                && !self.line(k - 1).ev.stretched()
                && !is_bracketed_names(at)
                && !self.credit_end[k - 1];
            if !goes_on || heading_block {
                return brk("vertical-headline-start");
            }
        }
        if a.page != b.page {
            let indented = self.indents_informative && b.ev.indent >= 2;
            let upper = self.latin[k] && first_char(bt).is_some_and(char::is_uppercase);
            // (An attribution or a photo credit closing the page's last
            // article ends its paragraph: `…很大。` / `（黎蘭 夏秀艷）`.)
            let closed = self.credit_end[k - 1]
                || is_bracketed_names(at)
                || in_brackets(unit.text.trim())
                || ends_with_attribution(&unit.text);
            let goes_on = !closed
                && ((!chars::ends_sentence(at)
                    && (self.full(k - 1)
                        || last_char(at).is_some_and(chars::is_clause_end)
                        || self.widths[k - 1] + 2 * EM >= self.cols[k - 1]))
                    || (self.full(k - 1) && !self.para_start_shape(k) && !upper));
            // (Nor does it go on into a headline opening the next page.)
            return if goes_on && !indented && !self.heading_start(k) {
                join("page-continues")
            } else {
                brk("page-break")
            };
        }
        // mutool splits one visual line after a space.
        if self.doc.lines[self.kept[k - 1]].text.ends_with(' ') && !heading_block {
            return join("trailing-space");
        }
        // A bracket that a line opens and the short line under it closes,
        // set in by the extractor (`（本报贝尔格莱德1月` / `   1日电）`):
        // one piece, the indent no paragraph's.
        if closes_bracket(at, bt) {
            return join("bracket-closes");
        }
        if self.indents_informative && b.ev.indent >= 2 && b.ev.indent > a.ev.indent {
            return brk("indent");
        }
        // Lines in capitals that go on in capitals, the line before ending
        // no sentence: one paragraph set in capitals (a disclaimer), however
        // short its lines look (capitals are wide, and a justified line may
        // be written a word per line: `PROVIDE` / `LEGAL` / `SERVICES.`).
        if !chars::ends_sentence(at) && self.caps_prose(k) {
            return join("caps-paragraph");
        }
        if heading_block {
            if !unit.lines.is_empty() && self.heading_continues(k) {
                return join("headline-block");
            }
            return brk("headline-end");
        }
        if self.credit_end[k - 1] || credit_ends(&unit.text) {
            return brk("credit-end");
        }
        // A headline's photo note (`…硬币（图片）`) ends the headline.
        // Unless OCR set it inside a word of the body, whose end the line
        // after it holds (`…保持较快的发` / `（附图片1张）` / `展势头，…`).
        if photo_note_start(at).is_some() {
            let u = unit.text.as_str();
            let before = photo_note_start(u).and_then(|p| last_char(u[..p].trim_end()));
            if before
                .is_some_and(|l| first_char(bt).is_some_and(|r| self.written_together(l, r, k)))
            {
                return join("photo-note-inside");
            }
            return brk("photo-note-end");
        }
        // (The paragraph ends with the line above: its attribution may
        // have opened a line before, `…放心。”（本报西沙1月1` / `日零时电）`.)
        if is_bracketed_names(&unit.text)
            || is_bracketed_names(at)
            || ends_with_attribution(&unit.text)
        {
            return brk("attribution-end");
        }
        if (chars::ends_sentence(at) || matches!(last_char(at), Some('）' | ')')))
            && self.bracketed_names_from(k)
        {
            return brk("attribution-start");
        }
        // A dateline whose byline bracket closes at the line end: the body
        // starts on the next line, unless the line was stretched to the
        // column (`电 （ 记 者 马 晓 霖 ）`): then the paragraph goes on.
        if !a.ev.stretched()
            && matches!(last_char(at), Some('）' | ')'))
            && (is_dateline(&unit.text) || head_beside_dateline(&unit.text).is_some())
            // (OCR reads a bracket as `〈` or `〉` at times, or as a `《`
            // that no `》` closes: `讯《记者 李建兴)`.)
            && unit.text.matches(['（', '(', '〈']).count()
                + unit.text.matches('《').count().saturating_sub(unit.text.matches('》').count())
                == unit.text.matches(['）', ')', '〉']).count()
        {
            return brk("dateline-end");
        }
        // A reporter and place (`記者李大華／台北報導`) is a line of its own
        // before the body.
        if ["報導", "报导", "報道", "报道"]
            .iter()
            .any(|w| unit.text.trim_end_matches(['）', ')']).ends_with(w))
            && is_dateline(&unit.text)
        {
            return brk("dateline-end");
        }
        // A dateline whose colon introduces the report (`本报讯记者朱剑红报道：`
        // / `打假将成为…`) goes on into it, however short its line.
        if matches!(last_char(at), Some('：' | ':'))
            && unit.lines.len() <= 2
            && ["报道：", "報道：", "报导：", "報導："]
                .iter()
                .any(|w| unit.text.trim_end().ends_with(w))
            && is_dateline(&unit.text)
        {
            return join("dateline-report");
        }
        // An item numbered next after the one that opens the paragraph
        // starts one of its own after a one-line item or one that ended
        // its sentence or clause (`一、第一项` / `二、第二项`, `1. First
        // item` / `2. Second item`; not `…in section` / `4. The…`); so does a CJK list's first item after the colon that
        // announces it (`会议要求：` / `1.加强领导；`).
        if let Some((kind, n)) = enumerator(bt)
            && ((n >= 2
                && enumerator(unit.text.trim_start()) == Some((kind, n - 1))
                && (unit.lines.len() == 1
                    || chars::ends_sentence(at)
                    || matches!(last_char(at), Some('；' | ';'))))
                || (n == 1 && !self.latin[k] && matches!(last_char(at), Some('：' | ':'))))
        {
            return brk("next-item");
        }
        // A numbered section's heading, a phrase without a mark on a line
        // short of the column by more than a lost indent (three em), after
        // a sentence end or a colon, is
        // a paragraph of its own (`通知如下：` / `一、提高思想认识` /
        // `各地各部门要…`); not an item's first words that the extractor
        // wrote apart (`…毕业；` / `（二）接收` / `普通高等学校毕业生；`), nor
        // one that goes on into a word that needs the line's (`（一）选拔优秀
        // 士兵` / `和普通中学毕业生…`).
        if unit.lines.len() == 1
            && let Some((_, _, head)) = enumerated(at)
            && head.trim().chars().count() >= 4
            && !head.contains(|c: char| {
                chars::is_clause_end(c) || chars::is_sentence_end(c) || matches!(c, '：' | ':')
            })
            && self.widths[k - 1] + 3 * EM <= self.cols[k - 1]
            && !self.latin[k - 1]
            && k >= 2
            && (chars::ends_sentence(self.text(k - 2))
                || matches!(last_char(self.text(k - 2)), Some('：' | ':')))
            && !starts_with_fragment(bt)
            && !first_char(bt)
                .is_some_and(|c| NEEDS_NOUN.contains(&c) || ATTACHES_BEFORE.contains(&c))
        {
            return brk("numbered-heading");
        }
        // A numbered part (`第四十三条…`, `三、…`) after a finished
        // sentence or a chapter's heading starts a paragraph, even at a full
        // line's end.
        // (Latin items are the next rule's.)
        if !self.latin[k]
            && NUMBERED_PART.is_match(bt)
            && (chars::ends_sentence(at)
                || matches!(last_char(at), Some('：' | ':'))
                || (at.starts_with('第') && NUMBERED_PART.is_match(at) && !at.contains('，')))
        {
            return brk("numbered-part");
        }
        // A bulleted line starts an item: after an item with the same
        // bullet (`- item one` / `- item two`), a sentence end or a colon.
        if let Some(mark) = bullet(bt)
            && (bullet(unit.text.trim_start()) == Some(mark)
                || chars::ends_sentence(at)
                || matches!(last_char(at), Some('：' | ':')))
        {
            return brk("bullet-item");
        }
        // So does an enumerated item of Latin text (`(c) You must…`, `3.
        // Grant of Patent License.`, `ii) the…`) after a sentence end or a
        // clause (`…the Work; and`); after a colon a list may run on in
        // its sentence (`…dispose of: 1) Modifications…`).
        // (After a clause the item may start in lower case: `…Software;
        // or` / `(b) any new file…`.)
        if self.latin[k] {
            // (The unit's text: the extractor may have written the last
            // word of a justified line apart, `…the files;` / `and`.)
            let tail = unit.text.trim_end().trim_end_matches(',');
            let clause = at.ends_with(';') || tail.ends_with("; and") || tail.ends_with("; or");
            if let Some(m) = LATIN_ITEM.find(bt)
                && (clause
                    || (chars::ends_sentence(at)
                        && bt[m.end()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || "\"“'‘(".contains(c))))
            {
                return brk("numbered-item");
            }
        }
        // A stretched line was spread to the column: full, if its ink
        // comes within two em of it (a lone space before a full stop does not spread
        // a paragraph's short last line: `语法如下 。`).
        if a.ev.stretched() && self.widths[k - 1] + 2 * EM >= self.cols[k - 1] {
            return join("stretched-full");
        }
        let col_a = self.cols[k - 1];
        let ends = chars::ends_sentence(at)
            || matches!(last_char(at), Some('：' | ':' | '；' | ';' | '﹔' | '﹕'));
        if !ends {
            // Where blank lines stand between all lines, lines printed
            // without one between them that do not end a sentence are a
            // headline of several lines, whatever stands before it.
            if self.block_head[k] {
                return brk("block-headline");
            }
            // A Latin line that stops well short of the column without
            // finishing a sentence ends a title-case heading of a few
            // words (`Backing up the` / `Configuration` / `Most of the…`).
            if self.latin[k - 1] && !self.full(k - 1) && heading_words(&unit.text) {
                return brk("latin-heading-end");
            }
            // A Latin line of its own, without a sentence end, over a line
            // that opens a sentence with a capitalised function word (which
            // no sentence has inside it): a heading, whatever its case
            // (`ADDENDUM: How to use this License for your documents` /
            // `To use this License in a document…`).
            if unit.lines.len() == 1
                && self.latin[k - 1]
                && self.latin[k]
                && !at.ends_with(['-', ',', ';', '\u{AD}'])
                && !ends_wanting(at)
                && opens_sentence(bt)
            {
                return brk("latin-heading-before-sentence");
            }
            // A Latin line of its own after a finished sentence (or a
            // colon), clearly short of the column, over a capital that
            // opens a line of prose that is not: a heading in sentence case
            // (`Include items only when collecting doctests` / `Rustdoc’s
            // documentation tests can do some things…`). A paragraph does
            // not stop short without a mark.
            if unit.lines.len() == 1
                && self.latin[k - 1]
                && self.latin[k]
                && first_char(at).is_some_and(char::is_uppercase)
                && first_char(bt).is_some_and(char::is_uppercase)
                && at.split_whitespace().nth(1).is_some()
                && !at.ends_with(['-', ',', ';', '\u{AD}'])
                && !ends_wanting(at)
                && (k < 2 || chars::ends_sentence_or_colon(self.text(k - 2)))
                && self.clearly_short(k - 1, self.widths[k - 1])
                && !self.clearly_short(k, self.widths[k])
                && self.line(k).page == self.line(k - 1).page
            {
                return brk("latin-short-heading");
            }
            // A headline printed inside a column whose text goes on
            // elsewhere: a line clearly short of the column after a full
            // one of a paragraph (not a headline's first line), over a
            // paragraph's first line (a paragraph has no inner short line).
            if unit.lines.len() >= 2
                && b.ev.chars >= 4
                && !bt.starts_with(ATTACHES_BEFORE)
                && self.full(k - 1)
                && !self.latin[k]
                && self.heading_start(k)
                && self.widths[k] + 2 * EM <= self.cols[k]
                && self.para_start_below(k)
                && !self.splits_word(k)
            {
                return brk("headline-in-column");
            }
            // A headline over a block wider than the column above it
            // (`…印象。` / `推进国企改革` / a wider paragraph) ends
            // with its line.
            if unit.lines.len() == 1
                && k >= 2
                && chars::ends_sentence(self.text(k - 2))
                && self.heads_wider_block(k - 1)
            {
                return brk("headline-over-block-end");
            }
            // A line of its own after a break, without a sentence end, over
            // a paragraph's first line that lost its indent: a headline as
            // wide as the column or nearly (`他伸手探向盛著碧綠液體的杯子` /
            // `霍金衷心贊道︰，「你真有` / full lines). Were it a paragraph's
            // first line the line under it would be full.
            // So does a headline of two or three lines whose last is
            // clearly short, a blank line under it (`兰州数万名各族群众欢聚在母亲`
            // / `河畔` / / an indented paragraph): a paragraph that goes on
            // does not leave its line short.
            let headline_shape = match unit.lines.len() {
                1 => !self.indented_first_line(k - 1),
                2..=3 => {
                    b.blanks_before > 0
                        && !unit.text.contains(['。', '！', '？', '｡'])
                        && self.widths[k - 1] + 3 * EM <= self.cols[k - 1]
                }
                _ => false,
            };
            if headline_shape
                && !self.latin[k - 1]
                && self.para_start_below(k - 1)
                && self.headline_text(k - 1)
            {
                return brk("headline-over-paragraph");
            }
            // A page's first line, short of the column, without a sentence
            // end, where the page before ended its paragraph: a headline
            // over the columns (a paragraph going on from the page before
            // would fill its line).
            if unit.lines.len() == 1
                && k >= 2
                && self.line(k - 2).page != a.page
                && !self.latin[k - 1]
                && !self.full(k - 1)
                && self.widths[k - 1] + 2 * EM <= self.cols[k - 1]
                && self.headline_text(k - 1)
            {
                return brk("page-top-headline");
            }
            // A line of its own made of phrases set apart by spaces, each
            // longer than a name, that could be a headline: two headlines
            // printed side by side (`极地遥送爱国情 西沙灯语映碧波`), or
            // one of parallel phrases. Prose sets no spaces between its
            // phrases; a byline's names are shorter.
            if unit.lines.len() == 1
                && !self.latin[k - 1]
                && side_by_side(at)
                && self.headline_text(k - 1)
            {
                return brk("headlines-side-by-side");
            }
            // A Latin line that had room for the next line's first word
            // (with a third of the column to spare: character counts
            // misjudge a proportional font) was not wrapped but ended: a
            // heading or a line set on its own over a paragraph's full
            // first line (`1.1. "Contributor"` / `means each individual…`).
            // A heading wrapped over lines has a short line under it;
            // where blank lines set blocks apart, a blank line says the
            // same as a full line (`1.8. "License"` / / `means this
            // document.`). The unit's lines above are short too: a
            // heading's (`2. License Grants and Conditions` / `2.1. Grants`).
            // (The next word measured whole: `first_token_width` counts a
            // quotation mark on the CJK grid alone, `“virtual`, which the
            // margins of `full` are measured with.)
            let n = unit.lines.len();
            if self.latin[k - 1]
                && self.latin[k]
                && n <= k.min(3)
                && a.page == b.page
                && (k - n..k - 1).all(|j| !self.full(j) && 3 * self.widths[j] <= 2 * self.cols[j])
                && !at.ends_with(',')
                && !hyphen_end(a)
                && !self.full(k - 1)
                && 3 * self.cols[k - 1] <= 4 * self.latin_line
                && 3 * (self.widths[k - 1] + 2 + 2 * bt.split(' ').next().map_or(0, chars::width))
                    <= 2 * self.cols[k - 1]
                && (self.full(k) || self.blank_break(k))
                && !self.respaced(k - 1)
                && !self.respaced(k)
            {
                return brk("latin-unwrapped");
            }
            // A paragraph does not end in mid-sentence.
            return join("continues");
        }
        // After a sentence end, a line well short of the column (more than
        // a dropped indent) without a sentence end in it is no paragraph's
        // first or last line: a headline follows. So does a line wider than
        // the column by more than two em: a headline over columns.
        if chars::ends_sentence(at)
            && self.heading_start(k)
            && (self.widths[k] + 3 * EM <= self.cols[k] || self.wider_than_column(k))
        {
            return brk("headline-after-sentence");
        }
        // Nor does a paragraph go on from a sentence end into a line wider
        // than its column: no body line is, a headline over columns is,
        // even one whose word the line under it finishes (`…展现经典魅力尉健`
        // / `行李岚清与…`). (Where the line above is within the column: a
        // run of one-character lines makes the estimate of a column
        // meaningless.)
        if chars::ends_sentence(at)
            && !self.latin[k]
            && self.wider_than_column(k)
            && !self.wider_than_column(k - 1)
        {
            return brk("wide-after-sentence");
        }
        // In Latin text the same after a colon (what it announced, a
        // listing or a figure, was left out), for a title-case heading
        // that stops short itself (`…of Debian:` / `Security Updates`).
        if self.latin[k]
            && matches!(last_char(at), Some(':'))
            && !(title_case(&unit.text) && unit.text.split_whitespace().count() <= 12)
            && heading_words(bt)
            && (!self.full(k) || self.latin_full_heading(k))
            && self.heading_start(k)
        {
            return brk("headline-after-sentence");
        }
        // In Latin text a word and a colon at a line's end, then a capital:
        // the colon announced something set apart (a listing, a command, a
        // quotation), left out or on lines of its own; what follows is a
        // new paragraph. Within a paragraph a colon is followed by lower
        // case (`quite simple: data are…`). Title-case words after it are
        // a heading's, which the heading rules place (`…of Debian:` /
        // `Repositories` / `for Stable Users`).
        if self.latin[k - 1]
            && self.latin[k]
            && at
                .strip_suffix(':')
                .and_then(last_char)
                .is_some_and(|c| c.is_alphabetic() || c == ')')
            && first_char(bt).is_some_and(char::is_uppercase)
            && !title_case(bt)
        {
            return brk("latin-colon-end");
        }
        // In Latin text a sentence end where the text changes from lower
        // case to capitals throughout, or back: a paragraph set in capitals
        // (a licence's disclaimer) starts or ended there
        // (`…prior written permission.` / `THIS SOFTWARE IS PROVIDED BY`).
        if self.latin[k - 1]
            && self.latin[k]
            && chars::ends_sentence(at)
            && ((all_caps(bt) && at.chars().any(char::is_lowercase))
                || (all_caps(at)
                    && bt.chars().any(char::is_lowercase)
                    && first_char(bt).is_some_and(char::is_uppercase)))
        {
            return brk("caps-change");
        }
        // After a finished sentence, the last line of the text (or of its
        // page) that could be a headline is one, printed below its article:
        // body text that ended there would end a sentence. (Not in Latin
        // text, whose pages break mid-sentence after a sentence's end.)
        if chars::ends_sentence(at)
            && !self.latin[k]
            && self
                .kept
                .get(k + 1)
                .is_none_or(|_| self.line(k + 1).page != b.page)
            && self.headline_text(k)
        {
            return brk("headline-at-end");
        }
        // Within an em and a half of the column a line is as good as full
        // (widths measured on text are that far off); then the next line
        // decides: a paragraph start whose indent was lost, or more of it.
        // (A line of ideographs and full-width marks only measures true:
        // an em and a quarter, the room a line that could not start with
        // its next mark leaves, less the column's own uncertainty.)
        let slack = if self.measured(k - 1) {
            5 * EM / 4
        } else {
            3 * EM / 2
        };
        let nearly_full = !self.latin[k - 1] && self.widths[k - 1] + slack >= col_a;
        // A line of a character or two that ends no sentence, for which the
        // line above left room, and whose last character starts a word that
        // the next line finishes: the end of the printed line above, which
        // the extractor wrote apart (`化的国家瓜分完毕。` / `“世` /
        // `界中心”———欧洲强国`). No paragraph starts with such a line: its
        // first line is as wide as the column, less an indent.
        if !self.latin[k]
            && b.ev.chars <= 2
            && !chars::ends_sentence(bt)
            && self.widths[k - 1] + self.widths[k] <= col_a
            && k + 1 < self.kept.len()
            && self.line(k + 1).page == b.page
            && self.line(k + 1).ev.chars > 1
            && self.splits_word(k + 1)
        {
            return join("printed-line-end");
        }
        if !self.full(k - 1) && nearly_full && chars::ends_sentence(at) {
            return if self.near_full(k)
                && !self.para_start_shape(k)
                && !self.heading_start(k)
                && !self.room_left(k)
            {
                join("nearly-full")
            } else {
                brk("short-end")
            };
        }
        if nearly_full && !chars::ends_sentence(at) && !self.heading_start(k) {
            // A clause (`；`, `：`) at the end of a (nearly) full line goes on.
            return join("clause-continues");
        }
        // A sentence end over a blank line, in a text that prints blank
        // lines between some lines only (mutool between its blocks): the
        // paragraph ended, however full its last line.
        if chars::ends_sentence(at)
            && b.blanks_before > 0
            && self.blank_sparse
            && self.latin[k - 1]
            && self.latin[k]
            && a.page == b.page
        {
            return brk("blank-after-sentence");
        }
        // A sentence end where too few lines show the column's width (a
        // short text of a few lines) ended its paragraph: its line is
        // only as wide as the widest line (`今天天气很好。` / `明天也很好。`).
        if chars::ends_sentence(at)
            && !self.latin[k - 1]
            && !a.ev.stretched()
            && self.run[k - 1] == Run::No
            && !self.column_known(k - 1)
        {
            return brk("unknown-column");
        }
        if self.full(k - 1) || self.ends_char_per_line_run(k - 1) {
            // A clause (`；`, `：`) at a full line's end goes on; a sentence
            // end may end the paragraph, when the next line lost its indent.
            if chars::ends_sentence(at) && self.para_start_shape(k) {
                return brk("dropped-indent");
            }
            if chars::ends_sentence(at) && self.latin_para_start_shape(k) {
                return brk("latin-dropped-indent");
            }
            if chars::ends_sentence_or_colon(at) && self.latin_indented_hyphen(k) {
                return brk("latin-indented-hyphen");
            }
            if chars::ends_sentence(at) && self.heads_wider_block(k) {
                return brk("headline-over-block");
            }
            return join("full-line");
        }
        if self.filled_first_line(k, hanging, unit) {
            return join("filled-first-line");
        }
        brk("short-end")
    }

    /// Does a blank line stand before line `k` where the extractor's blank
    /// lines stand between paragraphs ([`blank_lines`])?
    fn blank_break(&self, k: usize) -> bool {
        self.line(k).blanks_before > 0 && self.blank_sparse
    }

    /// Do lines `k - 1` and `k` read as one paragraph in capitals: Latin
    /// lines of capitals on one page, with one more under them, no blank
    /// line between them that stands between paragraphs, `k` no numbered item's
    /// start, and the capitals going on to a sentence end (headings in
    /// capitals end none: `GNU GENERAL PUBLIC LICENSE` / `TERMS AND
    /// CONDITIONS FOR COPYING,` / `DISTRIBUTION AND MODIFICATION`)?
    fn caps_prose(&self, k: usize) -> bool {
        let page = self.line(k).page;
        let caps = |j: usize| {
            j < self.kept.len()
                && self.latin[j]
                && self.line(j).page == page
                && caps_line(self.text(j))
        };
        caps(k - 1)
            && caps(k + 1)
            && self.caps_to_end[k]
            && !self.blank_break(k)
            && !first_char(self.text(k)).is_some_and(|c| c.is_ascii_digit())
    }

    /// Is the line before `k` a paragraph's first line, its indent lost,
    /// that its sentence filled to the column's end: as wide as the column
    /// less the two-em indent, ending a sentence, and the line under it as
    /// wide as the column? That is no paragraph's first line (it would be
    /// short by the indent), so it goes on the paragraph
    /// (`这些青年表情严肃，每人手里都有一个文件夹。` / `他们是…`). A
    /// paragraph of one line so wide, the next one starting in the same way,
    /// would put an indent's width under it.
    fn filled_first_line(&self, k: usize, hanging: bool, unit: &Unit) -> bool {
        let (a, b) = (self.line(k - 1), self.line(k));
        let first = self.kept[if hanging { k - 2 } else { k - 1 }];
        if self.latin[k - 1]
            || self.latin[k]
            || unit.lines.first() != Some(&first)
            || a.page != b.page
            || self.blank_break(k)
            || (self.indents_informative && b.ev.indent >= 2)
            || !chars::ends_sentence(&unit.text)
        {
            return false;
        }
        // Digits and letters measure to half an em, and so does the
        // column's estimate where its lines hold them: a line of
        // ideographs, which measures true, is held to it within as much.
        let tol = EM / 2;
        let (wa, col) = (self.widths[k - 1], self.cols[k - 1]);
        wa + 2 * EM + tol >= col
            && wa + 2 * EM <= col + tol
            && self.widths[k] + EM / 2 >= self.cols[k]
    }

    /// Does line `k` end a run of three or more one-character lines that
    /// went on from an unfinished line: one stretched line that the
    /// extractor wrote a character per line (`…从全国铁路` / `工` / `作` /
    /// `会` / `议` / `获` / `悉` / `：`). The run is as good as a full line.
    fn ends_char_per_line_run(&self, k: usize) -> bool {
        self.char_per_line_run(k).is_some_and(|(j, _)| k - j >= 3)
    }

    /// The line before the run of one-character lines that line `k` is in,
    /// and the run's last line, when the run went on from an unfinished
    /// line as wide as the column (so: one stretched line written a
    /// character per line, `扑面而来的欢乐气` / `氛` / `。` / `在` / `广` /
    /// `场`, a sentence end inside it or not).
    fn char_per_line_run(&self, k: usize) -> Option<(usize, usize)> {
        let page = self.line(k).page;
        let one = |j: usize| self.line(j).ev.chars == 1 && self.line(j).page == page;
        if !one(k) {
            return None;
        }
        let mut j = k;
        while j > 0 && one(j) {
            j -= 1;
        }
        let mut end = k;
        while end + 1 < self.kept.len() && one(end + 1) {
            end += 1;
        }
        let ok = end - j >= 3
            && self.line(j).ev.chars > 1
            && self.line(j).page == page
            && !chars::ends_sentence(self.text(j))
            && self.near_full(j);
        ok.then_some((j, end))
    }

    /// A Latin line that may be a heading: few words, not ending in a
    /// function word or a hyphen, and the next line starts a sentence.
    fn latin_heading(&self, k: usize) -> bool {
        let t = self.text(k);
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() > 12 || t.ends_with(['-', ',', ';', ':', '(']) {
            return false;
        }
        let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        if FUNCTION_WORDS.contains(&last.as_str()) {
            return false;
        }
        if k + 1 < self.kept.len() {
            let next = self.text(k + 1);
            if first_char(next)
                .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '.' | ';' | ')'))
                && !self.heading_goes_on(k)
            {
                return false;
            }
        }
        true
    }

    /// Does a title-case heading go on from line `k` into the next, short
    /// line, which opens with a function word in lower case
    /// (`Repositories` / `for Stable` / `Users`)?
    fn heading_goes_on(&self, k: usize) -> bool {
        let (t, next) = (self.text(k), self.text(k + 1));
        let first = next.split_whitespace().next().unwrap_or_default();
        FUNCTION_WORDS.contains(&first)
            && self.latin[k + 1]
            && title_case(t)
            && title_case(next)
            && self.widths[k + 1] + 2 * EM <= self.cols[k + 1]
            && heading_words(&format!("{t} {next}"))
    }

    /// Line `k` starts a bracketed photo credit that the next line closes
    /// (`（新华社记者杨建华` / `摄）`), and nothing else.
    fn split_credit_from(&self, k: usize) -> bool {
        let t = self.text(k);
        self.kept.get(k + 1).is_some_and(|_| {
            let next = self.text(k + 1);
            closes_bracket(t, next)
                && crate::stages::despace::credit_start_of(&format!("{t}{next}")) == Some(0)
        })
    }

    /// Lines from `k` on (at most three) make a bracketed attribution.
    fn bracketed_names_from(&self, k: usize) -> bool {
        if !matches!(first_char(self.text(k)), Some('（' | '(')) {
            return false;
        }
        let mut t = String::new();
        for j in k..(k + 3).min(self.kept.len()) {
            t.push_str(self.text(j));
            if t.contains(['）', ')']) {
                return is_bracketed_names(&t);
            }
        }
        false
    }

    /// Does line `k` continue the headline block that line `k - 1` is in?
    fn heading_continues(&self, k: usize) -> bool {
        let b = self.line(k);
        let bt = self.text(k);
        // A byline of its own under a headline is no line of it
        // (`新春走基层` / `本报记者 张三`).
        if crate::bylines::is_byline_line(bt) {
            return false;
        }
        // Headlines are not hyphenated: a soft hyphen is body text.
        // Nor is a line with a full stop inside it (`…有升溫跡象。在美軍本月`):
        // a headline has none.
        // (Unless the line is as wide as the headline's line above, which
        // ran out of room in mid-phrase, and no body line as wide as the
        // column follows it: one block of a long headline set in its own
        // width, `西药是我们的弱项，中药才` / `是我们的强项。中药走向世` /
        // `界，必须组建“联合舰队”`.)
        let body_below = k + 1 < self.kept.len()
            && self.line(k + 1).blanks_before == 0
            && self.widths[k + 1] > self.widths[k] + 2 * EM;
        let same_block = b.blanks_before == 0
            && !body_below
            && !self.latin[k]
            && self.widths[k].abs_diff(self.widths[k - 1]) <= 1
            && self.widths[k - 1] + 2 * EM <= self.cols[k - 1]
            && !last_char(self.text(k - 1))
                .is_some_and(|c| chars::is_clause_end(c) || chars::is_sentence_end(c));
        // Nor does a headline end with a colon: a line ending with one over
        // a line of body text as wide as the column opens that text (a
        // salutation under a notice's title: `会议通知` / `各位同事：` /
        // `定于下周一…`).
        if b.ev.stretched()
            || b.ev.soft_hyphen_end
            || chars::ends_sentence(bt)
            || (bt.contains(['。', '｡']) && !same_block)
            || self.dateline[k]
            || (bt.trim_end().ends_with(['：', ':'])
                && body_below
                && self.widths[k + 1] + 2 * EM >= self.cols[k + 1])
        {
            return false;
        }
        // A Latin headline in title case does not go on into a line of
        // lower-case words (`Security Updates` / `Debian takes se-`), nor
        // one in capitals into one that is not (`GNU GENERAL PUBLIC
        // LICENSE` / `Version 3, 29 June 2007`), nor the other way round.
        // Nor does one go on into a numbered heading of its own (`2. License
        // Grants and Conditions` / `2.1. Grants`).
        if self.latin[k - 1]
            && self.latin[k]
            && ((title_case(self.text(k - 1)) && !title_case(bt))
                || (all_caps(self.text(k - 1)) && bt.chars().any(char::is_lowercase))
                || (all_caps(bt) && self.text(k - 1).chars().any(char::is_lowercase))
                || LATIN_ITEM.is_match(bt))
        {
            return false;
        }
        // A headline's line ending with the particle `的` goes on to the
        // noun it needs, across a blank line and clause marks
        // (`推进中药现代化必须正确处理继承与发展的` / `关系，“继承不泥古…”`),
        // when it ran out of room there: a line well short of its column
        // is a whole headline (`比起对别人的`).
        if !self.latin[k - 1]
            && self.text(k - 1).ends_with('的')
            && self.near_full(k - 1)
            && self.widths[k] <= self.cols[k]
            && self.headline_text(k)
        {
            return true;
        }
        // A blank line ends a headline block: where extractors print blank
        // lines between all lines, the lines of one headline are the ones
        // without (one block of the page).
        // Unless the break falls inside a word: a headline broken by its
        // own column width splits wherever the width ends
        // (`哈尔滨国` / `际冰雪节有看头`), a subtitle starts with a word.
        // Nor where the line is one character and a photo note: no
        // headline is one character, it ends the one above (`入新世` /
        // `纪（附图片8张）`).
        // Nor a lone ideograph that no other follows on a line of its own
        // (a vertical headline's): the end of the line above
        // (`老街区焕发出勃勃生` / `机`).
        let tail = photo_note_start(bt).is_some_and(|p| bt[..p].trim().chars().count() == 1)
            || (b.ev.chars == 1
                && first_char(bt).is_some_and(chars::is_han)
                && self
                    .kept
                    .get(k + 1)
                    .is_none_or(|_| self.line(k + 1).ev.chars > 1));
        if b.blanks_before > 0 && !(self.headline[k] && self.splits_word(k)) && !tail {
            return false;
        }
        // Nor does it go on into a line that splits a word with the body
        // line under it, (nearly) full: a paragraph's first line, short
        // where the extractor dropped its justification (`她指這些露宿者日`
        // / `間都會流連於冷氣場所，晚上`, `日間` a word of the page).
        if k + 1 < self.kept.len()
            && !self.headline[k + 1]
            && self.near_full(k + 1)
            && self.line(k + 1).page == b.page
            && self.splits_word(k + 1)
        {
            return false;
        }
        // A photo note ends the headline it belongs to (`…硬币（图片）`).
        if photo_note_start(self.text(k - 1)).is_some() {
            return false;
        }
        // A headline's line does not end with a clause mark (`不久前的一天，`),
        // nor with a clause of one character after one.
        if last_char(bt).is_some_and(|c| chars::is_clause_end(c) && !matches!(c, '：' | ':' | '﹕'))
            || one_char_clause_end(bt)
        {
            return false;
        }
        // Nor a date (under a signature: `中华人民共和国主席江泽民` /
        // `2000年12月28日`), nor a column's label, which stands on its own
        // (`为祖国守岁` / `编者的话`).
        if is_date_only(bt) || is_column_label(bt) || is_column_label(self.text(k - 1)) {
            return false;
        }
        // Nor does a numbered part's heading (`第八章附则` / `第一章总则`).
        if matches!(first_char(bt), Some('（' | '(')) || NUMBERED_PART.is_match(bt) {
            return false;
        }
        // A run of one-character lines is a vertical headline of its own.
        if b.ev.chars == 1 && k + 1 < self.kept.len() && self.line(k + 1).ev.chars == 1 {
            return false;
        }
        // Nor is a line of clauses within two em of the column: body text.
        // Nor one within two em of the column under a line of a third of
        // it or less: the headline was set in a narrow box, and the body
        // starts (`批萨帕塔分子` / `墨西哥恰帕斯州政府12月30日释放了首批…`).
        let body_wide = !self.latin[k]
            && self.near_full(k)
            && (bt.contains(['，', '；', '：']) || 3 * self.widths[k - 1] <= self.cols[k]);
        !(self.full(k) || body_wide) && self.widths[k] <= self.cols[k] && !self.para_start_shape(k)
    }

    /// Does the break before line `k` split a word of Han characters: the
    /// two characters on either side of it are written together in the
    /// lines around (the article under the headline uses its words).
    fn splits_word(&self, k: usize) -> bool {
        let (Some(l), Some(r)) = (last_char(self.text(k - 1)), first_char(self.text(k))) else {
            return false;
        };
        self.written_together(l, r, k)
    }

    /// Are the Han characters `l` and `r` written together in the lines
    /// around line `k` (other than the lines `k - 1` and `k`)?
    fn written_together(&self, l: char, r: char, k: usize) -> bool {
        if chars::class(l) != Class::Han || chars::class(r) != Class::Han {
            return false;
        }
        let mut pair = [0u8; 8];
        let n = l.encode_utf8(&mut pair).len();
        let m = r.encode_utf8(&mut pair[n..]).len();
        let pair = std::str::from_utf8(&pair[..n + m]).unwrap_or_default();
        let lo = k.saturating_sub(WORD_WINDOW);
        let hi = (k + WORD_WINDOW).min(self.kept.len());
        (lo..hi)
            .filter(|&j| j + 1 != k && j != k)
            .any(|j| self.text(j).contains(pair))
    }

    /// The separator where line `k - 1` and line `k` join.
    fn separator(&self, k: usize, unit: &str) -> Sep {
        let at = self.text(k - 1);
        let bt = self.text(k);
        let (Some(l), Some(r)) = (last_char(at), first_char(bt)) else {
            return Sep::None;
        };
        if self.line(k - 1).ev.soft_hyphen_end {
            // (The hyphen mutool printed for it goes.)
            return if at.ends_with(['-', '\u{2010}']) && self.dehyphenate != Dehyphenate::None {
                Sep::DropHyphen
            } else {
                Sep::None
            };
        }
        let (mut cl, mut cr) = (chars::class(l), chars::class(r));
        // Half-width punctuation that normalize folds once the lines are
        // joined (CJK on its other side) meets as the CJK mark it becomes:
        // `毕业;` / `(二)接收` join as `毕业；（二）接收`, without a space.
        let cjk_side = |c: Option<char>| c.is_some_and(|c| chars::class(c).is_cjk());
        if matches!(l, ',' | ':' | ';' | '!' | '?' | ')')
            && cjk_side(at.trim_end().chars().rev().nth(1))
            && (cr.is_cjk() || r == '(')
        {
            cl = Class::CjkClose;
        }
        if r == '(' && cjk_side(bt.chars().nth(1)) && cl.is_cjk() {
            cr = Class::CjkOpen;
        }
        // Latin words on both sides of a quotation mark or a spaced dash
        // that Latin text shares with CJK: a word space (`this` /
        // `“degraded mode”`, `(AP) —` / `A storm`).
        let latin = |c: Option<char>| c.is_none_or(|c| !chars::class(c).is_cjk());
        let before_l = at.chars().rev().nth(1);
        let after_r = bt.chars().nth(1);
        // (A hyphen with a space before it at a line's end is a dash too:
        // `the old harbour -` / `now a market`.)
        let dash = |c: char| matches!(c, '—' | '–');
        if (matches!(r, '“' | '‘') && !cl.is_cjk() && latin(after_r))
            || (matches!(l, '”' | '’') && !cr.is_cjk() && latin(before_l))
            || ((dash(l) || l == '-') && before_l.is_some_and(char::is_whitespace) && !cr.is_cjk())
            || (dash(r) && after_r.is_some_and(char::is_whitespace) && !cl.is_cjk())
        {
            return Sep::Space;
        }
        // A full-width word or number that the line end cut (`（Ｓｅ` /
        // `ｅｆｅｓｔ）`): its letters stand a cell each, as ideographs do.
        if self.line(k - 1).ev.wide_ends.1 && self.line(k).ev.wide_ends.0 {
            return Sep::None;
        }
        if cl.is_cjk() && cr.is_cjk() {
            if cl == Class::Han && cr == Class::Han && self.byline_space(at, bt) {
                return Sep::Space;
            }
            return Sep::None;
        }
        if cl == Class::Hangul || cr == Class::Hangul {
            return Sep::Space;
        }
        if cl.is_cjk() || cr.is_cjk() {
            let other = if cl.is_cjk() { cr } else { cl };
            let han = cl == Class::Han || cr == Class::Han;
            return match other {
                Class::Letter if han && self.doc.keep_cjk_letter_space => Sep::Space,
                // ASCII punctuation follows the letters' convention, as in
                // despace (`参考手册` / `(version 2.100)`).
                Class::Punct if han && self.doc.keep_cjk_letter_space => Sep::Space,
                Class::Digit if han && self.doc.keep_cjk_digit_space => Sep::Space,
                _ => Sep::None,
            };
        }
        // Latin meets Latin.
        if l == '-' && r.is_alphabetic() {
            return self.dehyphenate(at, bt);
        }
        if cl == Class::Digit && cr == Class::Digit {
            // A number split across lines in CJK text (OCR may have spread
            // its digits: `2 0` / `00年`).
            // What stands before the digits in the paragraph so far (a
            // number may come one digit a line: `5` / `0` / `0` / `多亿`).
            let before =
                unit.trim_end().chars().rev().find(|c| {
                    !chars::is_digit(*c) && !matches!(c, '.' | ',') && !chars::is_hspace(*c)
                });
            if before.is_some_and(|c| chars::class(c).is_cjk()) {
                return Sep::None;
            }
        }
        if l == '/' || matches!(cl, Class::Other) && matches!(cr, Class::Other) {
            return Sep::None;
        }
        Sep::Space
    }

    /// Inside a byline, names split across lines keep their space:
    /// `（全媒体记者` / `李寒露 通讯员`, `廖建冬` / `严洋超）`, but not a name
    /// cut in two: `（记者 许` / `芳雪 贾超英）`.
    fn byline_space(&self, at: &str, bt: &str) -> bool {
        let Some(open) = at.rfind(['（', '(']) else {
            return false;
        };
        let inside = &at[open..];
        if inside.contains(['）', ')']) {
            return false;
        }
        let n = |s: &str| s.chars().filter(|c| chars::class(*c) == Class::Han).count();
        if !crate::bylines::credit_roles()
            .iter()
            .any(|r| inside.contains(r))
        {
            // An attribution of two names split between lines:
            // `（贺强英` / `顾宁晓）`.
            let first = inside.trim_start_matches(['（', '(']);
            let Some(close) = bt.find(['）', ')']) else {
                return false;
            };
            let second = &bt[..close];
            let only_han =
                |s: &str| !s.is_empty() && s.chars().all(|c| chars::class(c) == Class::Han);
            return only_han(first)
                && only_han(second)
                && (2..=4).contains(&n(first))
                && (2..=4).contains(&n(second))
                && open == 0
                && bt[close..].chars().count() <= 1;
        }
        let last_tok = inside.rsplit(' ').next().unwrap_or("");
        let b_tok: &str = bt.split([' ', '）', ')']).next().unwrap_or("");
        let ends_with_role = crate::bylines::credit_roles()
            .iter()
            .any(|r| last_tok.ends_with(r));
        if ends_with_role {
            return (2..=4).contains(&n(b_tok));
        }
        let lt = n(last_tok.trim_start_matches(['（', '(']));
        (2..=4).contains(&lt)
            && (2..=4).contains(&n(b_tok))
            && (inside.contains(' ') || bt.contains(' '))
    }

    /// Join `…docu-` and `ment…`: drop the hyphen or keep it.
    fn dehyphenate(&self, at: &str, bt: &str) -> Sep {
        dehyphenate(self.dehyphenate, self.words, self.soft_breaks, at, bt)
    }
}

/// How a line ending with a hyphen (`at`) meets the next (`bt`) under
/// the dehyphenation `mode`, with the text's word counts and whether it
/// marks its break hyphens (`soft_breaks`).
fn dehyphenate(
    mode: Dehyphenate,
    words: &HashMap<String, usize>,
    soft_breaks: bool,
    at: &str,
    bt: &str,
) -> Sep {
    let prefix: String = at
        .trim_end()
        .trim_end_matches('-')
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let suffix: String = bt.chars().take_while(|c| c.is_alphabetic()).collect();
    let before_prefix = at
        .trim_end()
        .trim_end_matches('-')
        .chars()
        .rev()
        .nth(prefix.chars().count());
    let lower_start = suffix.chars().next().is_some_and(|c| c.is_lowercase());
    let plain_prefix = prefix.chars().all(|c| c.is_alphabetic()) && !prefix.is_empty();
    let glued_digit = before_prefix.is_some_and(|c| c.is_ascii_digit() || c == '-');
    match mode {
        Dehyphenate::None => Sep::None,
        Dehyphenate::All => {
            if lower_start && plain_prefix {
                Sep::DropHyphen
            } else {
                Sep::None
            }
        }
        Dehyphenate::Safe => {
            if !lower_start || !plain_prefix || glued_digit || prefix.chars().count() < 2 {
                return Sep::None;
            }
            // The next line goes on with a compound whose first word
            // is a word of the text (`peer-` / `to-peer`): the hyphen
            // is one of the compound's (not `roy-` / `alty-free`).
            if bt[suffix.len()..].starts_with('-')
                && words.get(&suffix.to_lowercase()).is_some_and(|&n| n > 0)
            {
                return Sep::None;
            }
            let joined = format!("{prefix}{suffix}").to_lowercase();
            let hyph = format!("{prefix}-{suffix}").to_lowercase();
            let nj = words.get(&joined).copied().unwrap_or(0);
            let nh = words.get(&hyph).copied().unwrap_or(0);
            if nj != nh {
                return if nj > nh { Sep::DropHyphen } else { Sep::None };
            }
            // Without that evidence a hyphen in an address or a path is
            // its own (`https://example.com/some-` / `path`): the pieces
            // join as they stand.
            let token = at
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            if token.contains(['/', '@']) || token.starts_with("www.") {
                return Sep::None;
            }
            // The text marks its break hyphens: this one is the text's.
            if soft_breaks {
                return Sep::None;
            }
            // No evidence either way: a compound of two words the text
            // uses on their own keeps its hyphen (`well-known`); a word
            // cut in pieces that are no words here loses it (`docu-ment`).
            let p = words.get(&prefix.to_lowercase()).copied().unwrap_or(0);
            let s = words.get(&suffix.to_lowercase()).copied().unwrap_or(0);
            if p > 0 && s > 0 {
                return Sep::None;
            }
            if matches!(
                suffix.as_str(),
                "en" | "and" | "or" | "und" | "oder" | "et" | "ou"
            ) {
                return Sep::None;
            }
            // `self-` before a word is a compound's (`self-` /
            // `assessment`); before a suffix it is a word's first
            // syllable (`self-` / `ish`, `less`, `hood`, `same`).
            if prefix.eq_ignore_ascii_case("self")
                && suffix.chars().count() >= 4
                && !["less", "hood", "same", "ishly", "ishness", "ies"]
                    .iter()
                    .any(|s| suffix.to_lowercase().starts_with(s))
            {
                return Sep::None;
            }
            Sep::DropHyphen
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// The units rejoin makes of `s`, with their roles.
    fn units(s: &str) -> Vec<Unit> {
        let mut doc = Document::parse(s);
        let mut t = Trace::new(false);
        run(&mut doc, &Config::default(), &mut t);
        doc.units
    }

    fn assert_no_headline(s: &str) {
        let u = units(s);
        assert!(u.iter().all(|u| u.role != Role::Heading), "{u:?}");
    }

    fn rejoin(s: &str) -> Vec<String> {
        rejoin_with(s, &Config::default())
    }

    fn rejoin_with(s: &str, cfg: &Config) -> Vec<String> {
        let mut doc = Document::parse(s);
        let mut t = Trace::new(false);
        crate::stages::despace::run(&mut doc, cfg, &mut t);
        run(&mut doc, cfg, &mut t);
        doc.units.into_iter().map(|u| u.text).collect()
    }

    const COLUMN: &str = "3 月中旬以来，新一轮疫情突袭长\n\n沙。在这场疫情防控的总体战、阻击战\n\n中，浏阳市工信局紧紧围绕工信中心工\n\n作，以“信心向党，兴工强企”党建工作\n\n品牌创建为抓手，不断激发党员队伍的\n\n创造力、凝聚力和战斗力。\n\n“统筹做好疫情防控和经济社会发\n\n展，既是一次大战，也是一次大考。”两\n\n条战线都不能输，浏阳市工信局以高度\n\n的责任感和使命感，积极作为，多举措\n\n工业企业 26 家。\n";

    #[test]
    fn joins_column_lines_and_finds_paragraphs() {
        let cfg = Config {
            cjk_latin_space: crate::config::CjkLatinSpace::Remove,
            ..Config::default()
        };
        let u = rejoin_with(COLUMN, &cfg);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].starts_with("3月中旬以来，新一轮疫情突袭长沙。"));
        assert!(u[0].ends_with("战斗力。"));
        assert!(u[1].starts_with("“统筹做好"));
        assert!(u[1].ends_with("工业企业26家。"));
    }

    #[test]
    fn a_short_text_keeps_its_sentences_apart() {
        // Two or three lines say nothing of a column: the widest one is no
        // full line, and a sentence at its end ends the paragraph, over a
        // blank line or not (the cleaned text, one paragraph a line, goes
        // through once more).
        for s in [
            "今天天气很好。\n\n明天也很好。\n",
            "今天天气很好。\n明天也很好。\n",
            "第一段。\r\n\r\n第二段。\r\n\r\n第三段。\r\n",
        ] {
            assert!(rejoin(s).len() >= 2, "{s:?}: {:?}", rejoin(s));
        }
        // A column of lines as wide goes on over a sentence end.
        let col = "新区今年将建成道路二十条，\n总长超过一百公里。二期工程\n下月开工，预计明年底前完\n成全部建设任务。\n";
        assert_eq!(rejoin(col).len(), 1, "{:?}", rejoin(col));
    }

    #[test]
    fn a_salutation_ending_with_a_colon_ends_no_headline() {
        // A notice's title over its salutation and a line of body text as
        // wide as the column: the salutation opens the body (as the second
        // pass over the cleaned text sees it, without blank lines).
        let s = "会议通知\n各位同事：\n定于下周一上午九点在三楼会议室召开全体会议，请准时参加。\n";
        let u = rejoin(s);
        assert_eq!(u[0], "会议通知", "{u:?}");
        assert!(u[1].starts_with("各位同事："), "{u:?}");
    }

    #[test]
    fn bulleted_lines_are_items_of_their_own() {
        for s in [
            "- install the package\n- edit the settings file\n- restart the service\n",
            "• 第一项内容\n• 第二项内容\n• 第三项内容\n",
            "Steps to take:\n* open the file\n* save it again\n",
        ] {
            assert_eq!(rejoin(s).len(), 3, "{s:?}: {:?}", rejoin(s));
        }
        // A number with a minus sign, and a box drawn with asterisks, go on.
        assert_eq!(
            rejoin("Temperatures fell to\n-5 degrees at night.\n").len(),
            1
        );
        let boxed = "* Covered Software is provided under this License on an *\n* basis, without warranty of any kind, either expressed, *\n* implied, or statutory. *\n";
        assert_eq!(rejoin(boxed).len(), 1, "{:?}", rejoin(boxed));
        // Items of a Latin list head nothing: none is moved over the
        // others as a headline.
        let s = "• First item of the list\n• Second item, which is a little longer and\nwraps onto a second line\n• Third item\n";
        assert_no_headline(s);
        let out = crate::clean(s, &Config::default()).text;
        assert_eq!(
            out,
            "• First item of the list\n• Second item, which is a little longer and wraps onto a second line\n• Third item\n"
        );
    }

    #[test]
    fn latin_prose_wrapped_in_a_paragraphed_text_is_joined() {
        // Most long lines end a sentence (the text reads as paragraphed),
        // but one stops in mid-sentence over a line in lower case.
        let s = "Chapter One\n\nIt was a dark and stormy night. The rain fell in\ntorrents, except at occasional intervals.\n\nChapter Two\n\nThe next morning was bright and the streets were dry.\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"It was a dark and stormy night. The rain fell in torrents, except at occasional intervals.".to_string()),
            "{u:?}"
        );
        // Items of a list, and commands, stay lines of their own.
        let s = "You may add terms to this License, as follows; you may choose any of these:\na) disclaiming warranty in the terms of this License; or\nb) requiring that notices be kept in that material.\nTo build it, type these commands one after another.\nsudo apt-get update\nsudo apt-get install build-essential\n";
        let u = rejoin(s);
        assert!(u.iter().any(|p| p.starts_with("b) requiring")), "{u:?}");
        assert!(u.contains(&"sudo apt-get update".to_string()), "{u:?}");
    }

    #[test]
    fn an_indented_line_to_the_columns_end_under_a_headline_starts_the_body() {
        // A headline centred over its column in two lines, then the first
        // line of the body: set in by its indent, it runs to the column's
        // end; the line under it stops short in mid-sentence.
        let s = "                              新区建设\n                            迈出新步伐\n  本市政府日前宣布启动新区建设规划，计划用五年时间建成一座\n现代化新城，总投资超过三百亿元，首批项目已经开工并且将\n在年内完工。市长在发布会上表示，新区将成为带动全市经济发展的\n新引擎，为市民创造更多就业机会，让群众共享城市发展的成果。\n";
        let u = rejoin(s);
        assert_eq!(u[0], "新区建设迈出新步伐", "{u:?}");
        assert_eq!(u.len(), 2, "{u:?}");
    }

    #[test]
    fn numbered_section_headings_are_paragraphs_of_their_own() {
        // A numbered heading, a phrase well short of the column after a
        // colon or a sentence end, is a paragraph of its article: not
        // joined to the text under it, not a headline of its own.
        let s = "为进一步加强安全生产工作，切实保障人民群众生命财产安全，现将\n有关事项通知如下：\n一、提高思想认识\n各地各部门要充分认识安全生产工作的重要性，把安全生产摆在\n突出位置。\n二、落实主体责任\n企业要严格落实安全生产主体责任。\n";
        let out = crate::clean(s, &crate::config::Config::default()).text;
        assert_eq!(
            out,
            "为进一步加强安全生产工作，切实保障人民群众生命财产安全，现将有关事项通知如下：\n一、提高思想认识\n各地各部门要充分认识安全生产工作的重要性，把安全生产摆在突出位置。\n二、落实主体责任\n企业要严格落实安全生产主体责任。\n"
        );
        // An item's first words on a line of their own go on into a word
        // that needs them.
        let u = rejoin(
            "各地应当按照下列方式选拔：\n（一）选拔优秀士兵\n和普通中学毕业生入军队院校学习毕业；\n（二）接收普通高等学校毕业生。\n",
        );
        assert_eq!(
            u[1], "（一）选拔优秀士兵和普通中学毕业生入军队院校学习毕业；",
            "{u:?}"
        );
    }

    #[test]
    fn a_lone_pages_number_is_dropped() {
        // One page (no form feed): its number between dashes or with its
        // word goes; a number alone may be the text's and stays.
        for foot in ["— 2 —", "-3-", "第4页"] {
            let u = rejoin(&format!("今天天气很好，市民纷纷外出游玩。\n\n{foot}\n"));
            assert_eq!(u, ["今天天气很好，市民纷纷外出游玩。"], "{foot}");
        }
        let u = rejoin("今天天气很好，市民纷纷外出游玩。\n\n2\n");
        assert_eq!(u.len(), 2, "{u:?}");
    }

    #[test]
    fn a_byline_under_a_headline_is_a_line_of_its_own() {
        // Not the headline's second line, not joined to the body under it.
        let s = "本报讯 今年全市经济运行总体平稳，主要指标好于预期，为全年\n目标任务完成奠定了坚实基础。（下转第三版）\n\n新春走基层\n本报记者 张三\n记者近日走访了多个社区。\n";
        let u = rejoin(s);
        assert_eq!(
            u[1..],
            ["新春走基层", "本报记者 张三", "记者近日走访了多个社区。"],
            "{u:?}"
        );
    }

    #[test]
    fn self_before_a_word_keeps_its_hyphen() {
        let none = HashMap::new();
        for (at, bt, want) in [
            ("covers self-", "assessment of", Sep::None),
            ("the staff and self-", "ish ways", Sep::DropHyphen),
            ("a self-", "less act", Sep::DropHyphen),
            ("the first chap-", "ter of", Sep::DropHyphen),
        ] {
            assert_eq!(
                dehyphenate(Dehyphenate::Safe, &none, false, at, bt),
                want,
                "{at:?}"
            );
        }
        // In a text read as paragraphed, a word's hyphen at a wrapped
        // line's end joins the lines too, by the same rules.
        let s = "The annual review of the department covers the budget, the staff and self-\nassessment of the managers, and it is published every spring for all.\nThe board reads it closely and asks the managers to answer in May.\n";
        let out = crate::clean(s, &Config::default()).text;
        assert!(
            out.contains("the staff and self-assessment of the managers"),
            "{out}"
        );
        assert_eq!(out.lines().count(), 2, "{out}");
    }

    #[test]
    fn a_short_latin_text_with_blank_lines_after_its_sentences_keeps_them_apart() {
        let s = "Parks\n\nThis spring the city opened twelve new parks and\nplanted eighty thousand trees across the town.\n\nOfficials said that more parks will follow next\nyear, to the delight of residents.\n\nThe parks will stay open all day and entry\nwill be free.\n";
        assert_eq!(
            rejoin(s)[1..],
            [
                "This spring the city opened twelve new parks and planted eighty thousand trees across the town.",
                "Officials said that more parks will follow next year, to the delight of residents.",
                "The parks will stay open all day and entry will be free.",
            ]
        );
    }

    #[test]
    fn blank_lines_between_all_paragraphs_end_paragraphs_not_articles() {
        // A title, its author and paragraphs, a blank line after each:
        // one article.
        let s = "春天的故事\n\n张三\n\n今年春天，全市新建公园十二座，市民们在公园里散步。\n\n有关部门表示，明年还将继续建设新公园。\n\n据了解，新建公园总面积达到三百多公顷。\n";
        let out = crate::clean(s, &Config::default()).text;
        assert_eq!(
            out,
            "春天的故事\n张三\n今年春天，全市新建公园十二座，市民们在公园里散步。\n有关部门表示，明年还将继续建设新公园。\n据了解，新建公园总面积达到三百多公顷。\n"
        );
        // Two blank lines end an article.
        let s = s.replace("\n\n据了解", "\n\n\n据了解");
        let out = crate::clean(&s, &Config::default()).text;
        assert!(out.contains("新公园。\n\n据了解"), "{out}");
    }

    #[test]
    fn a_heading_over_a_blank_line_heads_the_paragraph_under_it() {
        // Blank lines between all paragraphs: a chapter's heading and the
        // articles under it are one article, the next chapter another.
        let s = "第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于全市。\n\n第二章 管理\n\n第三条 各部门应当加强管理。\n";
        let out = crate::clean(s, &Config::default()).text;
        assert!(out.starts_with("第一章 总则\n第一条 为了规范管理"), "{out}");
        assert!(
            out.ends_with("\n\n第二章 管理\n第三条 各部门应当加强管理。\n"),
            "{out}"
        );
    }

    #[test]
    fn enumerators_are_read_with_their_numbering() {
        use Numbering::*;
        for (t, want) in [
            ("1. First item", Some((Dot, 1))),
            ("12．第十二项", Some((Dot, 12))),
            ("2.5亿元投资", None),
            ("3、第三", Some((Comma { han: false }, 3))),
            ("四十五、其他", Some((Comma { han: true }, 45))),
            ("十、附则", Some((Comma { han: true }, 10))),
            ("（二十）附则", Some((Parens { han: true }, 20))),
            ("(7) seven", Some((Parens { han: false }, 7))),
            ("8) eight", Some((Close { letter: false }, 8))),
            ("(c) the third", Some((ParenLetter, 3))),
            ("b) the second", Some((Close { letter: true }, 2))),
            ("③落实", Some((Circled, 3))),
            ("⒉ second", Some((Circled, 2))),
            ("2022年", None),
            ("一二三产业", None),
            ("(see below)", None),
            ("[12] A. Smith. Text.", Some((Brackets, 12))),
            ("[2, 3] showed", None),
            ("[a] note", None),
            ("", None),
        ] {
            assert_eq!(enumerator(t), want, "{t:?}");
        }
    }

    #[test]
    fn items_numbered_in_turn_are_paragraphs_of_their_own() {
        // Short items that end no sentence, after a colon or the item
        // before, in CJK and Latin numbering.
        for s in [
            "一、第一项\n二、第二项\n三、第三项\n",
            "（一）加强领导\n（二）落实责任\n（三）强化督导\n",
            "会议要求：\n1.加强领导；\n2.落实责任；\n3.强化督导。\n",
            "要求如下：\n①加强领导；\n②落实责任；\n③强化督导。\n",
            "1. Open the box\n2. Take out the device\n3. Plug it in\n",
        ] {
            let u = rejoin(s);
            assert!(u.len() >= 3, "{s:?}: {u:?}");
            assert_eq!(
                u.iter().filter(|p| enumerator(p).is_some()).count(),
                3,
                "{s:?}: {u:?}"
            );
        }
        // A paper's references, after its text.
        let s = "Efficient Text Cleaning for Large Corpora\n\nAbstract\nWe present a method for cleaning text extracted from PDF\ndocuments. Our approach handles hyphenation, column lay-\nout and page furniture.\n\n1 Introduction\nText extraction from PDF files is a common first step in\nbuilding corpora [1]. However, extracted text contains many\nartifacts.\n\n2 Related Work\n2.1 Rule-based approaches\nEarly systems relied on hand-written rules [2, 3].\n\nReferences\n[1] A. Smith. Text extraction. In Proc. ACL, 2019.\n[2] B. Jones. Rules for cleaning. J. Text, 12(3):45–67, 2018.\n[3] C. Lee and D. Kim. A survey. arXiv:2001.01234, 2020.\n";
        let u = rejoin(s);
        assert_eq!(u.iter().filter(|p| p.starts_with('[')).count(), 3, "{u:?}");
        // A number out of turn at a line's start goes on in its paragraph.
        let u = rejoin("（一）选拔优秀士兵和普通中学毕业生入军队\n（三）由文职干部改任；\n");
        assert_eq!(u.len(), 1, "{u:?}");
    }

    #[test]
    fn a_line_of_clauses_over_a_paragraphs_last_line_is_no_headline() {
        // A text wrapped where the writer liked: a line with a clause, short
        // of the widest line (a dateline with its byline's spaces), over a
        // shorter line that ends the sentence, is the paragraph's, not a
        // headline.
        let s = "市区新增公交线路\n本报讯（记者 张三 通讯员 李四）记者从市交通局获悉，今年我市\n将新增公交线路十条，方便市民出行。\n市交通局相关负责人介绍，新线路将于下\n月起陆续开通。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[2], "市交通局相关负责人介绍，新线路将于下月起陆续开通。");
    }

    #[test]
    fn stretched_line_ending_with_full_stop_does_not_end_paragraph() {
        let s = "为 缓 解 疫 情 对 企 业 的 影 响 ，浏 阳\n市深入开展纾困增效千企帮扶行动，出\n工 作 的 通 知》，从 多 方 面 助 企 纾 困 。\n2022 年一季度为企业招聘外地来浏务\n工人员二点八万人为企业授信亿元。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
    }

    #[test]
    fn headline_block_and_vertical_headline() {
        let s = "为贯彻落实市党代会精神，工信局党组\n\n在全体党员中开展“信心向党，兴工强\n\n企”党建工作创品牌活动，努力打造一\n\n支党性素质强、工作效率高的干部队伍，\n\n新增规模工业企业二十六家。\n\n党建引领，全力战“疫”，高效\n完成保障工作\n\n2022 年 2 月中旬 ，疫情处于平稳 。\n\n为贯彻落实市党代会精神，工信局党组\n\n在全体党员中开展党建工作创品牌活动，\n\n努力打造一支党性素质强的干部队伍。\n\n水\n清\n景\n美\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"党建引领，全力战“疫”，高效完成保障工作".to_string()),
            "{u:?}"
        );
        assert!(u.contains(&"水清景美".to_string()), "{u:?}");
        assert_eq!(u.len(), 4, "{u:?}");
    }

    #[test]
    fn stretched_line_written_a_character_per_line_is_a_full_line() {
        // mutool wrote the stretched line `议 获 悉 ：` a character per
        // line; the paragraph goes on after its colon.
        let body =
            "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通顺畅多了。\n";
        let s = format!(
            "{body}{body}{body}本报北京1月1日讯记者王政从全国铁路工作会\n议\n获\n悉\n：\n到2005年，我国将建成线路总长达到1\n.4万公里的铁路快速客运网，届时旅客\n乘坐火车，在主要干线城市间朝发夕归。\n{body}{body}"
        );
        let u = rejoin(&s);
        assert!(u.iter().any(|p| p.contains("获悉：到2005年")), "{u:?}");
        // A sentence ends inside such a line: the next goes on in it.
        let s = format!(
            "{body}{body}{body}记者走进广场时，感受到扑面而来的欢乐气\n氛\n。\n在\n广\n场\n北侧舞台上，几位流行歌手欢歌劲舞，演唱\n着一支支动听的歌曲。台下观众陶醉其中。\n{body}{body}"
        );
        let u = rejoin(&s);
        assert!(
            u.iter().any(|p| p.contains("欢乐气氛。在广场北侧")),
            "{u:?}"
        );
    }

    #[test]
    fn headline_below_its_article_at_the_end() {
        // The last line, as wide as the column, has no sentence end.
        let s = "沙特阿拉伯政府去年宣布零赤字\n预算，即今年的政府预算案。预\n算总额为五百七十三亿美元。如\n果这些措施得以落实，但愿零赤\n字预算方案会结出令人欣喜的硕\n果，让人们都看到新的希望。\n沙特告别预算赤字的艰难时代\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[1], "沙特告别预算赤字的艰难时代");
        // Latin text goes on over a page break after a sentence's end.
        let s = "The system was set up in a hurry. It was\nnot tested at all before its release. The\n\x0cnew version fixes that for good.\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
    }

    #[test]
    fn bracketed_headline_an_em_wider_than_the_column() {
        // `「練得銅皮鐵骨」露宿早慣蚊叮`: ideographs and CJK brackets, a
        // full em over the column, is a headline, not a paragraph's start.
        let s = "中心幹事賴淑芬說，該處露宿\n者約有數人，且流動性很大，\n不易統計。近日天氣炎熱，露\n宿者有所增多。\n（黎蘭 夏秀艷）\n「練得銅皮鐵骨」露宿早慣蚊叮\n她指這些露宿者日間都會流連\n於冷氣場所，晚上才到遊樂場\n露宿，但礙於遊樂場晚上關門\n，他們只可在外圍打地鋪。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"「練得銅皮鐵骨」露宿早慣蚊叮".to_string()),
            "{u:?}"
        );
    }

    #[test]
    fn stretched_lines_do_not_narrow_the_column() {
        // Stretched lines measure narrower than their column (the spaces
        // that spread them do not count); the full line after a sentence
        // end is no headline wider than the column.
        let s = "不少消费者是冲着“打折”来逛夜场的。\n家住广安门的李先生一家三口在王府井从吃完\n晚 饭 一 直 转 悠 到 夜 里 12 时 ， 买 了 三 件 平\n时看着眼热的皮大衣，一人一件，直接穿上了\n身 。 “ 给 打 了 六 七 折 哪 ！ ” 李 先 生 喜 滋 滋 地\n说 ， 这 样 的 好 事 一 年 也 难 得 碰 上 几 回 。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("家住广安门的李先生一家三口在王府井从吃完晚饭"),
            "{u:?}"
        );
    }

    #[test]
    fn stretched_lines_floor_the_column_where_they_are_most_lines() {
        // An extractor that spaces out every justified line leaves only
        // the short last lines of paragraphs unstretched: they are no
        // measure of the column.
        let s = "我 们 今 天 去 公 园 散\n步 ， 看 到 很 多 人 在\n湖 边 跳 舞 唱 歌 ， 大\n家都非常开心。\n下 午 我 们 去 了\n图 书 馆 借 书 ， 读 了\n一 本 关 于 历 史 的 新\n书，很有意思。\n晚 上 回 家 做 饭\n吃 完 饭 后 一 起 看 电\n视 ， 然 后 早 早 睡 觉\n了，真好。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[1].starts_with("下午我们去了图书馆"), "{u:?}");
        // A headline between such paragraphs is as wide as the column or
        // wider, and stands alone.
        let s = "我 们 今 天 去 公 园 散\n步 ， 看 到 很 多 人 在\n湖 边 跳 舞 唱 歌 ， 大\n家都非常开心。\n周末图书馆人满为患\n下 午 我 们 去 了\n图 书 馆 借 书 ， 读 了\n一 本 关 于 历 史 的 新\n书，很有意思。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "周末图书馆人满为患", "{u:?}");
    }

    #[test]
    fn long_headline_block_goes_on_across_its_full_stop() {
        // A headline written in sentences, wrapped at its own width: its
        // second line, as wide as the first, holds a full stop.
        let s = "城市是我们的家园，绿化才\n是我们的责任。植树造林需\n要全社会共同参与“绿色行动”\n\n春天到来之后，全市各区县纷纷组织市民参加植\n树活动，广大干部群众热情高涨，积极投身到国\n土绿化事业中来。据统计，今年全市共栽植各类\n苗木一百二十万株，成活率达到百分之九十五。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(
            u[0],
            "城市是我们的家园，绿化才是我们的责任。植树造林需要全社会共同参与“绿色行动”"
        );
        // A body line under a headline, as wide by chance, whose next line
        // fills the column, is the paragraph's first line.
        let s = "去年全市共栽植各类苗木一百二十万株，成活率达到百\n分之九十五，城区绿化覆盖率提高了三个百分点。\n全市植树造林活动全面展开\n春天来后，各区县行动。在\n全市各区县纷纷组织市民参加植树活动，广大干部群\n众热情高涨，积极投身到国土绿化事业中来。\n";
        let u = rejoin(s);
        assert_eq!(u[1], "全市植树造林活动全面展开", "{u:?}");
    }

    #[test]
    fn headline_line_does_not_end_with_a_comma() {
        let s = "拦海造田\n不久前的一天，\n摄制组一行从阿姆斯特丹出发，奔向这凝聚着荷兰人\n战天斗地精神的伟大拦海造田工程，开始了采访。\n";
        let u = rejoin(s);
        assert_eq!(u[0], "拦海造田", "{u:?}");
        assert!(u[1].starts_with("不久前的一天，摄制组"), "{u:?}");
    }

    #[test]
    fn headline_after_a_full_line_ending_a_sentence() {
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n新区学校开学\n今年秋季，新区三所学校同时开学，可容纳\n学生五千余人。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "新区学校开学");
    }

    #[test]
    fn block_headline_in_blank_separated_text() {
        // Blank lines between all lines but the two of a headline, which
        // follows a headline line as wide as the column.
        let body =
            "大桥全长三千米，历时四年建成，今天正式\n\n通车，市民纷纷前来参观，交通更加顺畅。\n\n";
        let s = format!(
            "{body}{body}{body}新区学校开学典礼今天上午在体育馆隆重举行\n\n新区三所学\n校同时开学\n\n{body}{body}"
        );
        let u = rejoin(&s);
        assert!(u.contains(&"新区三所学校同时开学".to_string()), "{u:?}");
        // Where blank lines stand between some lines only, a block is no
        // headline by that alone.
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅\n新区三所学\n校同时开学。\n";
        assert_eq!(rejoin(s).len(), 1);
    }

    #[test]
    fn quotations() {
        // A colon and its quotation on the next line: one paragraph.
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车。市长在仪式上说：\n“大桥通车后，两岸往来更加方便。”\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
        // A short line with a quotation left open is no headline…
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车。\n“感谢建设者，感谢\n每一位付出辛劳的工人，大桥今天通车了。”\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        // …unless the next short line closes it: a headline of two lines.
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n河北衡水“三下\n乡”变为“三扎根”\n近年来，衡水将三下乡作为事关全\n局的大事来抓，建立网络，巩固阵地，提高\n工作的水平。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"河北衡水“三下乡”变为“三扎根”".to_string()),
            "{u:?}"
        );
        // Not a line that goes on in clauses after closing it: body text.
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车。\n在大桥旁边的商场遇上“购物满50元\n送15元”的“好事儿”，外地来的王\n女士一下子买了好几件衣服，说要送给家里人。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].contains("满50元送15元"), "{u:?}");
    }

    #[test]
    fn latin_title_case_headline_stops_at_lower_case_text() {
        assert!(title_case("Security Updates"));
        assert!(title_case("Setting up RAID"));
        assert!(!title_case("Debian takes security"));
        let s = "The archive holds the packages of every\nrelease that is still supported today.\nStable\nSecurity Updates\nDebian takes se\u{AD}\ncurity seriously and fixes its problems\nin a reasonable time frame for users.\n";
        let u = rejoin(s);
        assert!(u.iter().any(|x| x == "Stable Security Updates"), "{u:?}");
        // A heading whose first line ends with a function word, stopping
        // well short of the column, before the body.
        let s = "Backing up the\nConfiguration\nMost of the meta-data concerning RAID\nvolumes are saved directly on the disks\nthat make up these arrays, so that the\nkernel can detect the arrays at boot.\n";
        let u = rejoin(s);
        assert_eq!(u[0], "Backing up the Configuration", "{u:?}");
        assert_eq!(u.len(), 2, "{u:?}");
        // A heading as wide as the column: title case, after a finished
        // sentence, before a capital.
        let s = "Backing up the Configuration\nMost of the meta-data of RAID\nvolumes is saved directly on\nthe disks that make up these\narrays, which the kernel reads.\n";
        let u = rejoin(s);
        assert_eq!(u[0], "Backing up the Configuration", "{u:?}");
        assert_eq!(u.len(), 2, "{u:?}");
        // Not a line of a sentence that goes on.
        let s = "They said it works. Most of the\nBackup Tools Handle Configuration\nFiles well enough for most users.\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
        // After a colon whose listing was left out.
        let s = "Here is a standard sources.list for a system\nrunning the Stable version of Debian:\nSecurity Updates\nDebian takes security seriously. Known\nsoftware vulnerabilities in Debian are\ntracked in the Security Bug Tracker.\n";
        let u = rejoin(s);
        assert!(u.contains(&"Security Updates".to_string()), "{u:?}");
        // Not a few words of a sentence that go on.
        assert!(!heading_words("RAID is"));
        assert!(!heading_words("Anyone can use"));
        assert!(!heading_words("Setting"));
        assert!(heading_words("Setting up LVM"));
    }

    #[test]
    fn latin_colon_then_capital_ends_paragraph() {
        // What the colon announced (a listing) was left out: a full line
        // ending in a colon, then a sentence, are two paragraphs.
        let s = "We initially have the following disks and\npartitions that we will use below as follows:\nWe are going to use these physical elements\nto build two volumes, one of them a mirror.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].ends_with("as follows:"), "{u:?}");
        // A colon within a sentence goes on in lower case: one paragraph.
        let s = "The general principle of the whole system is\nquite simple, and it is stated in one line:\ndata are stored on several physical disks\ninstead of only one, for redundancy.\n";
        assert_eq!(rejoin(s).len(), 1);
        // Nor does a time or an address at a line's end break it.
        let s = "The members of the committee came to the hall\nearly, and the meeting of the whole committee\nbegan at the stroke of eleven past 10:\n30 in the morning and went on until noon when\nthe chairman closed it with a short speech.\n";
        assert_eq!(rejoin(s).len(), 1);
    }

    /// Greedy wrap at `col` characters, as a monospaced layout does.
    fn wrap(text: &str, col: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for w in text.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + w.len() > col {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out.push('\n');
        out
    }

    #[test]
    fn blank_line_after_a_sentence_ends_a_paragraph_where_blanks_are_few() {
        // Paragraphs set apart by space, printed with a blank line between
        // them, the last line of the first full to the column.
        let first = "The committee met on Tuesday to review the\nannual budget for the new library and the\nthree schools of the northern district, and\nit approved the plan for the coming years.\n";
        let second = "Work on the library starts in the spring\nand should be finished before the end of\nthe year, when the schools move in as well.\n";
        let text = format!("{first}\n{second}\n{first}");
        let u = rejoin(&text);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[0].ends_with("the coming years."), "{u:?}");
        // Where blank lines stand between the pieces of lines too, a blank
        // line after a full stop is no evidence.
        let split = text.replace("the\n", "the\n\n").replace("and\n", "and\n\n");
        let u = rejoin(&split);
        assert!(u.len() < 3, "{u:?}");
    }

    #[test]
    fn latin_line_with_room_for_the_next_word_was_not_wrapped() {
        // A term's line without a sentence end over its definition's full
        // first line: the definition's first word would have fitted.
        let def = "means any person or company that sells goods or services to the buyer under an order placed through the purchasing office, together with its agents";
        let mut text = String::new();
        for (n, term) in ["Supplier", "Buyer", "Order", "Goods"].iter().enumerate() {
            text.push_str(&format!("2.{}. \"{term}\"\n", n + 1));
            text.push_str(&wrap(&format!("{def} and its successors in title."), 60));
        }
        let u = rejoin(&text);
        assert_eq!(u.len(), 8, "{u:?}");
        assert_eq!(u[2], "2.2. \"Buyer\"", "{u:?}");
        assert!(u[3].starts_with("means any person"), "{u:?}");
        // Over a short definition set apart by a blank line, as blocks are
        // where blank lines are few; under a section's heading line.
        let text2 = format!(
            "{text}\n2.5. \"Licence\"\n\nmeans this document.\n\n3. Terms of Delivery\n3.1. Place\n{}",
            wrap(def, 60)
        );
        let u = rejoin(&text2);
        assert_eq!(u[8], "2.5. \"Licence\"", "{u:?}");
        // (Numbered headings stand apart.)
        assert_eq!(u[10], "3. Terms of Delivery", "{u:?}");
        assert_eq!(u[11], "3.1. Place", "{u:?}");
        assert!(u[12].starts_with("means any person"), "{u:?}");
        // A heading wrapped over two short lines stays one.
        let text = format!("Terms used in\nthis agreement\n{text}");
        let u = rejoin(&text);
        assert!(u[0].starts_with("Terms used in this agreement"), "{u:?}");
    }

    #[test]
    fn latin_first_line_that_lost_its_indent_starts_a_paragraph() {
        // After a full line ending a sentence, a line with room for its
        // next word (the indent was dropped) over a full line.
        let p1 = "The council met on Monday to discuss the new bus routes for the eastern part of town, which the residents asked for.";
        let p2 = "Work on the first route starts in May, and the second follows once the new depot is ready for the buses in autumn.";
        let indented = wrap(&format!("xxxxx {p2}"), 39);
        let second = indented.strip_prefix("xxxxx ").unwrap();
        let text = format!("{}{second}", wrap(p1, 39)).repeat(8);
        let u = rejoin(&text);
        assert_eq!(u.len(), 16, "{u:?}");
        assert_eq!(u[1], p2, "{u:?}");
    }

    #[test]
    fn latin_prose_line_that_runs_on_is_no_heading() {
        // A paragraph's first line, short (its indent lost, a proportional
        // font), of prose words running on into a capital: no heading.
        let s = "0. Terms.\n\"This Agreement\" refers to the third edition of the Harbour\nBoard Rules.\n\"Vessel\" also means any boat, barge or raft that moves\non the water of the harbour, such as ferries and tugs.\n\"The Board\" refers to any harbour authority\ndeclared under this Agreement. Each member is addressed as\n\"you\". \"Members\" and \"skippers\" may be private persons or\ncompanies.\nTo \"moor\" a vessel means to tie down or anchor all or\npart of the vessel in a place requiring written\npermission, other than the making of a short stop. The\nresulting berth is called a \"licensed berth\" of the earlier\nowner or a berth \"based on\" the past owner.\nA \"covered boat\" means either the registered\nHarbour or a boat towed by the Harbour.\nTo \"dock\" a vessel means to do anything with it\nthat, without permission, would make you directly or\nsecondarily liable for damage under the applicable\nharbour rules, except tying it to a buoy or\nmooring it at a private quay. Docking includes loading,\nunloading (with or without a crane), making\nthe vessel ready for the sea, and in some ports other\nactivities as well.\nTo \"berth\" a vessel means any kind of docking\nthat enables other vessels to pass or to moor. Mere\n";
        let u = rejoin(s);
        assert!(
            u.iter().any(|u| u == "A \"covered boat\" means either the registered Harbour or a boat towed by the Harbour."),
            "{u:?}"
        );
    }

    #[test]
    fn latin_heading_in_capitals_does_not_go_on_into_other_case() {
        let s = "HARBOUR BOARD RULES\nVersion 3, 12 May 2021\nPreamble\nEveryone who sails into the bay is asked to\nread what follows with care. The text explains\nwhat a skipper must do before entering and\nleaving, and what the pilots expect of the\ncrews they guide through the channel at night.\nTerms and Conditions\n1. These Harbour Board Rules of 12 May 2021\napply in the harbour. The Board may change the\nHarbour Board Rules at any time, and the Rules\nas changed apply from the day the Board\npublishes them in the harbour office of the\nBoard.\n2. The Harbour Board Rules of 12 May 2021 bind\nevery vessel in the harbour, and the Board\nenforces the Harbour Board Rules through its\nharbour masters.\n";
        let u = rejoin(s);
        assert_eq!(u[0], "HARBOUR BOARD RULES", "{u:?}");
        // An acronym alone is no line in capitals (`LVM` / `Over Time`).
        let s = s.replace("HARBOUR BOARD RULES\n", "LVM\nOver Time\n");
        let u = rejoin(&s);
        assert!(u[0].starts_with("LVM Over Time"), "{u:?}");
    }

    #[test]
    fn a_paragraph_in_capitals_after_a_sentence_end_is_one_paragraph() {
        // Capitals are wider than lower case: the lines of a paragraph set
        // in capitals look short beside the others. It starts at the
        // sentence end where the case changes, and it is no heading.
        let first = "Boats may use the harbour at night when the pilots on duty agree to guide them through the channel and the harbour master has given written leave for it.";
        let caps = "THE BOARD GIVES THIS LEAVE AS IT STANDS AND WITHOUT ANY PROMISE, AND NO PILOT OR MASTER SHALL ANSWER FOR ANY LOSS OR HARM THAT COMES OF IT, WHATEVER ITS CAUSE.";
        let last = "Skippers who sail without leave answer for what they do in the harbour and pay the fees that the Board sets for such cases each year.";
        let text = format!("{}{}{}", wrap(first, 40), wrap(caps, 30), wrap(last, 40));
        let u = rejoin(&text);
        assert_eq!(u, [first, caps, last], "{u:?}");
        // The same with its lines narrower still, one written a word per
        // line, under a heading: the heading stays apart.
        let caps_lines = wrap(caps, 24).replacen(
            "NO PILOT OR MASTER SHALL\n",
            "NO\nPILOT\nOR\nMASTER\nSHALL\n",
            1,
        );
        assert!(caps_lines.contains("\nPILOT\n"), "{caps_lines}");
        let text = format!(
            "{}Rules for the Night Pilots\n{caps_lines}{}",
            wrap(first, 40),
            wrap(last, 40)
        );
        let u = rejoin(&text);
        assert_eq!(u.len(), 4, "{u:?}");
        assert_eq!(u[2], caps, "{u:?}");
        // Headings in capitals that end no sentence are no such paragraph.
        let text = format!(
            "{}HARBOUR RULES FOR THE\nNIGHT PILOTS OF THE BOARD\nTERMS OF USE FOR BOATS\n{}",
            wrap(first, 40),
            wrap(last, 40)
        );
        let u = rejoin(&text);
        assert!(!u.iter().any(|u| u.contains("BOARD TERMS")), "{u:?}");
    }

    #[test]
    fn a_latin_line_that_breaks_a_word_well_short_of_the_column_was_indented() {
        // A paragraph's last line is full; the next one's first line breaks
        // a word (`har-`) twelve characters short of the column: it was set
        // in by the indent the extractor dropped. (Twenty lines of text
        // and more measure the document's lines.)
        let body = "The pilots guide every boat that enters the harbour at night and the harbour master keeps a record of each of their trips so that the Board can see how busy the channel was in the year and how many pilots it will need in the next.";
        let lead = wrap(&[body; 7].join(" "), 61);
        let tail = "Skippers who want a pilot ask for one at the har-\nbour office before noon on the day they mean to sail, and the\noffice tells them which pilot will meet them at the outer buoy.\n";
        let last = lead.lines().last().unwrap();
        assert!(last.len() >= 55 && last.ends_with('.'), "{last}");
        let u = rejoin(&format!("{lead}{tail}"));
        assert!(
            u.iter()
                .any(|u| u
                    .starts_with("Skippers who want a pilot ask for one at the harbour office")),
            "{u:?}"
        );
        // So after a colon (a list's item, `a) Accompany it with the…`).
        let colon = format!("{}:\n", lead.trim_end().strip_suffix('.').unwrap());
        let item = tail.replace("Skippers who", "b) skippers who");
        let u = rejoin(&format!("{colon}{item}"));
        assert!(
            u.iter().any(|u| u.starts_with("b) skippers who want")),
            "{u:?}"
        );
        // Five characters short at the least: counts of a proportional
        // font vary by that much.
        let tail = tail.replace(
            "ask for one at the har-",
            "ask for one at the office of the har-",
        );
        let u = rejoin(&format!("{lead}{tail}"));
        assert!(!u.iter().any(|u| u.starts_with("Skippers")), "{u:?}");
    }

    #[test]
    fn a_latin_heading_does_not_go_on_into_a_numbered_heading() {
        let s = "Harbour Board Rules Version 2.0\n1. Definitions\n1.1. \"Pilot\"\nmeans each person whom the Board has licensed to guide\nboats through the channel at night.\n2. Duties of the Pilots and Crews\n2.1. Guidance\nEach pilot guides the boats given to him by the office\nof the harbour master, in the order the office sets.\n";
        let u = rejoin(s);
        assert_eq!(u[0], "Harbour Board Rules Version 2.0", "{u:?}");
        assert_eq!(u[1], "1. Definitions", "{u:?}");
        assert!(
            u.iter().any(|u| u == "2. Duties of the Pilots and Crews"),
            "{u:?}"
        );
    }

    #[test]
    fn latin_margin_measured_on_the_document() {
        // Evenly set text: lines that go on overflow with their next word,
        // so a line that had room for it ends its paragraph, even when it
        // is nearly as wide as the column.
        let body = "the kernel provides a block device file similar to the ones corresponding to a hard disk drive or a partition and when an application requires access to a block of such a device the appropriate subsystem routes the block to the relevant physical layer";
        let first = format!("{body} {body} and so the data ends up in the right place.");
        let second = format!("Depending on the configuration {body}.");
        let text = format!("{}{}", wrap(&first, 40), wrap(&second, 40));
        let last = wrap(&first, 40).lines().last().unwrap().len();
        assert!((26..=30).contains(&last), "{last}");
        let u = rejoin(&text);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("Depending"), "{u:?}");
    }

    #[test]
    fn a_headline_over_a_wider_block_stands_apart() {
        // A narrow column's paragraph ends on a full line; the next
        // article's headline, nearly as wide as that column, heads
        // paragraphs twice as wide.
        let narrow = "春节前夕，全市各大商场人\n流如织，年货销售十分火\n爆。各类节日商品琳琅满\n目，老百姓的菜篮子更加丰\n富，各地纷纷举办迎春灯\n会，市民扶老携幼前去观\n赏，夜市小吃摊前排起了长\n队，商户们笑得合不拢嘴。\n据了解，今年灯会共展出彩\n灯三百余组，吸引游客逾百\n万人次，带动周边餐饮住宿\n收入明显增长，节日市场繁\n荣有序，城乡群众欢欢喜喜\n过了一个欢乐祥和的好年。\n";
        let wide = "全省今年植树造林又创新高\n今年开春以来，全省各地组织干部群众义务植树，截\n至目前已完成造林面积三百余万亩，比去年同期增长一成\n多，其中城乡绿化工程占到了总面积的四成以上。\n省林业部门负责人介绍，今年将继续推进荒山绿化和\n农田林网建设，力争全年新增造林面积五百万亩，森林覆\n盖率再提高一个百分点，为建设生态强省打下坚实的基\n础，让群众共享绿色发展成果。与此同时，各地还广泛开\n展认建认养活动，机关干部、企业职工和青少年学生走上\n山头种下了新苗，一些市县还建起了纪念林和志愿者林，\n护林员队伍不断壮大。\n";
        let u = units(&format!("{narrow}{wide}"));
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[1], "全省今年植树造林又创新高", "{texts:?}");
        assert_eq!(u[1].role, Role::Heading, "{u:?}");
        assert!(texts[2].starts_with("今年开春以来"), "{texts:?}");
    }

    #[test]
    fn a_paragraph_cut_by_an_article_read_inside_it_goes_on() {
        // The extractor read the article set above the paragraph's next
        // column between its columns: the paragraph stops on a full line
        // that ends no sentence, and goes on, after the article, with a
        // full line (no indent) of its own words.
        let a = "城乡公交一体化全面推进\n  今年以来，全市加快推进城\n乡公交一体化建设，新开通镇村\n公交线路三十余条，覆盖全部行\n政村，群众出行难问题得到有效\n缓解。\n  为方便群众出行，市交通部\n门还在各镇设立了公交换乘中\n心，实行城乡公交统一票价，乘\n客只需一元即可到达市区，每天\n乘坐镇村公交的群众超过两万人\n次，节假日期间客流更是成倍增\n\n";
        let x = "古镇迎来旅游旺季\n\n本报杭州5月2日讯（记者 王明）\n  五一假期，千年古镇游人如\n织，各家民宿提前一周就已订\n满，古镇管委会增派了志愿者为\n游客提供服务。\n";
        let rest = "长，公交公司及时加密班次，保\n障了群众平安出行。\n";
        let strip = |s: &str| s.replace("\n  ", "\n");
        for text in [format!("{a}{x}{rest}"), strip(&format!("{a}{x}{rest}"))] {
            let u = units(&text);
            let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
            let at = |p: &str| texts.iter().position(|t| t.starts_with(p));
            assert!(
                texts
                    .iter()
                    .any(|t| t.contains("客流更是成倍增长，公交公司") && t.ends_with("平安出行。")),
                "{texts:?}"
            );
            assert!(at("古镇迎来") < at("城乡公交"), "{texts:?}");
            assert!(at("本报杭州") < at("城乡公交"), "{texts:?}");
        }
    }

    #[test]
    fn a_line_an_em_short_ends_its_paragraph_where_paragraphs_start_flush() {
        // Paragraphs start flush (no indent): the fourth ends on a line an
        // em short of the column, which had room for the next line's
        // first ideograph. Lines an em short inside the paragraphs moved
        // a character down with the mark after it (`…加装了电` / `梯，…`):
        // they go on.
        let s = "今年全市新建公园十二座，\n新增绿地面积三百余公顷，\n市民出门见绿。\n老旧小区改造全面铺开，一\n千二百多栋楼房加装了电\n梯，居民叫好。\n公交线网再次优化调整，新\n开通线路二十条，群众出行\n更加方便了。\n全市中小学新增学位两万余\n个，解决了部分片区入学难\n的问题，家长都很满意。\n医疗卫生服务能力持续提\n升，社区卫生服务中心实现\n街道全覆盖。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 5, "{u:?}");
        assert!(u[1].contains("加装了电梯"), "{u:?}");
        assert!(u[3].ends_with("家长都很满意。"), "{u:?}");
    }

    #[test]
    fn a_lone_ideograph_under_a_headline_line_ends_it() {
        // The extractor set the last character of a headline's line apart,
        // blank lines around it, over a dateline: no headline is one
        // character.
        for s in [
            "各地纷纷举办迎春灯会，市民扶\n老携幼前去观赏，夜市小吃摊前\n排起了长队，商户们笑得合不拢\n嘴，节日市场繁荣有序。\n\n千年古城的新变化\n\n老街区焕发出勃勃生\n\n机\n\n本报南京5月2日讯（记者 王明）\n近年来，这座千年古城加快老街\n区改造步伐，一批历史建筑得到\n修缮，街巷里重新热闹起来，游\n客络绎不绝，居民们的日子也越\n过越红火。\n",
            "近年来，这座千年古城加快老街\n区改造步伐，一批历史建筑得到\n修缮，街巷里重新热闹起来，游\n客络绎不绝，居民们的日子也越\n过越红火。\n\n千年古城的新变化\n\n老街区焕发出勃勃生\n\n机\n\n本报南京5月2日讯（记者 王明）\n各地纷纷举办迎春灯会，市民扶\n老携幼前去观赏，夜市小吃摊前\n排起了长队，商户们笑得合不拢\n嘴，节日市场繁荣有序。\n",
        ] {
            let u = rejoin(s);
            assert!(u.iter().any(|u| u == "老街区焕发出勃勃生机"), "{u:?}");
            assert!(u.iter().all(|u| u != "机"), "{u:?}");
        }
    }

    #[test]
    fn a_headline_read_inside_a_paragraph_goes_before_it() {
        // OCR read the headline set beside the column in the middle of
        // the column's paragraph, a block of its own: the paragraph is
        // whole again and the headline heads it.
        let s = "本报杭州3月5日电今天上午，全省\n春季植树活动在钱塘江畔拉开序幕，\n省市领导和各界群众三千余人参加\n了义务植树，共栽下各类苗木两万\n\n钱塘江畔绿意浓\n余株，为大江两岸再添一片新绿。\n据了解，今年全省计划新增造林面\n积五十万亩，城乡绿化水平将进一\n步提高，群众的获得感不断增强。\n";
        let u = units(s);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts[0], "钱塘江畔绿意浓", "{texts:?}");
        assert_eq!(u[0].role, Role::Heading, "{u:?}");
        assert!(texts[1].contains("苗木两万余株"), "{texts:?}");
        // Without the blank line that sets it apart as a block, it stays.
        let u = rejoin(&s.replace("两万\n\n", "两万\n"));
        assert!(u[0].contains("两万钱塘江畔绿意浓余株"), "{u:?}");
    }

    #[test]
    fn a_headline_of_two_lines_over_a_blank_and_a_paragraph_ends() {
        // The headline's second line is short, a blank line and an
        // indented paragraph's first line under it: no paragraph leaves
        // its line short in mid-sentence.
        let u = rejoin(
            "各地组织农技人员深入田间地头\n指导春耕\n\n连日来，全省各地抓住天气晴\n好的有利时机，组织广大农民群众\n开展春耕春播，田间地头一派繁忙\n景象。农业部门组织技术人员深入\n生产一线，帮助农民解决实际困难。\n",
        );
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[0], "各地组织农技人员深入田间地头指导春耕", "{u:?}");
    }

    #[test]
    fn first_line_can_be_a_headline() {
        let s = "新区学校开学\n今年秋季，新区三所学校同时开学，可容纳学生\n五千余人，家长们纷纷送孩子前来报到入学。\n";
        let u = units(s);
        assert_eq!(u[0].text, "新区学校开学");
        assert_eq!(u[0].role, Role::Heading, "{u:?}");
    }

    #[test]
    fn headline_does_not_go_on_into_a_paragraph_that_splits_a_word() {
        // `新八` / `线”…`: the line under the headline is a paragraph's
        // first line (`新八线` is a word of the page), the one under it an
        // em short of the column.
        let s = "今年，全国统计系统把统\n计方法改革作为一项重要\n内容，这是整个统计改革\n和建设的重中之重。\n图片新闻\n第174辆城市地铁“新八\n线”调频列车日前在长春\n客车厂下线，至此本市\n“新八线”所需列车已全\n部制造完工。\n";
        let u = rejoin(s);
        assert_eq!(u[1], "图片新闻", "{u:?}");
        assert!(u[2].starts_with("第174辆城市地铁“新八线”调频列车"), "{u:?}");
    }

    #[test]
    fn headline_does_not_go_on_into_a_line_with_a_full_stop_inside() {
        // The line under the headline's lines is short of the column (a
        // photo beside it) but holds a full stop: a paragraph's first line.
        let s = "今年夏天全市氣溫持續偏高，多所學校停課，家長紛紛要\n求制訂更詳細的高溫分級信號。\n（羅勇）\n市民籲放\n「熱假」\n東山島本月軍演王牌盡出海陸空聯陣奪制空權\n兩岸的軍事緊張氣氛有升溫跡象。在美軍本月\n中旬即將前所未有地調集七個航空母艦戰鬥群，前往攻擊\n範圍覆蓋太平洋海域舉行大型軍演前，解放軍亦頻頻展開\n軍演，數十架戰機日前輾轉數千公里，開展殲敵演習。\n";
        let u = rejoin(s);
        assert_eq!(
            u[2], "市民籲放「熱假」東山島本月軍演王牌盡出海陸空聯陣奪制空權",
            "{u:?}"
        );
        assert!(
            u[3].starts_with("兩岸的軍事緊張氣氛有升溫跡象。在美軍本月中旬"),
            "{u:?}"
        );
    }

    #[test]
    fn latin_headings_of_two_dozen_letters_are_no_long_lines_of_a_paragraphed_text() {
        // ocrclean's own output of two short English articles: a heading
        // of some thirty letters over one paragraph each, the second
        // ending on a colon. A line counts as long by its width (two dozen
        // ideographs), so half the long lines ending a sentence is not
        // what it sees: the text stays as it is.
        let s = "Keeping Track of the Harbour Tides\nThe tide tables for the harbour are printed every spring, and the pilots keep a copy on the bridge of every boat that leaves after dark.\n\nNight Crossings: what to bring along\nA skipper who crosses at night carries the lights and the radio listed below:\n";
        let out = crate::clean(s, &Config::default()).text;
        assert_eq!(out, s);
    }

    #[test]
    fn a_narrow_column_with_a_few_long_lines_is_no_paragraphed_text() {
        // OCR of a narrow column: ragged lines of a dozen characters that
        // go on, and two lines over the columns that end sentences. Long
        // lines ending sentences say a text is one paragraph per line
        // only where they are a good share of its lines.
        let lines = [
            "全市各农贸市场的肉禽",
            "蛋菜货源充足，品种丰富，",
            "价格稳定，市民",
            "普遍感到满意。节日期间的",
            "物资储备也比往年",
            "多了不少，超市里人头攒动，",
            "蔬菜肉类销售",
            "比平日增加了三成左右，商",
            "场的年货供应十分充足。",
            "本报记者在采访中了解到今年春节期间本市的物价总体保持平稳。",
            "据市商务局介绍，今年节",
            "日期间各大超市",
            "都延长了营业时间，方便市",
            "民购物过年，这一",
            "做法很受欢迎，好评如潮。",
            "各区县也都组织了形式多样的文化活动丰富市民的节日生活。",
        ];
        let s = lines.join("\n") + "\n";
        let u = rejoin(&s);
        assert!(u.len() <= 5, "{u:?}");
        assert!(
            u[0].starts_with("全市各农贸市场的肉禽蛋菜货源充足"),
            "{u:?}"
        );
    }

    #[test]
    fn a_title_case_heading_goes_on_into_a_line_that_opens_with_a_function_word() {
        // OCR of a narrow column: a heading of three lines, the second
        // opening with `for` in lower case.
        let s = "The mirror network holds\nthe packages of all the\nreleases in one place, and\nany user can reach them.\n\nPackages\nfor Older\nReleases\n\nHere is a simple way to\nreach the packages of an\nolder release of the system.\n";
        let u = rejoin(s);
        assert_eq!(u[1], "Packages for Older Releases", "{u:?}");
        assert!(u[2].starts_with("Here is a simple way"), "{u:?}");
    }

    #[test]
    fn a_line_ending_in_a_clause_of_one_character_is_no_headline() {
        // A caption set in a narrower box than the column: its short lines
        // break wherever the box ends, one after a comma and one character.
        let s = "全市今年新建改建农村公路三千多公里，完成投资二\n十多亿元，农民出行条件明显改善，沿线群众纷纷\n称赞这是一件实实在在的好事，今年还将继续加大\n投入力度，让更多的村庄通上水泥路。\n湖南省长沙县农民在新年来临之际，到\n装点一新的集市购买春联和红灯笼，喜迎\n新春。（本报记者李明摄）\n春节前夕，记者走访了县城的几个集市，只见各\n种年货琳琅满目，前来购物的群众络绎不绝，商\n贩们的脸上也都洋溢着喜悦的笑容。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert_eq!(
            u[1],
            "湖南省长沙县农民在新年来临之际，到装点一新的集市购买春联和红灯笼，喜迎新春。（本报记者李明摄）",
            "{u:?}"
        );
    }

    #[test]
    fn dateline_split_over_lines_is_no_headline() {
        // Blank lines between all lines: the dateline's first line is no
        // headline line of its own, its second line goes on it.
        let s = "俄确定国歌歌词\n\n新华社莫斯科12月30日\n\n电（记者孙占林）\n\n俄罗斯总统普京30日下\n\n午签署命令，确定了新\n\n国歌的歌词。\n";
        let u = rejoin(s);
        assert_eq!(u[1], "新华社莫斯科12月30日电（记者孙占林）", "{u:?}");
        assert_eq!(u.len(), 3, "{u:?}");
    }

    #[test]
    fn spaced_hyphen_ends_a_whole_line() {
        // mutool's spaced hyphen at a line's end is where the printed line
        // broke: the line under it is a line of its own, and a short one
        // that ends a sentence ends its paragraph.
        let s = "The server copies every disk to a tape library each night, and\nthe tapes are kept in another building for one month, so that\nthe administrator can restore a file that a user deleted by mis \u{2010}\ntake.\n\nThe tapes are checked every week by the operations team, and\nany tape that fails the check is replaced by a new one at once.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].ends_with("deleted by mistake."), "{u:?}");
    }

    #[test]
    fn latin_enumerated_items_start_paragraphs() {
        let s = "You may copy the Work, provided that You meet the\nfollowing conditions:\n(a) You must give any other recipients a copy of\nthis License; and\n(b) you must keep all notices intact.\n3. Grant of Rights. Each contributor grants You\na license to use the Work, and to list its parts\nin section\n4. The list is kept up to date.\n";
        assert_eq!(
            rejoin(s),
            [
                "You may copy the Work, provided that You meet the following conditions:",
                "(a) You must give any other recipients a copy of this License; and",
                "(b) you must keep all notices intact.",
                "3. Grant of Rights. Each contributor grants You a license to use the Work, and to list its parts in section 4. The list is kept up to date.",
            ]
        );
        let intro = "You may reproduce and distribute copies of the Work or of Derivative Works thereof in any medium, with or without modifications, and in Source or Object form, provided that You meet the following conditions:";
        // A list inside its sentence after a colon goes on (`(1)` is no
        // numbered part of a law in Latin text); an item after `; or,`
        // starts a paragraph.
        let s = format!(
            "{}We protect the rights of every user with these two steps:\n(1) copyright the software, and (2) offer\nyou this licence which gives you permission to copy it.\na) Accompany it with the complete source code, on a medium\ncustomarily used for software interchange; or,\nb) Accompany it with a written offer.\n",
            wrap(intro, 58)
        );
        let u = rejoin(&s);
        assert!(u[1].ends_with("permission to copy it."), "{u:?}");
        assert!(u[1].starts_with("We protect"), "{u:?}");
        assert!(u[3].starts_with("b) Accompany"), "{u:?}");
        // The clause's last word written on a line of its own.
        let s = format!(
            "{}(a) You must give any other recipients of the Work a copy\nof this License and of all notices that come with it;\nand\n(b) you must keep all notices intact.\n",
            wrap(intro, 58)
        );
        assert_eq!(
            rejoin(&s)[1..],
            [
                "(a) You must give any other recipients of the Work a copy of this License and of all notices that come with it; and",
                "(b) you must keep all notices intact.",
            ]
        );
    }

    #[test]
    fn dateline_at_the_end_closes_the_article() {
        // A dateline set in brackets after the last sentence, over two
        // lines: the headline under it is no part of the paragraph.
        let s = "官兵们分别列队在主权碑下\n宣誓：“今朝创业南沙，千\n秋有功国家……我们一定要\n\n守好祖国的南大门，请党和\n人民放心。”（本报南沙3月2\n日零时电）\n\n梧州超高压变电站\n\n投入运行\n\n本报讯日前，广西梧州\n\n超高压变电站建成投入运\n行。八桂大地已建起五座\n超高压变电站。\n";
        let u = rejoin(s);
        assert!(u[0].ends_with("放心。”（本报南沙3月2日零时电）"), "{u:?}");
        assert!(u[1].starts_with("梧州超高压变电站"), "{u:?}");
    }

    #[test]
    fn fields_a_label_and_a_value_a_line_stay_apart() {
        assert_eq!(
            rejoin(
                "From: Alice <alice@example.com>\nTo: Bob <bob@example.com>\nSubject: Meeting tomorrow\nDate: Mon, 7 Dec 2026\n"
            ),
            [
                "From: Alice <alice@example.com>",
                "To: Bob <bob@example.com>",
                "Subject: Meeting tomorrow",
                "Date: Mon, 7 Dec 2026",
            ]
        );
        assert_eq!(
            rejoin("作者：张三\n日期：2022年4月28日\n"),
            ["作者：张三", "日期：2022年4月28日"]
        );
        // A line of prose with a colon early on is no field.
        assert_eq!(
            rejoin("事实证明：中药不科学。中医药界的看\n法是：不是中药不科学。\n").len(),
            1
        );
    }

    #[test]
    fn rows_of_a_table_set_apart_by_tabs_stay_rows() {
        let s = "本报讯今年一季度，全市主要经济指标\n保持增长，具体数据如下：\n指标\t数值\t增速\n生产总值\t1200亿元\t5.2%\n工业增加值\t400亿元\t6.1%\n有关部门表示，下一步将继续\n推动经济平稳运行。\n";
        assert_eq!(
            rejoin(s),
            [
                "本报讯今年一季度，全市主要经济指标保持增长，具体数据如下：",
                "指标\t数值\t增速",
                "生产总值\t1200亿元\t5.2%",
                "工业增加值\t400亿元\t6.1%",
                "有关部门表示，下一步将继续推动经济平稳运行。",
            ]
        );
        // Nor is a row a headline (`指标\t数值` over the rows).
        assert_no_headline("指标\t数值\n生产总值\t1200亿元\n工业增加值\t400亿元\n");
    }

    #[test]
    fn a_bracket_closed_on_an_indented_line_is_one_piece() {
        // A dateline in brackets over two lines, its end set in by the
        // extractor: the indent starts no paragraph.
        let s = [
            "    今年春天，全市新",
            "建公园十二座，种植树木",
            "八万多棵，绿化面积比去",
            "年增加一成，市民们在公",
            "园里散步、锻炼，享受城",
            "市绿色带来的好处。",
            "    有关部门表示，明",
            "年还将继续建设新公园，",
            "市民们都很高兴。",
            "    公园里散步、锻炼",
            "的人越来越多，大家享受",
            "城市绿色带来的好处。",
            "（本报伦敦5月",
            "           3日电）",
            "",
            "    另一篇文章开头的",
            "段落写在这里，说明了一",
            "些情况。",
            "",
        ]
        .join("\n");
        let u = rejoin(&s);
        assert!(
            u.iter().any(|p| p.ends_with("（本报伦敦5月3日电）")),
            "{u:?}"
        );
        // A line that opens no bracket keeps its indent's break.
        let s = s.replace("（本报伦敦5月", "本报伦敦5月");
        assert!(!rejoin(&s).iter().any(|p| p.ends_with("3日电）")));
    }

    #[test]
    fn wide_line_after_sentence_end_starts_a_unit() {
        // A headline over columns, wider than the column, whose last word
        // the line under it finishes (`王大` / `明…`): it does not go on
        // the paragraph that ended above it.
        let s = "今年春天，全市新建公\n园十二座，种植树木八\n万多棵，绿化面积比去\n年增加一成，市民们在\n公园里散步、锻炼，享\n受城市绿色带来的好处\n。有关部门表示，明年\n还将继续建设新公园。\n\n全市植树节活动开幕市长王大\n\n明与数千名市民一起在\n公园植树\n本报讯记者李小华报道\n：今天上午，全市植树\n节活动在人民公园开幕\n，市长王大明出席并讲\n话。\n";
        let u = rejoin(s);
        assert!(u[0].ends_with("还将继续建设新公园。"), "{u:?}");
        assert_eq!(
            u[1], "全市植树节活动开幕市长王大明与数千名市民一起在公园植树",
            "{u:?}"
        );
    }

    #[test]
    fn printed_line_end_written_apart_goes_on() {
        // The extractor wrote the end of a printed line (`“公`) on a line of
        // its own; the next line finishes its word (`公园`, a word of the
        // text): no paragraph starts with it.
        let s = "今年春天，全市新建公园\n十二座，种植树木八万多\n棵，绿化面积大幅增加。\n市民都很满意。\n“公\n园城市”的称号名副其实\n有关部门还将继续建设新\n的公园。\n";
        let u = rejoin(s);
        assert_eq!(
            u,
            [
                "今年春天，全市新建公园十二座，种植树木八万多棵，绿化面积大幅增加。市民都很满意。“公园城市”的称号名副其实有关部门还将继续建设新的公园。"
            ],
            "{u:?}"
        );
        // A line of a character or two that ends a sentence is a paragraph
        // of its own.
        let s = "今年春天，全市新建公园\n十二座，种植树木八万多\n棵，绿化面积大幅增加。\n市民都很满意。\n好！\n园林部门还将继续建设新\n的公园。\n";
        assert_eq!(rejoin(s).len(), 3, "{:?}", rejoin(s));
    }

    #[test]
    fn column_label_under_a_headline_is_a_line_of_its_own() {
        let s = "春风送暖\n编者的话\n新春佳节到来之际，本报推出一组\n来自基层的报道，记录普通劳动者\n的节日生活。\n";
        let u = rejoin(s);
        assert_eq!(u[0], "春风送暖", "{u:?}");
        assert_eq!(u[1], "编者的话", "{u:?}");
        // It heads no article: it is the article's first line.
        let u = units(s);
        assert_eq!((u[0].role, u[1].role), (Role::Heading, Role::Body), "{u:?}");
        // A headline of two lines is still one.
        let s = "春风送暖\n万家团圆\n新春佳节到来之际，本报推出一组\n来自基层的报道，记录普通劳动者\n的节日生活。\n";
        assert_eq!(rejoin(s)[0], "春风送暖万家团圆");
    }

    #[test]
    fn photo_credits() {
        // A credit alone on a line closes the caption above it.
        let s = "夜幕下的大桥灯火通明，吸引了众多市民驻\n足观看。\n本报记者 林小平 摄\n据了解，大桥全长三千米，历时四年建成。\n";
        let u = rejoin(s);
        assert_eq!(
            u[0], "夜幕下的大桥灯火通明，吸引了众多市民驻足观看。 本报记者 林小平 摄",
            "{u:?}"
        );
        assert_eq!(u.len(), 2, "{u:?}");
        // A bracketed credit follows its sentence without a space.
        let s = "夜幕下的大桥灯火通明，吸引了众多市民驻\n足观看。\n（新华社记者林小平摄）\n";
        assert_eq!(
            rejoin(s),
            ["夜幕下的大桥灯火通明，吸引了众多市民驻足观看。（新华社记者林小平摄）"]
        );
        // So does one that the next line closes, under a caption, and the
        // text after it starts a unit of its own.
        let s = "2、夜幕下的大桥灯火通明，吸引了众多市民驻足\n观看。\n（新华社记者林小\n平摄）\n（王大明）\n";
        assert_eq!(
            rejoin(s),
            [
                "2、夜幕下的大桥灯火通明，吸引了众多市民驻足观看。（新华社记者林小平摄）",
                "（王大明）"
            ]
        );
        // Under a body paragraph it is a photo's printed elsewhere.
        let s = "大桥全长三千米，历时四年建成，今天正式\n通车。\n（新华社记者林小\n平摄）\n";
        assert_eq!(
            rejoin(s),
            [
                "大桥全长三千米，历时四年建成，今天正式通车。",
                "（新华社记者林小平摄）"
            ]
        );
        // So is one on a line of its own under a paragraph of several
        // sentences that nothing marks as a caption: a report's last
        // paragraph, the credit its photo's.
        let s = "大桥全长三千米，历时四年建成。今天上午正式通车\n，市民纷纷前来参观。\n\n（新华社记者林小平摄）\n";
        assert_eq!(
            rejoin(s),
            [
                "大桥全长三千米，历时四年建成。今天上午正式通车，市民纷纷前来参观。",
                "（新华社记者林小平摄）"
            ]
        );
        // A numbered caption of several sentences keeps it.
        let s =
            "2、大桥全长三千米。今天上午正式通车，市民纷纷\n前来参观。\n\n（新华社记者林小平摄）\n";
        assert_eq!(
            rejoin(s),
            ["2、大桥全长三千米。今天上午正式通车，市民纷纷前来参观。（新华社记者林小平摄）"]
        );
        assert_eq!(sentence_ends("他说：“好。”我们走吧！真的？！"), 3);
        // A credit broken over two lines ends its caption too.
        let s = "夜幕下的大桥灯火通明，吸引了众多市民驻足观看。本报记者 林\n小平 摄\n和那些分在大机\n关无法施展才华\n";
        let u = rejoin(s);
        assert!(u[0].ends_with("林小平 摄"), "{u:?}");
        assert_eq!(u.len(), 2, "{u:?}");
        // A caption line ending with its credit is no headline.
        let s = "大桥全长三千米，历时四年建成，今天正式通车。\n\n夜幕下的大桥灯火通明。本报记者林小平摄\n";
        assert_no_headline(s);
    }

    #[test]
    fn byline_names_keep_spaces_across_lines() {
        let s = "湖南日报4月28日讯（全媒体记者\n李寒露 通讯员 田薇 吴宗乔）“官商勾连，\n";
        assert_eq!(
            rejoin(s)[0],
            "湖南日报4月28日讯（全媒体记者 李寒露 通讯员 田薇 吴宗乔）“官商勾连，"
        );
        let s = "本报广州3月9日讯（记者 许\n芳雪 贾超英）\n";
        assert_eq!(rejoin(s)[0], "本报广州3月9日讯（记者 许芳雪 贾超英）");
        let s = "日讯（记者 廖建冬\n严洋超）\n";
        assert_eq!(rejoin(s)[0], "日讯（记者 廖建冬 严洋超）");
        let s = "元旦期间社会治安良好，群众安居乐业。\n（贺强英\n顾宁晓）\n";
        assert_eq!(rejoin(s)[1], "（贺强英 顾宁晓）");
    }

    #[test]
    fn numbers_split_across_lines() {
        let s = "来浏考察，开展“点对点”招商活动 100\n余次。2021 年，浏阳市新引进项目 207\n个，其中 50 亿元以上项目 1 个，10 亿元\n";
        let u = rejoin(s);
        assert_eq!(
            u[0],
            "来浏考察，开展“点对点”招商活动100余次。2021年，浏阳市新引进项目207个，其中50亿元以上项目1个，10亿元"
        );
    }

    #[test]
    fn latin_reflow_and_dehyphenation() {
        let s = "The goal of this system is to prevent data loss and ensure avail-\nability in case of hard disk failure. Data is stored on several\nwell-known disks, and the document is a well-\nknown docu-\nment about documents.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        assert!(u[0].contains("ensure availability in case"), "{u:?}");
        assert!(u[0].contains("a well-known document about"), "{u:?}");
        let none = Config {
            dehyphenate: Dehyphenate::None,
            ..Config::default()
        };
        assert!(rejoin_with(s, &none)[0].contains("avail-ability"));
        // A hyphen in an address stays unless the text shows the joined word.
        let s = "See https://example.com/some-\npath or www.some-\nthing.org for the manual, and the license at\nhttps://example.org/li-\ncenses.html for the licenses.\n";
        let u = rejoin(s);
        assert!(
            u[0].contains("https://example.com/some-path or www.some-thing.org"),
            "{u:?}"
        );
        assert!(u[0].contains("https://example.org/licenses.html"), "{u:?}");
    }

    #[test]
    fn headline_over_a_paragraph_start_whose_indent_was_lost() {
        // A narrow column: the headline is as short as a paragraph's first
        // line without its indent, but the next line has that shape too and
        // a paragraph has no inner line short of the column.
        let s = "各地要加强市场监管，严厉\n打击各类违法违规行为，切\n实维护消费者合法权益。\n城市公园春季开放\n据园林部门介绍，今年\n春季全市公园将陆续开放，\n市民可以就近游览健身。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "城市公园春季开放", "{u:?}");
        // Without a second such line it is a paragraph's first line.
        let s = "各地要加强市场监管，严厉\n打击各类违法违规行为，切\n实维护消费者合法权益。\n今年城市公园春季\n开放的时间比往年提前了半\n个月，市民可以就近游览。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
    }

    #[test]
    fn headline_inside_a_column_whose_text_goes_on_elsewhere() {
        // The extractor printed the next article's headline and first
        // paragraph inside a column that breaks off mid-sentence.
        let s = "各地要加强市场监管，严厉\n打击各类违法违规行为，切\n实维护广大消费者合法权益\n城市公园春季开放\n据园林部门介绍，今年\n春季全市公园将陆续开放，\n市民可以就近游览健身。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "城市公园春季开放", "{u:?}");
        // A clause mark at its end (`﹔` too) makes it body text.
        let s = s.replace("城市公园春季开放", "城市公园春季开放﹔");
        let u = rejoin(&s);
        assert!(u[0].ends_with("合法权益城市公园春季开放﹔"), "{u:?}");
        // So does a particle that attaches to the word above at its start.
        let s = s.replace("城市公园春季开放﹔", "于城市公园春季");
        let u = rejoin(&s);
        assert!(u[0].contains("合法权益于城市公园春季据"), "{u:?}");
    }

    #[test]
    fn a_short_line_with_a_space_before_its_full_stop_is_no_full_line() {
        let s = "文件的权限可以用命令修改，修改文件权限的语法\n如下 。\n用户组的权限\n每个文件都属于一个用户组，组里的用户共享权限。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "用户组的权限", "{u:?}");
        // Nor a line three em short of the column.
        let s = "文件的权限可以用命令修改，修改文件权限的语法\n的一般形式是先写命令再写权限最后文件 。\n用户组的权限\n每个文件都属于一个用户组，组里的用户共享权限。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
    }

    #[test]
    fn latin_line_a_few_letters_short_is_no_heading() {
        // Narrow justified English without indents: a paragraph's first
        // line stops a few letters short of the column; only a title-case
        // heading may be that wide.
        let s = "devices, and it makes them available to\nthe system under its names.\nThe third kind of object is the LV\n(Logical Volume), which is a chunk of\na volume group that the system uses.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("The third kind of object is the LV (Logical"),
            "{u:?}"
        );
        let s = s.replace(
            "The third kind of object is the LV",
            "Setting Up the Logical Volume",
        );
        let u = rejoin(&s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "Setting Up the Logical Volume", "{u:?}");
    }

    #[test]
    fn ragged_latin_line_the_next_word_would_overfill_is_no_heading() {
        // A column of twenty letters, ragged right: `RAID means` stops half
        // way, but `Redundant` would not have fitted after it. Only a
        // title-case line may stop there as a heading.
        let s = "Software RAID\nRAID means\nRedundant Array\nof Independent\nDisks. The goal of\nthis system is to\nprevent data loss\nand ensure\navailability in case\nof hard disk\nfailure.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[0], "Software RAID", "{u:?}");
        assert!(
            u[1].starts_with("RAID means Redundant Array of Independent Disks. The goal"),
            "{u:?}"
        );
    }

    #[test]
    fn a_headline_nearly_as_wide_as_the_column_over_a_paragraph_start_is_its_own_line() {
        // Fifteen ideographs a line; the headline stops one short, the
        // paragraph's first line (its indent lost) two short.
        let page = "我們在車站等了很久，直到天黑。\n大家這才慢慢地回家去了。\n城裡新開的圖書館吸引許多讀者\n記者昨天走訪這家新圖書館，\n看見不少市民在閱覽室裡安靜讀書\n和做功課，館員說每天都有上千人\n來借書，週末的人數還要更多。\n";
        let u = rejoin(page);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "城裡新開的圖書館吸引許多讀者", "{u:?}");
        // As wide as the column, at the top of the text.
        let top = page
            .split_once("去了。\n")
            .unwrap()
            .1
            .replace("吸引許多", "吸引了許多");
        let u = rejoin(&top);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[0], "城裡新開的圖書館吸引了許多讀者", "{u:?}");
        // Over a full line it is a paragraph's first line: the paragraph
        // goes on.
        let para = page.replace("圖書館，\n看見", "圖書館，看\n見");
        let u = rejoin(&para);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("城裡新開的圖書館吸引許多讀者記者"),
            "{u:?}"
        );
    }

    #[test]
    fn the_column_is_the_full_lines_not_the_first_lines_of_short_paragraphs() {
        // Two- and three-line paragraphs, fifteen ideographs a line: their
        // first lines (thirteen, the indent lost) are the commonest width,
        // and a last line of twelve is three em short of the column, not
        // one short of the first lines' width.
        let page = [
            "城裡新開的圖書館吸引了許多",
            "讀者前來借書看書，大家都說方便",
            "極了，天天都有人排隊入館。",
            "館員說每天都有上千人來借書",
            "，週末的人數還要多上一些。",
            "圖書館一共有五層樓，藏書有",
            "三十萬冊，另外還有一間兒童閱覽",
            "室，供小朋友在裡面看書。",
            "市民可以在網上預約借書，三",
            "天之內到館取書就可以了。",
            "館長表示明年還要在城東再開",
            "一座分館，方便住在城東的市民來",
            "借書，分館將在秋天動工。",
            "分館的面積比總館小一些，藏",
            "書也少一點，也有閱覽室。",
            "閱覽室每天早上九點開門，晚",
            "上九點關門，週一休館，節假日照",
            "常開放，歡迎市民前來。",
        ]
        .join("\n");
        let u = rejoin(&page);
        assert_eq!(u.len(), 7, "{u:?}");
        assert!(u.iter().all(|p| p.ends_with('。')), "{u:?}");
    }

    #[test]
    fn a_first_line_in_a_column_a_half_em_wider_than_its_ideographs_is_no_headline() {
        // Fifteen ideographs a line, and sixteen where a half-width quote
        // stands: the column is fifteen and a half em, and a first line
        // that lost its two-em indent stops two and a half short. It is
        // no headline, nor is the line under it (an em short, as the next
        // starts with a comma) a paragraph's first line. (The ideographs
        // are scrambled: only the layout matters.)
        let page = "天地人和和风云山的发水日月，星\n光春夏秋冬东南西北的花草树木和\n江草树木，河湖海城乡村镇家国南\n湖书画歌舞诗文古今新的夏秋。\n去年５月１５日，本报发表了\n旧长在短高低大小多少的天地报\n人，和风了低大小南湖书画云山“水\n日歌”的有人月星，在光春夏秋冬东\n了南西的北花。\n草树，本报木江发《东河湖海\n城乡，村南镇家城乡》的国长书\n";
        let u = rejoin(page);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[1].starts_with("去年５月１５日，本报发表了旧长"), "{u:?}");
    }

    #[test]
    fn a_line_of_ideographs_an_em_and_a_half_short_ends_its_paragraph() {
        // No indents; digits make the column twenty-seven and a half em.
        // The third line, ideographs and full-width marks only, measures
        // true: an em and a half short, it ends its paragraph. (The
        // ideographs are scrambled: only the layout matters.)
        let page = "天地人和风云山水日月星162光，水日春夏秋冬2465．85东南，\n西北93％花水日月星草树木江河湖。海城乡村镇水花和风，水\n日家国书画歌（舞）诗，家国文古今新，旧家国长短高低。\n大水和风小多少天地夏人，水日人和风云山水。日162光云山月\n星北，大水和风国夏人月星光大水春夏水花秋39冬。东南西花\n大水北花草树木光江河湖，海城乡村镇家国城镇小书，画水、\n画歌、画舞诗，文古今草，家国新江旧长。国花短高低大天小\n";
        let u = rejoin(page);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].ends_with("旧家国长短高低。"), "{u:?}");
    }

    #[test]
    fn a_headline_printed_beside_its_dateline_is_a_unit_of_its_own() {
        let s = "希望报纸能为我们说说话。\n城里的图书馆 本报广州12月26日讯（记者 王明）\n新开的图书馆吸引了许多读者前来借书和看书，\n大家都说这里的环境好。\n";
        let u = rejoin(s);
        assert_eq!(u[1], "城里的图书馆", "{u:?}");
        assert!(u[2].starts_with("本报广州12月26日讯（记者 王明）"), "{u:?}");
        // Not a dateline's own spaces, nor a clause before one.
        let s = "希望报纸能为我们说说话。\n本报广州12月26日讯 （记者 王明）\n新开的图书馆吸引了许多读者。\n";
        assert!(rejoin(s)[1].starts_with("本报广州12月26日讯"));
        let s = "希望报纸能为我们说说话。\n据报道，今天 本报广州12月26日讯 新开的图书馆吸引了许多读者。\n";
        assert!(rejoin(s).iter().all(|p| !p.starts_with("本报广州")));
    }

    #[test]
    fn a_full_width_word_cut_by_the_line_end_joins_without_a_space() {
        // Full-width letters stand a cell each, as ideographs do: the line
        // may end inside the word; ASCII words keep their space.
        let u = rejoin("這家公司（ＡｃｍｅＴｅｃｈ\nｎｏｌｏｇｙ）去年在台北設廠，\n");
        assert_eq!(
            u,
            ["這家公司（ＡｃｍｅＴｅｃｈｎｏｌｏｇｙ）去年在台北設廠，"]
        );
        let u = rejoin("今年產量達１２\n０００噸，比去年多\n");
        assert_eq!(u, ["今年產量達１２０００噸，比去年多"]);
        let u = rejoin("the packages apt and\ncoreutils are installed\n");
        assert_eq!(u, ["the packages apt and coreutils are installed"]);
    }

    #[test]
    fn a_latin_line_over_a_sentence_opened_by_a_function_word_is_a_heading() {
        let s = "the lamps were lit at six and the doors were\nclosed at ten.\nAPPENDIX: How to reach the old harbour by bus\nTo get to the harbour, take the number four bus\nfrom the station and get off at the market.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(
            u[1], "APPENDIX: How to reach the old harbour by bus",
            "{u:?}"
        );
        // Not where the line wants more (a heading over two lines), nor
        // before `I` or a name.
        assert!(ends_wanting("How to Apply These Terms to"));
        assert!(!ends_wanting("for your documents"));
        assert!(opens_sentence("To get to the harbour"));
        assert!(opens_sentence("The \"harbour\" is"));
        assert!(!opens_sentence("I had read"));
        assert!(!opens_sentence("Tokyo is large"));
        assert!(!opens_sentence("Thereafter"));
        let s = "the lamps were lit at six and the doors were\nclosed at ten.\nOn the way back from the market we saw what\nI had read about in the guide book, the old\nlighthouse and its keeper.\n";
        assert_eq!(rejoin(s).len(), 2);
    }

    #[test]
    fn a_short_latin_line_over_lower_case_is_no_heading() {
        // After a heading a sentence starts: a short line of words over a
        // line that goes on in lower case is the sentence's beginning.
        let s = "the market opens at nine and closes when the\nlast stall is sold out.\nWe now have two\n“night markets”, one on each side of the river, and\nboth are open until midnight in the summer.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("We now have two “night markets”"), "{u:?}");
        // A title-case heading keeps its line.
        let s = "the market opens at nine and closes when the\nlast stall is sold out.\nNight Markets\nboth are open until midnight in the summer, and\nthey are busy on every evening of the week.\n";
        assert_eq!(rejoin(s)[1], "Night Markets");
    }

    #[test]
    fn words_of_a_stretched_line_printed_a_line_each_are_one_line() {
        // pdftotext prints the words of a justified line whose spaces were
        // stretched a line each, at times with blank lines between them.
        let s = "physical size of the devices, so the only\nlimit is the total available space.\n\nLVM Over Time\nEven\nthough\nthe\nability\nto\naggregate partitions or physical disks is\nconvenient, the main advantage that LVM\nbrings is the ability to grow volumes.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "LVM Over Time", "{u:?}");
        assert!(
            u[2].starts_with("Even though the ability to aggregate partitions"),
            "{u:?}"
        );
        let s = "RAID or LVM?\nRAID\n\nand\n\nLVM\n\nboth\n\nbring\n\nindisputable advantages as soon as\none leaves the simple case of a\ndesktop computer with a single hard\ndisk.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("RAID and LVM both bring indisputable"),
            "{u:?}"
        );
        // A column of words wider together than any line around is no
        // printed line (a table's column).
        let runs = |s: &str| {
            let doc = Document::parse(s);
            let kept: Vec<usize> = (0..doc.lines.len())
                .filter(|&i| !doc.lines[i].text.trim().is_empty())
                .collect();
            let latin: Vec<bool> = kept.iter().map(|&i| latin(&doc.lines[i].text)).collect();
            word_runs(&doc, &kept, &latin, &mut Trace::default())
        };
        let r = runs(
            "The packages of this release:\napt\ncoreutils\ndebianutils\ninitscripts\nlibc6\n",
        );
        assert!(r.iter().all(|&x| x == Run::No), "{r:?}");
        // Nor is a list of words with what follows it.
        let r = runs(
            "The packages of this release:\napt\ncoreutils\nlibc6\nAll of them are installed.\n",
        );
        assert!(r.iter().all(|&x| x == Run::No), "{r:?}");
        let r = runs("The packages of this release:\napt\ncoreutils\nlibc6\nare installed.\n");
        assert_eq!(r[1..4], [Run::Starts, Run::Goes, Run::Goes], "{r:?}");
    }

    #[test]
    fn a_latin_line_mutool_split_at_its_spaces_is_full() {
        // The pieces show the spaces justification stretched: the line is
        // full, not a paragraph's short last line.
        let s = "Most desktop computers have a single\nhard disk whose usage pattern doesn't\nchange \nover \ntime.\nHowever, RAID and LVM go in two\ndifferent directions with their goals.\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        assert!(u[0].contains("change over time. However"), "{u:?}");
    }

    #[test]
    fn headlines_side_by_side_as_wide_as_the_column_are_a_line_of_their_own() {
        // Two headlines set side by side fill the column and end without a
        // full stop: phrases of five characters and more, set apart by a
        // space, are no prose. A byline's short names are.
        let s = "滩和草洲，让远方的客人安心过\n冬，迎接新春。\n（林晓 周平）\n湖畔候鸟迎新春 山村学堂添新书\n一批新书日前运抵山区，十几所\n山村学堂的图书室添了上千册新\n书，孩子们在课间捧着新书读得\n入神。\n";
        let u = units(s);
        let h = u.iter().find(|u| u.text.starts_with("湖畔"));
        assert_eq!(
            h.map(|u| (u.text.as_str(), u.role)),
            Some(("湖畔候鸟迎新春 山村学堂添新书", Role::Heading)),
            "{u:?}"
        );
        assert!(side_by_side("聆听湖畔鸟鸣 守护候鸟家园"));
        assert!(!side_by_side("记者 李寒露 通讯员 田薇"));
        assert!(!side_by_side("全媒体记者 李寒露"));
        assert!(!side_by_side("湖畔候鸟迎新春"));
        assert!(!side_by_side("Setting up RAID volumes"));
        assert!(!side_by_side(
            "行在笔记本电脑上的桌面 Debian 系 入用户密码而非 root 密码"
        ));
        assert!(!side_by_side(
            "授予北京市西城区月坛街道办事 方面做出的突出成绩，国家统计"
        ));
    }

    #[test]
    fn a_headline_line_ending_with_de_goes_on_across_a_blank_line() {
        // Blank lines between all lines; a section head over columns whose
        // first line ends with the particle `的`: its second line, clauses
        // and all, is the noun it needs.
        let s = "湖区的村民自发组成护鸟队，日夜巡\n\n护湖滩和草洲，让远方的客人安心过\n\n冬。\n\n守护候鸟家园必须处理好保护与发展的\n\n关系，“护鸟不忘民，富民不伤鸟”\n\n护鸟队成立以来，队员们每天清晨\n\n出发，沿着湖岸巡查候鸟栖息的草洲\n\n，记录鸟群的数量。\n";
        let u = rejoin(s);
        assert_eq!(
            u[1], "守护候鸟家园必须处理好保护与发展的关系，“护鸟不忘民，富民不伤鸟”",
            "{u:?}"
        );
        assert!(u[2].starts_with("护鸟队成立以来"), "{u:?}");
        // A headline well short of its column ending with `的` had room to
        // go on: it is whole, and the body's first line is not its.
        let u = rejoin(
            "湖区的村民自发组成护鸟队，日夜巡\n\n护湖滩和草洲，让远方的客人安心过\n\n冬。\n\n湖畔人家的\n\n湖畔人家的、已经种下的树苗，今年\n\n都长到了一人多高，村民们说，这是\n\n给候鸟安家的好地方。\n",
        );
        assert_eq!(u[1], "湖畔人家的", "{u:?}");
        assert!(u[2].starts_with("湖畔人家的、已经种下"), "{u:?}");
    }

    #[test]
    fn a_photo_note_ends_its_headline_block() {
        let s = "即将面世的欧元钞票和硬币（图片）\n埃及迈向信息路\n“如果你还没上网，那你就不存在！”日前在开罗举行的研讨会上，这\n条口号并不夸张。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[0], "即将面世的欧元钞票和硬币（图片）", "{u:?}");
        assert_eq!(u[1], "埃及迈向信息路", "{u:?}");
    }

    #[test]
    fn pieces_of_a_printed_line_are_as_wide_as_the_line() {
        // mutool splits the justified lines of a narrow Latin column at
        // their spaces (`The ` / `contents ` / `of`): each piece counts
        // with the printed line's width, or the column would narrow.
        let doc = Document::parse("The \ncontents \nof\n\nthe volume is\n");
        let kept: Vec<usize> = (0..doc.lines.len())
            .filter(|&i| !doc.lines[i].text.trim().is_empty())
            .collect();
        let w = visual_widths(&doc, &kept, &[]);
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0] == w[2] && w[1] == w[2], "{w:?}");
        assert!(
            w[2] > eff_width(&doc.lines[kept[1]]) + eff_width(&doc.lines[kept[0]]) - 1,
            "{w:?}"
        );
        assert_eq!(w[3], eff_width(&doc.lines[kept[3]]));
    }

    #[test]
    fn soft_hyphen_pieces_and_printed_hyphens() {
        // pdftotext breaks after every soft hyphen and prints the hyphen of
        // the real line end on a line of its own.
        let s = "Debian takes se\u{AD}\n\u{2010}\ncu\u{AD}\nri\u{AD}\nty se\u{AD}\nri\u{AD}\nous\u{AD}\nly.\nKnown soft\u{AD}\nware vul\u{AD}\n\u{2010}\nner\u{AD}\nabilities are tracked.\n";
        let cfg = Config {
            stop_after: Some(crate::config::Stage::Rejoin),
            ..Config::default()
        };
        assert_eq!(
            crate::clean(s, &cfg).text,
            "Debian takes security seriously. Known software vulnerabilities are tracked.\n"
        );
    }

    #[test]
    fn mutool_soft_hyphen_break_loses_its_hyphen_and_space() {
        // mutool prints the soft hyphen where the line broke as a spaced
        // U+2010 (and the word's other soft hyphens as spaces).
        let s = "three parts sep a rat ed by spaces. For a com \u{2010}\nplete de scrip tion of the file\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        assert!(u[0].contains("For a complete de scrip tion"), "{u:?}");
        // A spaced ASCII hyphen at a line's end is a dash: kept.
        let s = "the old harbour -\nnow a market - is busy.\n";
        assert!(rejoin(s)[0].contains("harbour - now"), "{:?}", rejoin(s));
    }

    #[test]
    fn plain_hyphen_at_a_line_end_is_the_texts_where_breaks_are_soft() {
        // The text marks the hyphens of its line breaks as soft hyphens: a
        // plain hyphen at a line's end belongs to the word.
        let soft = "Known soft\u{AD}\nware vul\u{AD}\nner\u{AD}\nabilities are tracked by the cross-\nplatform tools of the main\u{AD}\ntainers.\n";
        let cfg = Config {
            stop_after: Some(crate::config::Stage::Rejoin),
            ..Config::default()
        };
        assert_eq!(
            crate::clean(soft, &cfg).text,
            "Known software vulnerabilities are tracked by the cross-platform tools of the maintainers.\n"
        );
        // PyMuPDF keeps the soft hyphen before the printed one.
        let pymupdf = "Known soft\u{AD}\u{2010}\nware vul\u{AD}\u{2010}\nner\u{AD}abil\u{AD}\u{2010}\nities are tracked by the cross-\nplatform tools.\n";
        assert_eq!(
            crate::clean(pymupdf, &cfg).text,
            "Known software vulnerabilities are tracked by the cross-platform tools.\n"
        );
        // Without soft hyphens, the same break is a word's.
        let plain = "Known vulnerabilities are tracked by the cross-\nplatform tools.\n";
        assert!(
            rejoin(plain)[0].contains("crossplatform"),
            "{:?}",
            rejoin(plain)
        );
    }

    #[test]
    fn break_hyphen_before_a_compound_goes() {
        // `alty` is no word of the text: the hyphen broke `royalty`.
        let u = rejoin("a worldwide, roy-\nalty-free licence to use the work in any way\n");
        assert!(u[0].contains("royalty-free"), "{u:?}");
    }

    #[test]
    fn real_hyphens_kept() {
        let rows = [
            (
                "the α2-\nintegrin subunit binds the ligand in the cell membrane\n",
                "α2-integrin",
            ),
            (
                "Gebruik vracht-\nen personenauto's in de stad en daarbuiten vaak\n",
                "vracht-en",
            ),
            (
                "version 2-\nbeta was released last year with many new features\n",
                "2-beta",
            ),
            // A compound going on in the next line, whose first word is a
            // word of the text.
            (
                "files shared over a peer-\nto-peer network reach the users next to them\n",
                "peer-to-peer",
            ),
        ];
        for (input, want) in rows {
            assert!(
                rejoin(input)[0].contains(want),
                "{input:?} → {:?}",
                rejoin(input)
            );
        }
    }

    #[test]
    fn page_ends_its_paragraph_after_an_attribution_or_a_short_line() {
        let body = "春天到来之后，全市各区县纷纷组织市民参加植\n树活动，广大干部群众热情高涨，积极投身到国\n土绿化事业中来。\n";
        let next = "\x0c城市绿化迈上新台阶\n今年全市共栽植各类苗木一百二十万株，成活率达\n到百分之九十五，城区绿化覆盖率明显提高。\n";
        // The page's last article closes with its attribution.
        let s = format!("{body}（张三 李四）\n{next}");
        let u = rejoin(&s);
        assert_eq!(u[1], "（张三 李四）", "{u:?}");
        assert_eq!(u[2], "城市绿化迈上新台阶", "{u:?}");
        // So does a bracketed note of two lines.
        let s = format!("{body}（作者为全市绿化委员会\n副主任、园林局局长）\n{next}");
        let u = rejoin(&s);
        assert_eq!(u[1], "（作者为全市绿化委员会副主任、园林局局长）", "{u:?}");
        assert_eq!(u[2], "城市绿化迈上新台阶", "{u:?}");
        // A line well short of the column without a clause mark at its end
        // ends the page's paragraph too.
        let s = format!("{body}植树活动持续一个月\n{next}");
        let u = rejoin(&s);
        assert_eq!(u[1], "植树活动持续一个月", "{u:?}");
        // Nor into a headline opening the next page, after a colon.
        let s = "The kernel can then be told to grow the volume up to the whole of the\navailable space, within the following limit:\n\x0cSetting up LVM\nLet us now follow, step by step, the process of setting up LVM for a\ntypical use case where we want to simplify a complex storage situation.\n";
        let u = rejoin(s);
        assert_eq!(u[1], "Setting up LVM", "{u:?}");
        // A full line in mid-sentence goes on across the page.
        let s = "春天到来之后，全市各区县纷纷组织市民参加植\n树活动，广大干部群众热情高涨，积极投身到国\n\x0c土绿化事业中来。\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
    }

    #[test]
    fn short_first_line_of_a_page_after_a_finished_one_is_a_headline() {
        // A headline over the columns opens the page; the paragraph under
        // it lost its indent (and holds digits, which measure loosely).
        let s = "春天到来之后，全市各区县纷\n\n纷组织市民参加植树活动，广\n\n大干部群众热情高涨，积极投\n\n身到国土绿化事业中来。\n\n\x0c城市绿化迈上新的台阶\n\n今年共栽植各类树木12万\n\n株，成活率达到百分之九十五\n\n，城区绿化覆盖率明显提高了\n\n三个百分点，全市公园绿地面\n\n积增加了四百多公顷。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1], "城市绿化迈上新的台阶", "{u:?}");
    }

    #[test]
    fn page_head_of_three_lines_dropped() {
        // A head written as three lines (title, page number, section):
        // the section's short name is the page's third line.
        let mut s = String::new();
        for (p, who) in ["supplier", "carrier", "agent", "broker"]
            .iter()
            .enumerate()
        {
            if p > 0 {
                s.push_str(&format!("\x0cSupply Agreement\n\n-{p}-\n\nAGR-7\n\n"));
            }
            s.push_str(&format!("The parties agree that the {who} delivers the goods to the\nbuyer at the place named in the order and at the time stated\nin it, and that the buyer pays the {who} within thirty days.\n"));
        }
        let u = rejoin(&s);
        assert!(
            u.iter()
                .all(|u| !u.contains("AGR") && !u.contains("Supply")),
            "{u:?}"
        );
        assert_eq!(u.len(), 4, "{u:?}");
    }

    #[test]
    fn dashed_page_numbers_dropped_with_their_heads() {
        // A page's head of one line at its top, and a page number an
        // extractor wrote inside the page's text.
        let s = "The parties agree that the supplier delivers the goods to the\nbuyer at the place named in the order.\n\x0cSupply Agreement -2- Terms\nThe buyer pays the price within thirty days of the delivery\nof the goods to the place named in the order.\n\n-3-\n\nThe seller keeps the title to the goods until the price\nis paid.\n";
        let u = rejoin(s);
        assert!(
            u.iter().all(|u| !u.contains("-2-") && !u.contains("-3-")),
            "{u:?}"
        );
        assert!(u.iter().any(|u| u.starts_with("The buyer pays")), "{u:?}");
        // Dashes between numbers in text are no page number.
        let s = s.replace(
            "Supply Agreement -2- Terms",
            "Prices rose from 2 - 3 - 4 euros.",
        );
        let u = rejoin(&s);
        assert!(u.iter().any(|u| u.contains("2 - 3 - 4")), "{u:?}");
    }

    #[test]
    fn page_furniture_dropped() {
        let s = "Annual Report 2021\nThe first page of the report has a long line of text here\nand it goes on to the end of the page without stopping\n— 1 —\n\x0cAnnual Report 2021\nwhere the second page continues the same paragraph until\nit ends.\n— 2 —\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        assert!(!u[0].contains("Annual") && !u[0].contains('—'), "{u:?}");
    }

    #[test]
    fn a_heading_two_sections_share_is_no_running_head() {
        let para = |n: usize| {
            let what = ["disk", "partition", "volume", "mirror"][n - 1];
            format!(
                "The kernel provides a block device file for the {what}, similar to the\nones that correspond to a hard disk drive or to a {what} of one.\n"
            )
        };
        let s = format!(
            "Software RAID\n{}\x0cSetting up RAID\n{}\x0cMonitoring\n{}\x0cSetting up RAID\n{}",
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let u = rejoin(&s);
        assert_eq!(
            u.iter().filter(|t| *t == "Setting up RAID").count(),
            2,
            "{u:?}"
        );
        // On every page, it is.
        let s = format!(
            "Annual Report\n{}\x0cAnnual Report\n{}\x0cAnnual Report\n{}",
            para(1),
            para(2),
            para(3)
        );
        let u = rejoin(&s);
        assert!(!u.iter().any(|t| t.contains("Annual")), "{u:?}");
    }

    #[test]
    fn dateline_colon_goes_on_into_the_report() {
        let s = "打假成为技监工作一号工程\n本报讯记者朱剑红报道：\n打假将成为国家质量技术监督\n局今年的“一号工程”，这是\n该局局长在近日召开的会议上\n宣布的。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("本报讯记者朱剑红报道：打假将成为"),
            "{u:?}"
        );
    }

    #[test]
    fn datelines_opening_two_pages_are_no_running_head() {
        let s = "本报上海1月2日讯（记者\n春天到来之后，全市各区县纷纷组织市民参加植\n树活动，广大干部群众热情高涨，积极投身到国\n土绿化事业中来。\n\x0c本报上海1月9日讯（记者\n今年全市共栽植各类苗木一百二十万株，成活率达\n到百分之九十五，城区绿化覆盖率明显提高。\n";
        let u = rejoin(s);
        let all = u.join("");
        assert!(
            all.contains("本报上海1月2日讯") && all.contains("本报上海1月9日讯"),
            "{u:?}"
        );
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("湖南日报4月28日讯（全媒体记者"));
        assert!(is_dateline("本报北京12月31日讯"));
        assert!(is_dateline("新华社北京12月31日电"));
        assert!(is_dateline("本報香港12月10日訊（記者 陳大文）"));
        assert!(is_dateline("BEIJING, April 28 (Xinhua) -- China"));
        assert!(!is_dateline("4月28日，长沙县金井镇"));
        assert!(is_dateline("本报讯记者刘明报道"));
        assert!(is_dateline("【本报讯】日前"));
        // OCR reads 1 as 工 or l, 0 as O.
        assert!(is_dateline("本报银川1月工日电 (记者郑有义通讯员 付红)"));
        assert!(is_dateline("本报北京l2月3O日讯"));
        // A digest's lead naming the paper it quotes.
        assert!(is_dateline("据文汇报报道，就业旺季"));
        assert!(is_dateline("据经济参考报报道，广东省"));
        assert!(is_dateline("據文匯報報道，就業旺季"));
        assert!(!is_dateline("据当地报纸报道，田口文章"));
        assert!(!is_dateline("据了解，今年6月"));
        // Taiwan and Hong Kong: an agency's day without its month (its
        // reporter in brackets before the text), a bracketed report mark,
        // a reporter and place. A bracketed dateline without a reporter
        // closes an article instead (an attribution).
        assert!(is_dateline("（中央社記者王小明台北12日電）中央氣象局今天"));
        assert!(is_dateline("中央社台北12日電 行政院今天"));
        assert!(is_dateline("【明報專訊】香港天文台昨日"));
        assert!(is_dateline("[香港文匯報訊] 特區政府"));
        assert!(is_dateline("記者李大華／台北報導"));
        assert!(is_dateline("（記者陳美玲、林志明/高雄報導）"));
        assert!(is_dateline("〔記者王小明／台北報導〕中央氣象局今天"));
        assert!(is_dateline("【記者李大華／台中報導】為因應連假"));
        assert!(!is_dateline("記者今天從北京市地方稅務局獲悉"));
        assert!(!is_dateline("【編者按】本版今日"));
        assert!(!is_dateline("12日上午，本报记者"));
        assert!(!is_dateline("（本报巴黎1月1日电）"));
        // English agencies with or without the date.
        assert!(is_dateline("WASHINGTON (AP) — A powerful storm"));
        assert!(is_dateline("LONDON, March 3 (Reuters) - The Senate"));
        assert!(!is_dateline("RAID (Redundant Array) - a way"));
    }

    #[test]
    fn photo_note_inside_a_word_of_the_body() {
        // OCR set a headline's photo note between the two halves of a
        // word of the body (`发` / `展`, written together in the text).
        let s = "今年全市经济继续保持较快的发\n（附图片1张）\n展势头，质量稳步提高，全市\n上下齐心协力谋发展。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        // Under a headline the note ends it.
        let s =
            "大桥建成通车\n（附图片1张）\n本报讯今天上午，大桥正式通车，两岸\n居民出行更加方便。\n";
        let u = rejoin(s);
        assert_eq!(u[0], "大桥建成通车（附图片1张）", "{u:?}");
    }

    #[test]
    fn label_and_colon_open_a_paragraph() {
        // `点评：` opens a paragraph of comment, however short its line.
        let s = "执法人员当场查获假冒商品一大批，货值\n\n达四千多万元。\n\n点评：“打假”为什么难打或常\n\n变成“假打”？关键就在于有地方保护主\n\n义，执法不严，打击力度不够大。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("点评：") && u[1].ends_with("打击力度不够大。"),
            "{u:?}"
        );
    }

    #[test]
    fn ocr_dateline_with_a_misread_bracket_ends_its_line() {
        // OCR read the byline's opening bracket as `《`: the bracket still
        // closes at the line's end, and the body starts under it.
        let s = "本报北京1月工日讯《记者 王小明)\n国务院决定，从今年起全面推行新\n的管理办法，各地要认真贯彻落实。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("国务院决定"), "{u:?}");
        // A book title's marks are no bracket.
        let s = "本报北京1月1日讯记者王小明《人民\n日报》今天发表文章，各地要认真贯\n彻落实。\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
    }

    #[test]
    fn latin_words_around_shared_punctuation_keep_their_space() {
        let s = "Of course, the array can go on working in this\n“degraded mode” for a while, but it is bad —\nvery bad — for its performance in the long run.\n";
        assert_eq!(
            rejoin(s),
            [
                "Of course, the array can go on working in this “degraded mode” for a while, but it is bad — very bad — for its performance in the long run."
            ]
        );
        // Between CJK characters they join without one.
        let s = "在广场北侧的音乐舞台上，几位流行歌手演唱着\n“网红打卡点”的歌曲，台下的观众陶醉其中，\n随着音乐扭动身体。\n";
        assert!(rejoin(s)[0].contains("演唱着“网红打卡点”的歌曲"));
    }

    #[test]
    fn a_latin_byline_stands_alone() {
        let s = "Senate Passes Budget Bill\nBy JOHN SMITH and Mary Jones\nLONDON, March 3 (Reuters) - The Senate passed the\nbudget bill late on Friday after a long debate that\nlasted well into the night.\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"Senate Passes Budget Bill".to_string()),
            "{u:?}"
        );
        assert!(
            u.contains(&"By JOHN SMITH and Mary Jones".to_string()),
            "{u:?}"
        );
        assert!(LATIN_BYLINE.is_match("By Jane Doe"));
        assert!(!LATIN_BYLINE.is_match("By the end of the year"));
    }

    #[test]
    fn attribution_interleaved_into_a_dateline_is_put_back() {
        let s = "维吾尔族汉子终于如愿将一幅和田地毯送到了\n澳门代表的手里，现场响起热烈的掌声，大家\n都很高兴。\n据新华社北京1月1日电（记者 周岩 通讯员\n（贺强英 顾宁晓）\n袁涛）\n今天，一座寓意“和平友谊”的雕塑落户北京\n市中心广场，各界群众代表共同为雕塑揭幕，\n现场气氛十分热烈。\n";
        let u = rejoin(s);
        let d = u
            .iter()
            .position(|p| p.starts_with("据新华社"))
            .expect("dateline");
        assert_eq!(
            u[d], "据新华社北京1月1日电（记者 周岩 通讯员 袁涛）",
            "{u:?}"
        );
        assert!(u[..d].concat().ends_with("（贺强英 顾宁晓）"), "{u:?}");
        // Columns left as they are: so is this.
        let cfg = Config {
            columns: false,
            ..Config::default()
        };
        let u = rejoin_with(s, &cfg);
        assert!(
            u.iter().any(|p| p.ends_with("通讯员（贺强英 顾宁晓）")),
            "{u:?}"
        );
    }

    #[test]
    fn body_after_a_dateline_is_no_headline() {
        // A short first line right after the dateline's byline bracket is
        // the body's, and a line of clauses nearly as wide as the column
        // does not go on a headline.
        let s = "市民纷纷前来参观，交通更加顺畅，大家都很高兴。\n据新华社北京1月1日电（记者 王明 通讯员\n李华）\n今天，一座寓意“和平友谊”的雕塑\n在市中心广场落成，市政府有关负责人和各界\n群众代表共同为雕塑揭幕，现场气氛十分热烈。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert!(
            u.iter()
                .any(|p| p.starts_with("今天，") && p.ends_with("热烈。")),
            "{u:?}"
        );
    }

    #[test]
    fn a_line_of_clauses_near_the_column_does_not_go_on_a_headline() {
        let s = "市民纷纷前来参观，交通更加顺畅，大家都很高兴。\n雕塑落成\n在市中心广场落成了一座雕塑，市政府有关负责人\n和各界群众代表共同为雕塑揭幕，现场气氛十分\n热烈，大家都说这座雕塑是城市的新名片。\n";
        let u = units(s);
        assert_eq!(u[1].text, "雕塑落成", "{u:?}");
        assert_eq!(u[1].role, Role::Heading, "{u:?}");
        assert!(u[2].text.starts_with("在市中心"), "{u:?}");
    }

    #[test]
    fn a_reporter_and_place_line_stands_alone() {
        let s = "立法院今天三讀通過修正案，未來民眾申請\n補助將更為便利，各界都表示肯定。\n補助申請更便利\n記者李大華／台北報導\n行政院今天表示，未來民眾申請補助將更\n為便利，手續也會簡化。\n";
        let u = rejoin(s);
        assert!(u.contains(&"記者李大華／台北報導".to_string()), "{u:?}");
        assert!(u.iter().any(|p| p.starts_with("行政院今天")), "{u:?}");
    }

    #[test]
    fn line_over_a_dateline_is_no_paragraph_start() {
        // `今年工作的头号工程` has the shape of a paragraph's first line
        // without its indent, but a dateline cannot go on a paragraph: the
        // line ends a headline of two lines.
        let s = "今年全市煤炭产量创历史新\n高，成为发展史上的一个里\n程碑。\n扶贫成为\n今年工作的头号工程\n本报讯 记者王明报道：\n扶贫将成为今年全市各级\n部门工作的头号工程。\n";
        let u = units(s);
        assert!(
            u.iter()
                .any(|u| u.text == "扶贫成为今年工作的头号工程" && u.role == Role::Heading),
            "{u:?}"
        );
    }

    #[test]
    fn headline_before_a_dateline_is_no_part_of_it() {
        // `议和文件本报…` would read as a newspaper's name before 本报: the
        // dateline starts on its own line, the headline stays one.
        let body =
            "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n";
        let s = format!(
            "{body}宁夏精简会\n议和文件\n本报银川1月1日电 记者郑有义报道：宁夏回族\n自治区今年精简会议和文件，会议减少三成。\n"
        );
        let u = rejoin(&s);
        assert!(u.contains(&"宁夏精简会议和文件".to_string()), "{u:?}");
        assert!(u.iter().any(|x| x.starts_with("本报银川")), "{u:?}");
    }

    #[test]
    fn headline_boxed_by_blank_lines_before_a_dateline_interrupts_a_column() {
        // The column breaks off mid-sentence (`…服务方面，埃`): the
        // extractor printed the next article's head inside it. Blank lines
        // around the head and a dateline under it make it a headline.
        let body = "大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n在目前世界上较好地提供旅游服务方面，埃\n";
        let s = format!(
            "{body}\n日本百岁老人逐年\n增多\n\n本报武汉12月20日讯 据日本厚生省公布的\n统计数字，日本百岁老人逐年增加了很多。\n"
        );
        let u = rejoin(&s);
        assert!(u.contains(&"日本百岁老人逐年增多".to_string()), "{u:?}");
        assert!(u.iter().any(|x| x.ends_with("服务方面，埃")), "{u:?}");
        // Without the dateline under it, the column goes on into it.
        let s = format!(
            "{body}\n日本百岁老人逐年\n增多\n\n据日本厚生省公布的统计数字，日本百岁老\n人逐年增加了很多，已经超过一万人左右。\n"
        );
        let u = rejoin(&s);
        assert!(
            u.iter().any(|x| x.contains("埃日本百岁老人逐年增多")),
            "{u:?}"
        );
    }

    #[test]
    fn headline_does_not_take_a_short_first_line_that_splits_a_word() {
        // The extractor dropped the justification of a paragraph's first
        // line (`居民们说今年春天` short): it splits `天来` with the full line
        // under it, a word of the page, so it is body text, not the
        // headline's second line.
        let body =
            "今年春天来得早，河边的柳树已经发芽，居\n民们趁着好天气到公园散步，孩子们放风筝。\n";
        let s = format!(
            "{body}{body}柳岸春来早\n居民们说今年春\n天来得比往年早，公园里的桃花也开了，游\n客比去年多了不少，小贩们的生意很好做。\n"
        );
        let u = rejoin(&s);
        assert_eq!(u[1], "柳岸春来早", "{u:?}");
        assert!(u[2].starts_with("居民们说今年春天来得比往年早"), "{u:?}");
    }

    #[test]
    fn one_character_and_a_photo_note_ends_the_headline_above() {
        // Blank lines around the last line of a headline broken in a
        // narrow box: one character and the photo note, not a headline.
        let body =
            "大桥全长三千米，历时四年建成，今天正式\n\n通车，市民纷纷前来参观，交通更加顺畅。\n\n";
        let s = format!("{body}喜迎新\n\n春（附图片3张）\n\n{body}");
        let u = rejoin(&s);
        assert!(u.contains(&"喜迎新春（附图片3张）".to_string()), "{u:?}");
    }

    #[test]
    fn full_line_without_clauses_over_a_short_headline_line_is_a_headline() {
        // After a paragraph's end, a full line with no clause mark over a
        // short line with none: no paragraph starts so (its second line
        // would end it without a sentence end). A headline's first line,
        // not body text.
        let body = "市民纷纷前来参观，交通更加顺畅，沿线\n的居民说，大桥通车后出行方便多了。\n";
        let s =
            format!("{body}{body}大桥通车两岸居民出行更加方便快捷舒适\n春运首日客流平稳\n{body}");
        let u = units(&s);
        assert!(
            u.iter()
                .any(|u| u.role == Role::Heading && u.text.starts_with("大桥通车两岸居民")),
            "{u:?}"
        );
        // With a clause in the short line, the full line is no headline's.
        let s = s.replace("春运首日客流平稳", "春运首日，客流平稳");
        let u = units(&s);
        assert!(
            !u.iter()
                .any(|u| u.role == Role::Heading && u.text.starts_with("大桥通车两岸居民")),
            "{u:?}"
        );
    }

    #[test]
    fn caption_before_a_dateline_is_no_headline() {
        // A caption with a full stop and a photo credit, right before a
        // dateline, is not a headline.
        let s = "据晚报报道，各家单位纷纷进入高校招聘。本报记者李宁摄\n据法制日报报道，全省打假工作会议决定，对售假严重\n的市场坚决予以关闭，说情者一律就地免职。\n";
        let u = units(s);
        assert!(u.iter().all(|u| u.role != Role::Heading), "{u:?}");
    }

    #[test]
    fn a_date_alone_is_no_headline() {
        // The date under a signature ends the signature's block and is no
        // headline, even right before a dateline.
        for d in ["2000年12月28日", "二○○一年一月十日", "（2001年1月5日）"] {
            assert!(is_date_only(d), "{d}");
        }
        assert!(!is_date_only("2001年1月1日起开征"));
        let s = "全国人民代表大会常务委员会\n主席江泽民\n2000年12月28日\n本报杭州1月11日讯（记者 卢华）第九届全\n国人大常委会今天审议通过了修改决定。\n";
        let u = units(s);
        assert!(
            u.iter()
                .all(|u| u.role != Role::Heading || !u.text.contains("2000年")),
            "{u:?}"
        );
    }

    #[test]
    fn ordinal_prefix_joins_its_number() {
        // `第` at a line's end needs its number on the next line.
        let u = rejoin("六、第七条改为第八条，第\n（一）项修改为：全心全意为人民服务。\n");
        assert_eq!(
            u,
            ["六、第七条改为第八条，第（一）项修改为：全心全意为人民服务。"]
        );
        // In paragraphed text too (one numbered item a line).
        let s = "五、第二章标题修改为：“军官的基本条件、来源和培训”。\n六、第七条改为第八条，第\n（一）项修改为：\n“忠于祖国，忠于人民，全心全意为人民服务。”\n七、第九条修改为：“军官应当具备良好的政治素质。”\n";
        let u = rejoin(s);
        assert_eq!(u[1], "六、第七条改为第八条，第（一）项修改为：", "{u:?}");
    }

    #[test]
    fn headline_lines_apart_join_where_the_break_splits_a_word() {
        // Blank lines between all lines: the two lines of a headline are
        // apart too. `国际` is a word of the article, so `哈尔滨国` / `际…`
        // is one headline broken inside it; `热烈` / `李鹏…` starts a
        // subtitle with a word.
        let body =
            "大桥全长三千米，历时四年建成，国际友人\n\n今天前来参观，交通更加顺畅，场面热烈。\n\n";
        let s = format!(
            "{body}{body}哈尔滨国\n\n际冰雪节有看头\n\n{body}{body}音乐会精彩热烈\n\n李鹏等一同欣赏\n\n{body}"
        );
        let u = rejoin(&s);
        assert!(u.contains(&"哈尔滨国际冰雪节有看头".to_string()), "{u:?}");
        assert!(u.contains(&"音乐会精彩热烈".to_string()), "{u:?}");
        assert!(u.contains(&"李鹏等一同欣赏".to_string()), "{u:?}");
    }

    #[test]
    fn hanging_closing_quote_on_a_line_of_its_own() {
        // pdftotext puts the `”` that hangs past the column on a line of
        // its own: the short line before it ends the paragraph all the same.
        let s = "大桥全长三千米，历时四年建成，今天正式通\n车。市长说：“大桥通车后，两岸往来更加\n方便。\n”\n市民纷纷前来参观，交通更加顺畅，场面热\n烈。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[0].ends_with("方便。”"), "{u:?}");
        // A full line before it: the paragraph goes on.
        let s = "大桥全长三千米，历时四年建成，今天正式通\n车。市长说：“大桥通车后，两岸往来方便。\n”\n市民纷纷前来参观，交通更加顺畅，场面热\n烈。\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
    }

    #[test]
    fn numbered_parts_start_paragraphs() {
        // A law: chapter headings and articles start paragraphs even after
        // a full line; a chapter heading does not run into the next one.
        let s = "第七章军官退出现役\n第四十三条军官退出现役的年龄由国务院和中\n央军事委员会规定，各级军官服现役一般为十\n年。\n第四十四条专业技术军官平时服现役的最低\n年限由中央军事委员会规定，具体办法另定。\n第八章附则\n第一章总则\n";
        let u = rejoin(s);
        assert_eq!(u[0], "第七章军官退出现役", "{u:?}");
        assert!(u[1].starts_with("第四十三条"), "{u:?}");
        assert!(u[2].starts_with("第四十四条"), "{u:?}");
        assert_eq!(u[3..], ["第八章附则", "第一章总则"], "{u:?}");
        // A numbered article is no heading, though short and unpunctuated.
        let s = "第八条军官必须具备\n下列基本条件：忠于祖国，服从命令，听从\n指挥，具有胜任本职工作的能力，经考核合\n格后方可任用。\n";
        assert_no_headline(s);
        // Enumerated points after a sentence end.
        let s = "大桥全长三千米，历时四年建成，今天正式通车。\n三、增加一条，作为第二条：大桥由市政府管理。\n";
        assert_eq!(rejoin(s).len(), 2, "{:?}", rejoin(s));
        // A list a colon announces: each point starts a paragraph.
        let s = "军官必须具备下列基本条件，经考核合格后方可任\n用，条件如下：\n（一）忠于祖国，忠于中国共产党，有坚定的\n革命理想。\n（二）服从命令，听从指挥。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
        assert!(u[1].starts_with("（一）"), "{u:?}");
        // A short item after the previous one's `；` is no headline, though
        // the extractor broke it after two words.
        let s = "军官的来源如下，经考核合格后方可任用：\n（一）选拔优秀士兵和普通中学毕业生入\n军队院校学习毕业；\n（二）接收\n普通高等学校毕业生；\n（三）由文职干部改任。\n";
        let u = rejoin(s);
        assert!(u.iter().any(|p| p.starts_with("（二）接收普通")), "{u:?}");
        assert_no_headline(s);
        // Mid-sentence a number goes on.
        let s = "大桥全长三千米，历时四年建成，依照规定\n第三条第二款执行，今天正式通车。\n";
        assert_eq!(rejoin(s).len(), 1, "{:?}", rejoin(s));
    }

    #[test]
    fn cjk_line_short_before_a_latin_word_is_no_headline() {
        // The line stopped where `(version` would not have fitted: full.
        // Joined by the document's convention (spaces around Latin), also
        // before ASCII punctuation.
        let s = "旧的 Linux 内核文档已经过时，\n内容也不再适用于 Debian 新\n版本，已经从本手册中全部\n移除。\n这个 \"Debian 参考手册\n(version 2.100)\"\n(2023-02-04 11:59:01 UTC)\n覆盖了大部分 Bullseye 版本\n的系统管理内容，适合新用户\n阅读和参考。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with(
                "这个 \"Debian 参考手册 (version 2.100)\" (2023-02-04 11:59:01 UTC) 覆盖了"
            ),
            "{u:?}"
        );
        // Before a short Latin word the line is short: a headline block.
        let s = s.replace(
            "(version 2.100)\"\n(2023-02-04 11:59:01 UTC)\n",
            "GNU 手册\n",
        );
        let u = rejoin(&s);
        assert!(
            u.iter()
                .any(|x| x.starts_with("这个") && !x.contains("覆盖")),
            "{u:?}"
        );
    }

    #[test]
    fn headline_in_a_narrow_box_ends_over_a_full_line() {
        // A headline of two short lines, then the body's first line,
        // unpunctuated but filling the column: the body starts there.
        let s = "上一篇报道的最后一句话写在这里，全文到此结束了。\n湖区新建\n候鸟驿站\n今年冬天湖区新建的12座候鸟驿站全部投入使用工作人员每天\n巡护两次，记录候鸟的种类和数量并及时救助受伤的\n候鸟，保护湖区的生态环境。驿站还设有观鸟台，供游客远远观\n赏候鸟的身姿，不打扰候鸟的栖息和觅食，湖区的候鸟数量逐年\n增加，今年已有三万多只。\n";
        let u = rejoin(s);
        assert_eq!(u[1], "湖区新建候鸟驿站", "{u:?}");
        assert!(
            u[2].starts_with("今年冬天") && u[2].ends_with("三万多只。"),
            "{u:?}"
        );
        // A headline's second line may be wider than its first.
        let s = s.replace("湖区新建\n候鸟驿站\n", "湖区新建\n候鸟驿站十座\n");
        let u = rejoin(&s);
        assert_eq!(u[1], "湖区新建候鸟驿站十座", "{u:?}");
        assert!(u[2].starts_with("今年冬天"), "{u:?}");
    }

    #[test]
    fn headlines_over_columns_and_quoted_headlines() {
        // A full line ends a sentence; the next line is wider than the
        // column (a headline over two columns): it stands alone.
        let body = "大桥全长三千米，历时四年建成，今天正\n式通车，市民纷纷前来参观，交通更加\n";
        let s = format!(
            "{body}{body}顺畅，今天大桥已成为城市的新地标。\n宜柳高速公路今天通车广西贫困山区群众受益良多\n广西第一条通往贫困地区的高速公路今\n天通车，沿线群众纷纷前来参观，交通\n更加顺畅。\n"
        );
        let u = rejoin(&s);
        assert!(
            u.contains(&"宜柳高速公路今天通车广西贫困山区群众受益良多".to_string()),
            "{u:?}"
        );
        // A headline that ends with the quotation it names, before a
        // dateline, is a headline.
        let s = format!(
            "{body}{body}顺畅。\n佳木斯市大投入铺就城区“民心路”\n本报哈尔滨1月1日电 记者胡斌报道：\n日前，随着三条环路的建成通车，交通\n更加顺畅。\n"
        );
        let u = units(&s);
        let h = u
            .iter()
            .find(|u| u.text == "佳木斯市大投入铺就城区“民心路”");
        assert_eq!(h.map(|u| u.role), Some(Role::Heading), "{u:?}");
        // As wide as the column, without punctuation, between a finished
        // sentence and a dateline: a headline too.
        let s = format!(
            "{body}顺畅，今天大桥已成为城市的新地标。\n打假成为技监工作一号重点工程\n本报讯记者朱剑红报道：打假将成为\n国家质量技术监督局今年的工作重点。\n"
        );
        let u = rejoin(&s);
        assert!(
            u.contains(&"打假成为技监工作一号重点工程".to_string()),
            "{u:?}"
        );
        // Wider than the column by less than two em, without a clause mark:
        // a headline too.
        let s = "大桥全长三千米，历时四年建成\n，今天正式通车，市民纷纷前来\n参观，交通更加顺畅，大桥全长\n三千米，历时四年建成，今天正\n式通车，市民纷纷前来参观，交\n通更加顺畅，大桥已成为新地标。\n迈进光辉灿烂的新世纪———元旦献辞\n新世纪到来了！全世界人民都在\n欢庆这个时刻，各地举行了丰富\n多彩的活动。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"迈进光辉灿烂的新世纪———元旦献辞".to_string()),
            "{u:?}"
        );
        // Ideographs only, one em wider than the column, after a finished
        // sentence: a headline, not the first line of a paragraph.
        let s = "在新世纪来临之际\n，南斯拉夫联盟的\n首都贝尔格莱德的\n广场上，数万名市\n民欢聚在一起，迎\n接新世纪的到来。\n摩解散议会提前大选\n摩尔多瓦共和国总\n统卢钦斯基签署总\n统令，宣布解散议\n会，提前举行大选。\n";
        let u = rejoin(s);
        assert!(u.contains(&"摩解散议会提前大选".to_string()), "{u:?}");
    }

    #[test]
    fn a_full_stop_hung_onto_the_next_line_ends_the_sentence_before_it() {
        // A paragraph's first line without its indent, then a line whose
        // full stop the extractor put at the start of the line after it.
        let s = "自然科学领域最有优势、最有特色的学\n科，中药理应在国际市场占有重要份\n额。然而，要把中医药的优势变成经济\n增长量，尚需要做大量艰苦细致的工\n作。\n太极集团董事长白礼西认为，中药\n走向世界，必须组建“联合舰队”\n。目\n前，我国的中药企业存在多、散、小的\n局面，最大的药厂年销售额也不过50多\n亿元，研发投入和国外的差距很大。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert!(
            u.iter()
                .any(|p| p.starts_with("太极集团") && p.contains("联合舰队”。目前")),
            "{u:?}"
        );
    }

    #[test]
    fn a_line_split_where_quotations_close_is_one_printed_line() {
        // A paragraph's first line without its indent; the extractor split
        // the printed line under it before each `，` that follows a closing
        // quote. Together they are a full line: no headline starts here.
        let s = "鲜花映笑颜，欢语伴歌声。今天的全国政协礼堂\n三楼大厅，红灯高悬，彩绸环绕，花团锦簇。\n与往年不同的是，新朋老友们一见面，除\n了互相问候“新年好”\n，还要说一声“新世纪好”\n，更要加上一句\n“祝福祖国好”！在这喜庆的气氛中，回首\n百年，展望新世纪，人们都抑制不住内心的激\n动和喜悦，大家共话未来，叙旧谈新。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert!(
            u.iter().any(|p| p.starts_with("与往年")
                && p.contains("好”，还要")
                && p.ends_with("谈新。")),
            "{u:?}"
        );
    }

    #[test]
    fn a_printed_line_split_before_an_opening_quote_is_one_line() {
        // `…“三个中心、两个平台”。“三个中心”就是指设立研发` was one
        // printed line, written as three: the last piece, short after a
        // sentence end, is no headline.
        let s = "今年以来，市里围绕产业发展大局，推出一系列扶持\n政策，支持企业扩大生产规模，提高产品质量，打造\n地方品牌，取得了明显成效。这些政策主要包括\n“三个中心、两个平台”\n。\n“三个中心”就是指设立研发\n中心、检测中心和培训中心，面向全市中小企业开放\n，“两个平台”就是指融资平台和信息平台，为企业\n提供全方位的服务和支持，帮助企业解决实际困难。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        assert!(
            u[0].contains("平台”。“三个中心”就是指设立研发中心、"),
            "{u:?}"
        );
        // A paragraph's last line of two ideographs and the next one's
        // first line without its indent fill the column too: a break.
        let s = "今年以来，市里围绕产业发展大局，推出一系列扶持\n政策，支持企业扩大生产规模，提高产品质量，打造\n地方品牌，取得了明显成效，完成了全年的目标任\n务。\n“明年我们还要加大扶持力度，”市长说，“让\n更多企业走出本地，面向全国和海外市场发展。”\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("“明年"), "{u:?}");
    }

    #[test]
    fn a_first_line_its_sentence_filled_goes_on_into_a_full_line() {
        // `这些青年…文件夹。` is as wide as the column less the indent
        // the extractor dropped, and the line under it is as wide as the
        // column: no paragraph starts there.
        let s = "岁末来临，市议会预算和财政委员会的成员应召来到\n议会的一间大厅。令他们惊讶的是，面对的既不是同\n僚，也不是政府官员，而是一群中学生。\n这些青年表情严肃，每人手里都有一个文件夹。\n他们是全市二十所中学的学生代表，来此向议员们作\n审议年度预算执行情况的报告，并提出自己的意见。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("这些青年") && u[1].contains("文件夹。他们是"),
            "{u:?}"
        );
        // The same where a blank line stands between all lines (mutool).
        let more = "会议由市议会主席主持，议员们听取了学生代表的发言\n并就有关问题进行了讨论，气氛热烈，发言踊跃，大家\n纷纷表示，这种形式很好，值得在全市推广开来。\n";
        let u = rejoin(&format!("{s}{more}").replace('\n', "\n\n"));
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].contains("文件夹。他们是"), "{u:?}");
        // Lines with digits measure up to half an em wider than they print,
        // and the column's estimate with them: a line of ideographs
        // measures true, yet it is held to the estimate within that much.
        let s = "岁末来临，市议会预算和财政委员会的成员从120人中选\n出代表来到议会大厅。令他们惊讶的是，面对的是来自\n全市365所中学的学生，而不是政府官员和同僚们。\n这些青年表情严肃，每人手里都有一本文件夹子。\n他们是全市200所中学的学生代表，特来此向议员们作审\n议年度预算执行情况的报告，提出自己的意见和建议，\n会议持续了3个小时，气氛热烈，发言踊跃。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].contains("文件夹子。他们是"), "{u:?}");
        // Under it a line short by the indent: that one starts a paragraph.
        let s = "岁末来临，市议会预算和财政委员会的成员应召来到\n议会的一间大厅。令他们惊讶的是，面对的既不是同\n僚，也不是政府官员，而是一群中学生。\n这些青年表情严肃，每人手里都有一个文件夹。\n他们是全市二十所中学的学生代表，来此向议\n员们作审议年度预算执行情况的报告，并提出自己的\n意见。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 3, "{u:?}");
    }

    #[test]
    fn a_printed_line_split_before_a_comma_is_measured_whole() {
        // `坝顶有个“露天展览馆”` / `，由几个带顶的圆柱组` is one printed
        // line, and the line under it starts with its last word's end
        // (`成，`): body text, no headline.
        let s = "大坝高达一百多米，站在坝顶可以看到远方的山峦\n和河流，景色十分壮观，游客们纷纷拿出相机拍照\n留念，有的人还在这里写生，一直画到太阳落山，\n山峦渐渐隐没在远方的雾霭之中。\n坝顶有个“露天展览馆”\n，由几个带顶的圆柱组\n成，柱子上有用几种文字写成的说明和简单的示意\n图，游客们都在这里驻足观看，拍照留念，十分热\n闹，展览馆每天都要接待来自各地的上千名游客。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(
            u[1].starts_with("坝顶有个“露天展览馆”，由几个带顶的圆柱组成，"),
            "{u:?}"
        );
    }

    #[test]
    fn clauses_over_a_full_line_ending_a_sentence_are_body_text() {
        // `李明，1990年在北京大学哲学系获得` is short and unfinished, but
        // it holds a clause and the full line under it ends a sentence:
        // a paragraph of two lines, not a headline over one.
        let s = "姑娘们说了这么多，不是怪罪你们，是想让你们明白\n一个道理：读书才能改变命运，知识才能带来希望。\n我们都盼着你们早日学成归来，为家乡出一份力。\n（本版编辑王明）\n李明，1990年在北京大学哲学系获得\n博士学位，现为南京大学哲学系教授，博士生导师。\n著有《科学中的理论选择》等专著，多次获奖。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert!(
            u.iter()
                .any(|p| p.starts_with("李明，") && p.ends_with("多次获奖。")),
            "{u:?}"
        );
        // A list with `、` over a line of clauses, the break inside a word
        // (`行` / `为来，`): a caption's lines, not a headline.
        let s = "不影响照顾老人，她决\n心不嫁远村郎，而且要\n求未来的丈夫同她一道\n挑起照顾老大爷的担子\n。第二年初，玲英终于\n结婚了。\n比起对别人的、已经发生的行\n为来，我们对自己正打算去做\n的行为，应该要求更严格些。 本报记者 顾斌博 摄\n";
        let u = rejoin(s);
        assert!(
            u.iter()
                .any(|p| p.starts_with("比起对别人的、已经发生的行为来，") && p.ends_with("摄")),
            "{u:?}"
        );
    }

    #[test]
    fn a_clause_ending_in_a_particle_is_no_headline() {
        // A paragraph's first line whose indent was lost, two em short,
        // ending in `和`: the paragraph goes on.
        let s = "城市的发展离不开每一位普通劳动者的辛勤付出，我们\n要记住他们的名字。\n市民这么想当然不对，可也不能全怪他们的粗心和\n急躁。人们很难改变多年的习惯，也许你们的父\n亲当年就是这样生活的，你们的奶奶也是这样过来的\n，道理简单，可做起来并不容易，需要大家一起努力。\n";
        assert_no_headline(s);
    }

    #[test]
    fn short_line_before_body_text_going_on_mid_word_is_no_headline() {
        // `看` / `来`: the body goes on inside a word the text uses
        // elsewhere (`看来`), so the short line starts that paragraph.
        let s = "在很多人看来，这件事情很难办成，大家都在观望等待着\n时间过去了很久，事情仍然没有任何进展。\n追求经济效益与恪守道德原则，在很多人看\n来，难以两全。有的人认为两者可以兼顾，但是做起来\n并不容易，需要大家一起长期努力，才能有好的结果，\n这是大家的共识。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("追求经济效益"), "{u:?}");
        // The same without the word elsewhere: a line that starts with one
        // character and a comma ends a word broken at the line before.
        let s = s.replacen("在很多人看来，", "多数人都认为，", 1);
        let u = rejoin(&s);
        assert_eq!(u.len(), 2, "{u:?}");
        assert!(u[1].starts_with("追求经济效益"), "{u:?}");
        assert!(starts_with_fragment("来，难以两全"));
        assert!(starts_with_fragment("题。"));
        assert!(!starts_with_fragment("今天，天气晴"));
        assert!(!starts_with_fragment("“来，"));
        assert!(!starts_with_fragment("三、增加一条"));
    }

    #[test]
    fn clause_then_a_line_starting_with_a_fragment_is_body_text() {
        // Both lines are short of the column and unfinished, so they could
        // be a headline of two lines; but the first holds a clause and the
        // second starts with the end of a word broken at it (`之` / `上，`):
        // a paragraph starts there.
        let s = "道德伦理不仅不会增进而且还会有损于企业的经营\n目标，这是很多经济学家的看法。\n这种观点，是建立在对市场机制的乐观假定之\n上，认为市场机制能自动协调经济行为，维\n持经济运行的效率与秩序，社会学家的观点则认\n为，一定程度的社会整合是一个社会得以维持秩序\n的必要条件。\n";
        assert_no_headline(s);
        let u = rejoin(s);
        assert!(
            u.iter()
                .any(|p| p.starts_with("这种观点") && p.ends_with("必要条件。")),
            "{u:?}"
        );
        // Without a clause in it, a short line over a fragment may be a
        // headline's first line (`从一月一日` / `起，我国再次` / `自主降低关税`).
        let s = "税目总数占到我国税则税目总数的百分之四十九。\n从一月一日\n起，我国再次\n自主降低关税\n本报北京1月1日讯 记者从国务院有关部门获悉，\n我国从今年起再次自主降低关税，平均降幅较大。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"从一月一日起，我国再次自主降低关税".to_string()),
            "{u:?}"
        );
    }

    #[test]
    fn photo_note_ends_a_headline() {
        assert_eq!(photo_note_start("新世纪第一天（附图片4张）"), Some(18));
        assert!(photo_note_start("即将面世的欧元钞票和硬币（图片）").is_some());
        assert!(photo_note_start("（新华社记者兰红光摄）").is_none());
        let s = "大桥全长三千米，历时四年建成，今天正\n式通车，市民纷纷前来参观，交通更加\n顺畅。\n即将面世的欧元钞票和硬币（图片）\n埃及迈向信息路\n“如果你还没上网，就落伍了。”这句话\n在开罗流行。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"即将面世的欧元钞票和硬币（图片）".to_string()),
            "{u:?}"
        );
        assert!(u.contains(&"埃及迈向信息路".to_string()), "{u:?}");
        // A note on a line of its own joins its headline.
        let s = "大桥全长三千米，历时四年建成，今天正\n式通车，市民纷纷前来参观，交通更加\n顺畅。\n抒发祝福寄托期盼环球喜迎新世纪\n（附图片4张）\n1、大桥全长三千米，历时四年建成，今\n天正式通车。\n";
        let u = rejoin(s);
        assert!(
            u.contains(&"抒发祝福寄托期盼环球喜迎新世纪（附图片4张）".to_string()),
            "{u:?}"
        );
    }

    #[test]
    fn stretched_dateline_line_goes_on() {
        // The byline bracket closes at the end of a stretched line: the
        // line is full, the paragraph goes on.
        let s = "新华社加沙12月31日\n电 （ 记 者 马 晓 霖 ）\n巴 勒 斯 坦 民 族 解 放 运\n动的一名重要官员今天\n上午被打死。\n";
        let u = rejoin(s);
        assert_eq!(u.len(), 1, "{u:?}");
        // OCR read the opening bracket as `〈`: the byline still closes.
        let s = "本报北京12月3工\n日讯〈记者 吴坤胜)\n记者今天从北京市地\n铁运营公司获悉，新\n线路将于明年通车，\n沿线居民出行方便。\n";
        assert_eq!(rejoin(s).len(), 2, "{:?}", rejoin(s));
        // Not stretched: the dateline is a paragraph of its own.
        let s = "本报北京12月31日讯（记者 吴坤胜）\n大桥全长三千米，历时四年建成，今天正式\n通车，市民纷纷前来参观，交通更加顺畅。\n";
        assert_eq!(rejoin(s).len(), 2, "{:?}", rejoin(s));
    }
}
