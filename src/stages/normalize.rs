//! Stage `normalize`: character repairs without NFKC's damage.
//!
//! NFKC would turn `，` into `,` and `“` stays but `（` becomes `(`: it is the
//! wrong tool for CJK text. Each fold here is a named rule with its own
//! switch ([`Fold`]): radicals to ideographs (table generated from Unicode's
//! EquivalentUnifiedIdeograph.txt), full-width letters and digits to ASCII,
//! half-width punctuation between CJK to full-width, dashes, ligatures,
//! invisible characters, space characters, control characters; then NFC.
//! U+FFFD and private-use characters are reported, never changed.
//!
//! Most lines need no fold at all: `needs_work` scans a line once and the
//! line is left untouched (`Cow::Borrowed`) when nothing applies.

use crate::chars::{self, Class};
use crate::config::{Config, Fold, Folds};
use crate::doc::Document;
use crate::explain::Trace;
use crate::tables::radicals::RADICALS;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

const STAGE: &str = "normalize";

/// Run the stage over every line.
pub fn run(doc: &mut Document, cfg: &Config, trace: &mut Trace) {
    if cfg.folds.has(Fold::Radicals) {
        door_radicals(doc, trace);
    }
    for k in 0..doc.lines.len() {
        normalize_at(doc, k, cfg, trace);
    }
}

/// The door radical `⼾` (U+2F3E) is, by Unicode's table, the traditional
/// `戶` (U+6236); fonts for simplified Chinese draw it as `户` (U+6237)
/// and PDF extractors hand out the radical for that glyph. In a text in
/// simplified characters it becomes `户`; elsewhere the table's `戶`.
fn door_radicals(doc: &mut Document, trace: &mut Trace) {
    // (A string pattern: the SIMD substring search, where a char pattern
    // would stop at every continuation byte 0xBE of CJK text.)
    const DOOR: &str = "\u{2F3E}";
    let doors: Vec<usize> = (0..doc.lines.len())
        .filter(|&k| doc.lines[k].text.contains(DOOR))
        .collect();
    if doors.is_empty() || !chars::simplified(doc.lines.iter().map(|l| l.text.as_str())) {
        return;
    }
    for k in doors {
        let l = &mut doc.lines[k];
        let at = l.text.find(DOOR).unwrap_or(0);
        trace.record(STAGE, "radicals", l.no, || {
            let col = l.text[..at].chars().count() + 1;
            format!("col {col}: '⼾' (U+2F3E) → \"户\" (text in simplified characters)")
        });
        l.text = l.text.replace(DOOR, "户");
    }
}

/// The first (or, with `last`, the last) character of `t` that is not
/// white space.
fn edge(t: &str, last: bool) -> Option<char> {
    if last {
        t.chars().rev().find(|&c| !chars::is_hspace(c))
    } else {
        t.chars().find(|&c| !chars::is_hspace(c))
    }
}

/// Normalize line `k` against its neighbouring lines' edge characters: the
/// line may be joined to them, and `,` at a line start after CJK is a CJK
/// comma.
fn normalize_at(doc: &mut Document, k: usize, cfg: &Config, trace: &mut Trace) {
    let before = k
        .checked_sub(1)
        .and_then(|j| edge(&doc.lines[j].text, true));
    let after = doc.lines.get(k + 1).and_then(|l| edge(&l.text, false));
    let line = &doc.lines[k];
    if let Cow::Owned(s) = normalize_in(&line.text, cfg.folds, line.no, trace, (before, after)) {
        doc.lines[k].text = s;
    }
}

/// The equivalent unified ideograph of a radical code point.
pub fn radical(c: char) -> Option<char> {
    if !matches!(c, '\u{2E80}'..='\u{2FDF}') {
        return None;
    }
    RADICALS
        .binary_search_by_key(&c, |&(r, _)| r)
        .ok()
        .map(|i| RADICALS[i].1)
}

/// Could a fold touch this character? Cheap range tests only.
#[inline]
fn suspicious(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ',' | ':' | ';' | '!' | '?' | '(' | ')' | '"')
            || (c.is_ascii_control() && c != '\t');
    }
    let u = c as u32;
    // CJK ideographs and the common CJK punctuation blocks never need a fold
    // (but for `〈`, which OCR reads for `（`; `《` too, see `needs_work`).
    if (0x4E00..=0x9FFF).contains(&u) {
        return false;
    }
    if (0x3001..=0x303F).contains(&u) {
        return c == '〈';
    }
    if matches!(
        c,
        '，' | '。'
            | '：'
            | '；'
            | '！'
            | '？'
            | '（'
            | '）'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '—'
            | '…'
            | '·'
    ) {
        return false;
    }
    true
}

/// Does the line need the slow path?
fn needs_work(s: &str) -> bool {
    s.chars().any(suspicious)
        || ocr_digit_candidate(s)
        || ocr_range_dashes(s).next().is_some()
        || (s.contains('：') && colon_between_digits(s))
        // A title mark is common; one that a parenthesis closes is OCR's
        // misread `（` (`《记者武勇)`).
        || (s.contains('《') && title_mark_closed_by_parenthesis(s))
}

/// Does a `《` on the line meet a closing parenthesis before any other
/// bracket?
fn title_mark_closed_by_parenthesis(s: &str) -> bool {
    s.match_indices('《').any(|(i, m)| {
        first_bracket(s[i + m.len()..].chars()).is_some_and(|(_, c)| matches!(c, ')' | '）'))
    })
}

/// The first bracket within 30 characters of the text after an opening
/// angle bracket or title mark, and its position: what closes it, if OCR
/// misread a parenthesis ([`pair_misread_angles`]).
fn first_bracket(after: impl Iterator<Item = char>) -> Option<(usize, char)> {
    after
        .take(30)
        .enumerate()
        .find(|&(_, c)| matches!(c, '〈' | '〉' | '(' | '（' | ')' | '）' | '《' | '》'))
}

/// A full-width colon between digits (`3：30`): a time, folded to ASCII.
/// The colon is common CJK punctuation otherwise, so `suspicious` lets it
/// through.
fn colon_between_digits(s: &str) -> bool {
    let (mut a, mut b) = (None, None);
    for c in s.chars() {
        if b == Some('：') && a.is_some_and(chars::is_digit) && chars::is_digit(c) {
            return true;
        }
        (a, b) = (b, Some(c));
    }
    false
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{1680}' | '\u{3000}'
    )
}

fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\x0c')) || c == '\u{85}'
}

fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// Full-width ASCII `！`..`～` to its ASCII counterpart.
fn to_ascii(c: char) -> char {
    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
}

fn fullwidth_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Full-width symbols that become ASCII only inside or next to numbers.
fn numeric_symbol(c: char) -> bool {
    matches!(c, '％' | '＋' | '－' | '．' | '／' | '：')
}

/// Is `c` a CJK character for the `cjk-punct` fold (ideograph, kana or
/// full-width punctuation)?
fn cjkish(c: Option<char>) -> bool {
    c.is_some_and(|c| chars::class(c).is_cjk())
}

/// Normalize one line.
pub fn normalize_line<'a>(
    s: &'a str,
    folds: Folds,
    line: usize,
    trace: &mut Trace,
) -> Cow<'a, str> {
    normalize_in(s, folds, line, trace, (None, None))
}

/// The folds that look at neighbours, again, on a unit that `rejoin` made
/// of several lines: a bracket pair split across two lines (`(附图片` /
/// `1张)`) is one pair once they are joined.
pub fn refold_joined<'a>(s: &'a str, folds: Folds, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    // (A date split over two lines, `12月3` / `工日`, is one once joined.)
    let digits = if folds.has(Fold::OcrDigits) {
        fold_ocr_digits(s, line, trace)
    } else {
        Cow::Borrowed(s)
    };
    if !digits.contains([
        ',', ':', ';', '!', '?', '(', ')', '％', '＋', '－', '．', '／', '：',
    ]) {
        return digits;
    }
    let refolded = match refold_edges(&digits, folds, line, trace, (None, None)) {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    };
    refolded.map_or(digits, Cow::Owned)
}

/// The `ocr-digits` fold on a text, for tests that compare texts whose
/// lines were joined (the fold sees a date split over two lines only then).
#[doc(hidden)]
pub fn ocr_digits_folded(s: &str) -> String {
    fold_ocr_digits(s, 0, &mut Trace::new(false)).into_owned()
}

/// The folds that look at neighbours, again, on a unit whose neighbouring
/// units end and start with `edges` (`条件:` over a unit starting `（一）`).
pub fn refold_edges<'a>(
    s: &'a str,
    folds: Folds,
    line: usize,
    trace: &mut Trace,
    edges: (Option<char>, Option<char>),
) -> Cow<'a, str> {
    let src: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if pass(&src, folds, true, line, trace, &mut out, edges) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Normalize one line whose neighbouring lines end and start with `edges`.
fn normalize_in<'a>(
    s: &'a str,
    folds: Folds,
    line: usize,
    trace: &mut Trace,
    edges: (Option<char>, Option<char>),
) -> Cow<'a, str> {
    if folds.has(Fold::OcrUnderscores)
        && memchr::memchr(b'_', s.as_bytes()).is_some()
        && let Cow::Owned(fixed) = fold_ocr_underscores(s, line, trace)
    {
        return Cow::Owned(normalize_in(&fixed, folds, line, trace, edges).into_owned());
    }
    if folds.has(Fold::OcrApostrophes)
        && spaced_apostrophe(s)
        && let Cow::Owned(fixed) = fold_ocr_apostrophes(s, line, trace)
    {
        return Cow::Owned(normalize_in(&fixed, folds, line, trace, edges).into_owned());
    }
    if !needs_work(s) {
        return Cow::Borrowed(s);
    }
    // A line of ASCII between lines that do not touch it with CJK: its
    // punctuation has no CJK neighbour to take the full-width form from,
    // and only control characters are left to fold (English text, whose
    // every line has a comma, leaves here).
    if s.is_ascii()
        && !cjkish(edges.0)
        && !cjkish(edges.1)
        && !s.bytes().any(|b| b.is_ascii_control() && b != b'\t')
    {
        return Cow::Borrowed(s);
    }
    normalize_slow(s, folds, line, trace, edges)
}

/// Words that a lone `_` stands between in code (`for _ in`, `let _ =`,
/// `case _ =>`): a line with one of them beside it keeps it.
const PLACEHOLDER_WORDS: [&str; 10] = [
    "for", "in", "let", "var", "val", "case", "match", "lambda", "def", "as",
];

/// Characters that make a line code, where underscores are the text's.
fn code_like(s: &str) -> bool {
    s.contains([
        '=', ';', '{', '}', '<', '>', '$', '#', '`', '[', ']', '/', '\\',
    ])
}

/// The `ocr-underscores` fold: Tesseract reads specks and rules beside
/// words as underscores. An underscore at the edge of a dictionary word
/// (`a_ block`, `In_ practice`, `_losslessly`) goes, and so does a token
/// of underscores alone between two words (`with new _ block devices`),
/// on lines that are no code; identifiers keep theirs (`vg_critical`,
/// `a vg_ prefix`: `vg` is no word).
fn fold_ocr_underscores<'a>(s: &'a str, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    if code_like(s) {
        return Cow::Borrowed(s);
    }
    let toks: Vec<&str> = s.split(' ').collect();
    let word = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphabetic());
    // The letters of a token with punctuation around them stripped.
    let letters = |t: &str| {
        t.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | '?' | '!' | '(' | ')' | '"' | '\''))
            .to_string()
    };
    let mut out: Vec<Cow<str>> = Vec::with_capacity(toks.len());
    let mut changed = false;
    for (i, &t) in toks.iter().enumerate() {
        if !t.contains('_') {
            out.push(Cow::Borrowed(t));
            continue;
        }
        if !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b == b'_') {
            let prev = i.checked_sub(1).map(|j| letters(toks[j]));
            let next = toks.get(i + 1).map(|n| letters(n));
            let beside_words = prev.as_deref().is_some_and(word)
                && next.as_deref().is_some_and(word)
                && ![prev.as_deref(), next.as_deref()]
                    .iter()
                    .flatten()
                    .any(|w| PLACEHOLDER_WORDS.contains(&w.to_ascii_lowercase().as_str()));
            if beside_words {
                changed = true;
                trace.record(STAGE, "ocr-underscores", line, || {
                    format!("lone {t:?} between words dropped")
                });
                continue;
            }
            out.push(Cow::Borrowed(t));
            continue;
        }
        let core = letters(t);
        let bare = core.trim_matches('_');
        if bare.len() != core.len()
            && word(bare)
            && crate::syllables::is_word(&bare.to_ascii_lowercase())
        {
            let fixed = t.replacen(&core, bare, 1);
            trace.record(STAGE, "ocr-underscores", line, || {
                format!("{t:?} → {fixed:?}")
            });
            out.push(Cow::Owned(fixed));
            changed = true;
            continue;
        }
        out.push(Cow::Borrowed(t));
    }
    if changed {
        Cow::Owned(out.join(" "))
    } else {
        Cow::Borrowed(s)
    }
}

/// Does the line have an apostrophe with a space after it (`’ `, `' `)?
/// One pass for `'` and the lead byte of `’` (U+2019 is E2 80 99 in
/// UTF-8; CJK text hardly has that lead byte, its ideographs and marks
/// have others).
fn spaced_apostrophe(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'\'', 0xE2, b).any(|i| match b[i] {
        b'\'' => b.get(i + 1) == Some(&b' '),
        _ => b.get(i + 1..i + 4) == Some(&[0x80, 0x99, b' ']),
    })
}

/// The `ocr-apostrophes` fold: Tesseract puts a space after the
/// apostrophe of a contraction (`You’ ve`, `don’ t`, `rustdoc’ s`) and
/// reads its `ll` as `Il` or `II` (`we’ Il`). The apostrophe follows a
/// letter and the contraction's ending is a word of its own: `s`, `re`,
/// `ve`, `ll`, `d`, `m`, or `t` after `n`. A possessive plural keeps its
/// space (`users’ details`).
fn fold_ocr_apostrophes<'a>(s: &'a str, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    let mut out = String::new();
    let mut last = 0;
    for (i, q) in s.match_indices(['’', '\'']) {
        let Some(before) = s[..i].chars().next_back() else {
            continue;
        };
        let after = i + q.len();
        let Some(rest) = s[after..].strip_prefix(' ') else {
            continue;
        };
        if !before.is_alphabetic() || after < last {
            continue;
        }
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let ending = match &rest[..end] {
            "t" if before == 'n' => "t",
            e @ ("s" | "re" | "ve" | "ll" | "d" | "m") => e,
            "Il" | "II" | "lI" => "ll",
            _ => continue,
        };
        out.push_str(&s[last..after]);
        out.push_str(ending);
        last = after + 1 + end;
        trace.record(STAGE, "ocr-apostrophes", line, || {
            format!("{:?} → {:?}", &s[i..last], format!("{q}{ending}"))
        });
    }
    if last == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// Characters OCR reads for the digit 1.
const MISREAD_ONE: [char; 5] = ['工', 'I', 'l', ']', '|'];

/// A date or a century with a digit 1 that OCR misread: `1月工日`,
/// `工月工日`, `]月1日`, `12月3工日`, `2工世纪`. The character before the
/// date is no letter or digit (`html月` stays), nor an opening bracket.
static OCR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|[^0-9A-Za-z\[])([0-9工Il\]|]{1,2})月([0-9工Il\]|]{1,2})日|([0-9])([工Il\]|])世纪",
    )
    .expect("OCR date regex")
});

/// Could the line hold a date or century with a misread 1?
fn ocr_digit_candidate(s: &str) -> bool {
    // Most lines hold none of the characters OCR reads for 1 (searched with
    // SIMD); then only the characters around each `月` and `世纪` are
    // looked at.
    static GONG: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("工".as_bytes()));
    let b = s.as_bytes();
    if memchr::memchr3(b']', b'|', b'l', b).is_none()
        && memchr::memchr(b'I', b).is_none()
        && GONG.find(b).is_none()
    {
        return false;
    }
    let misread = |c: Option<char>| c.is_some_and(|c| MISREAD_ONE.contains(&c));
    s.match_indices('月').any(|(i, m)| {
        misread(s[..i].chars().next_back())
            || s[i + m.len()..].chars().take(2).any(|c| misread(Some(c)))
    }) || s
        .match_indices("世纪")
        .any(|(i, _)| misread(s[..i].chars().next_back()))
}

/// The `ocr-digits` fold: dates and centuries with their misread 1s read
/// as 1, and dashes between numbers read as `一` as dashes.
fn fold_ocr_digits<'a>(s: &'a str, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    match fold_ocr_dates(s, line, trace) {
        Cow::Borrowed(b) => fold_ocr_range_dashes(b, line, trace),
        Cow::Owned(o) => Cow::Owned(fold_ocr_range_dashes(&o, line, trace).into_owned()),
    }
}

/// Dates and centuries with their misread 1s read as 1.
fn fold_ocr_dates<'a>(s: &'a str, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    if !ocr_digit_candidate(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut last = 0;
    for caps in OCR_DATE.captures_iter(s) {
        let m = caps.get(0).expect("whole match");
        // The character before the date is kept as it is.
        let from = caps.get(1).map_or(m.start(), |c| c.end());
        let part = &s[from..m.end()];
        if !part.contains(MISREAD_ONE) {
            continue;
        }
        let fixed: String = part
            .chars()
            .map(|c| if MISREAD_ONE.contains(&c) { '1' } else { c })
            .collect();
        trace.record(STAGE, "ocr-digits", line, || {
            format!("{part:?} → {fixed:?}")
        });
        out.push_str(&s[last..from]);
        out.push_str(&fixed);
        last = m.end();
    }
    if last == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// A dash between two numbers that OCR read as the ideograph one (`6一7级`,
/// `150%一300%`): no text sets `一` between Arabic digits.
fn ocr_range_dashes(s: &str) -> impl Iterator<Item = usize> + '_ {
    static YI: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("一".as_bytes()));
    YI.find_iter(s.as_bytes()).filter_map(move |i| {
        let before = s[..i].chars().next_back()?;
        let after = s[i + '一'.len_utf8()..].chars().next()?;
        ((before.is_ascii_digit() || matches!(before, '%' | '％')) && after.is_ascii_digit())
            .then_some(i)
    })
}

/// Such dashes as dashes (the `ocr-digits` fold).
fn fold_ocr_range_dashes<'a>(s: &'a str, line: usize, trace: &mut Trace) -> Cow<'a, str> {
    let at: Vec<usize> = ocr_range_dashes(s).collect();
    if at.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for i in at {
        out.push_str(&s[last..i]);
        out.push('—');
        last = i + '一'.len_utf8();
    }
    out.push_str(&s[last..]);
    trace.record(STAGE, "ocr-range-dash", line, || {
        format!(
            "\"一\" between numbers → \"—\" in {:?}",
            crate::explain::clip(s, 30)
        )
    });
    Cow::Owned(out)
}

/// The slow path alone, without the check that lets most lines through
/// untouched; for the test that the fast path changes nothing.
#[doc(hidden)]
pub fn normalize_line_slow(s: &str, folds: Folds) -> String {
    normalize_slow(s, folds, 0, &mut Trace::new(false), (None, None)).into_owned()
}

fn normalize_slow<'a>(
    s: &'a str,
    folds: Folds,
    line: usize,
    trace: &mut Trace,
    edges: (Option<char>, Option<char>),
) -> Cow<'a, str> {
    // Two passes: the folds of single characters first, then the folds that
    // look at neighbours, so that a removed invisible character between
    // `一` and `,` does not hide the neighbour (and a second run finds
    // nothing left to do).
    let src: Vec<char> = s.chars().collect();
    let mut first = String::with_capacity(s.len());
    let mut changed = pass(&src, folds, false, line, trace, &mut first, edges);
    let src: Vec<char> = first.chars().collect();
    let mut out = String::with_capacity(first.len());
    changed |= pass(&src, folds, true, line, trace, &mut out, edges);
    if folds.has(Fold::OcrDigits)
        && let Cow::Owned(fixed) = fold_ocr_digits(&out, line, trace)
    {
        out = fixed;
        changed = true;
    }
    if folds.has(Fold::Nfc) && needs_nfc(&out) {
        let nfc: String = out.nfc().collect();
        if nfc != out {
            changed = true;
            trace.record(STAGE, "nfc", line, || {
                format!(
                    "{:?} → {:?}",
                    crate::explain::clip(&out, 30),
                    crate::explain::clip(&nfc, 30)
                )
            });
            out = nfc;
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// One pass over the characters: the single-character folds
/// (`context == false`) or the folds that look at neighbours. Returns
/// whether anything changed.
fn pass(
    src: &[char],
    folds: Folds,
    context: bool,
    line: usize,
    trace: &mut Trace,
    out: &mut String,
    edges: (Option<char>, Option<char>),
) -> bool {
    // Pair half-width brackets first: both change or neither does.
    let mut paren_fold = vec![false; src.len()];
    if context && folds.has(Fold::CjkPunct) {
        pair_brackets(src, &mut paren_fold);
        pair_misread_angles(src, &mut paren_fold);
    }
    let mut changed = false;
    let digit_at = |i: usize| src.get(i).is_some_and(|&c| chars::is_digit(c));
    // The nearest characters before and after position `i` other than
    // spaces (despace may remove those).
    let ink_before = |i: usize| (0..i).rev().find(|&j| !chars::is_hspace(src[j]));
    let ink_after = |i: usize| (i + 1..src.len()).find(|&j| !chars::is_hspace(src[j]));
    // Inside a quotation opened on this line (curly or folded)? And does
    // the line set straight quotes around Latin text (`更新了"Debian…"`),
    // which stay, with every other straight quote on it?
    let mut quoted = false;
    let straight = context
        && src.iter().enumerate().any(|(i, &c)| {
            c == '"'
                && [ink_before(i), ink_after(i)].iter().any(|j| {
                    j.is_some_and(|j| {
                        src[j].is_ascii_alphanumeric() || matches!(src[j], '(' | ')' | '/' | '.')
                    })
                })
        });
    for (i, &c) in src.iter().enumerate() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
        let prev = if i > 0 { Some(src[i - 1]) } else { None };
        let next = src.get(i + 1).copied();
        let mut rule: Option<&'static str> = None;
        let mut push: Option<Cow<'static, str>> = None;
        let contextual = numeric_symbol(c)
            || matches!(
                c,
                ',' | ':' | ';' | '!' | '?' | '(' | ')' | '〈' | '《' | '"'
            );
        if contextual != context {
            out.push(c);
            continue;
        }
        if is_control(c) {
            if folds.has(Fold::Controls) {
                rule = Some("controls");
                push = Some(Cow::Borrowed(""));
            }
        } else if is_invisible(c) {
            if folds.has(Fold::Invisible) {
                rule = Some("invisible");
                push = Some(Cow::Borrowed(""));
            }
        } else if matches!(c, '\u{200C}' | '\u{200D}') {
            // Keep joiners inside emoji and Indic sequences; drop them
            // between CJK or ASCII characters, where they only hide text.
            let plain =
                |x: Option<char>| x.is_none_or(|x| x.is_ascii() || chars::class(x).is_cjk());
            if folds.has(Fold::Invisible) && plain(prev) && plain(next) {
                rule = Some("invisible");
                push = Some(Cow::Borrowed(""));
            }
        } else if is_odd_space(c) {
            if folds.has(Fold::Spaces) {
                rule = Some("spaces");
                push = Some(Cow::Borrowed(" "));
            }
        } else if let Some(r) = radical(c) {
            if folds.has(Fold::Radicals) {
                rule = Some("radicals");
                push = Some(Cow::Owned(r.to_string()));
            }
        } else if fullwidth_alnum(c) {
            if folds.has(Fold::FullwidthAscii) {
                rule = Some("fullwidth-ascii");
                push = Some(Cow::Owned(to_ascii(c).to_string()));
            }
        } else if numeric_symbol(c) {
            // (A percent sign in CJK text is CJK punctuation, as wide as its
            // neighbours, and stays so: `增长２５％，` → `增长25％，`.)
            let in_cjk = || {
                let number_start = (0..i)
                    .rev()
                    .find(|&j| !(chars::is_digit(src[j]) || matches!(src[j], '.' | '．')))
                    .map(|j| src[j]);
                cjkish(ink_after(i).map(|j| src[j]).or(edges.1)) || cjkish(number_start.or(edges.0))
            };
            let numeric = match c {
                '％' => digit_at(i.wrapping_sub(1)) && !in_cjk(),
                '＋' | '－' => digit_at(i + 1),
                _ => digit_at(i.wrapping_sub(1)) && digit_at(i + 1),
            };
            if folds.has(Fold::FullwidthAscii) && numeric {
                rule = Some("fullwidth-ascii");
                push = Some(Cow::Owned(to_ascii(c).to_string()));
            }
        } else if matches!(c, ',' | ':' | ';' | '!' | '?') {
            // Neighbours across spaces: despace may remove them.
            // A half-width bracket that this pass makes full-width counts as
            // the CJK bracket it becomes (`毕业; (二)` → `毕业；（二）`).
            let as_folded = |j: usize| {
                if paren_fold[j] {
                    if src[j] == ')' { '）' } else { '（' }
                } else {
                    src[j]
                }
            };
            let before = ink_before(i).map(as_folded).or(edges.0);
            let after = ink_after(i).map(as_folded).or(edges.1);
            // A number that a CJK word follows is CJK text too
            // (`30日晚, 700多名` → `30日晚，700多名`; not `期刊, 2001, 12`).
            let number_then_cjk = || {
                let Some(j) = ink_after(i) else {
                    return false;
                };
                let k = (j..src.len())
                    .find(|&k| !src[k].is_ascii_digit())
                    .unwrap_or(src.len());
                k > j && src.get(k).is_some_and(|&c| chars::class(c) == Class::Han)
            };
            if folds.has(Fold::CjkPunct)
                && cjkish(before)
                && (cjkish(after) || (c != '!' && c != '?' && number_then_cjk()))
            {
                rule = Some("cjk-punct");
                push = Some(Cow::Borrowed(match c {
                    ',' => "，",
                    ':' => "：",
                    ';' => "；",
                    '!' => "！",
                    _ => "？",
                }));
            }
        } else if c == '"' {
            // A straight double quote between CJK characters is a curly one
            // (OCR reads `”` as `"`): closing before a mark that ends a
            // clause or inside a quotation opened on the line, opening after
            // such a mark or bracket; between two ideographs it could be
            // either (the quotation may have opened a line before) and
            // stays.
            let before = ink_before(i).map(|j| src[j]).or(edges.0);
            let after = ink_after(i).map(|j| src[j]).or(edges.1);
            let closes = quoted
                || after.is_some_and(|a| {
                    matches!(
                        a,
                        '。' | '，' | '、' | '；' | '：' | '！' | '？' | '）' | '」'
                    )
                });
            let opens = before.is_some_and(|b| {
                matches!(
                    b,
                    '。' | '，' | '、' | '；' | '：' | '！' | '？' | '（' | '「'
                )
            });
            if folds.has(Fold::CjkPunct)
                && !straight
                && cjkish(before)
                && cjkish(after)
                && closes != opens
            {
                rule = Some("cjk-punct");
                push = Some(Cow::Borrowed(if closes { "”" } else { "“" }));
                quoted = opens;
            }
        } else if matches!(c, '(' | ')' | '〈' | '《') {
            if paren_fold[i] {
                rule = Some("cjk-punct");
                push = Some(Cow::Borrowed(if c == ')' { "）" } else { "（" }));
            }
        } else if matches!(c, '\u{2E3A}' | '\u{2E3B}' | '\u{2010}' | '\u{2011}') {
            // Two- and three-em dashes to em dashes; the Unicode hyphens
            // that PDF fonts map their hyphen glyph to, to the ASCII one.
            if folds.has(Fold::Dashes) {
                rule = Some("dashes");
                push = Some(Cow::Borrowed(match c {
                    '\u{2E3A}' => "——",
                    '\u{2E3B}' => "———",
                    _ => "-",
                }));
            }
        } else if matches!(c, '\u{2015}' | '\u{2215}') {
            // The horizontal bar that some CJK fonts map their dash to, and
            // the division slash that some map their slash to: an em dash
            // and a slash (full-width between CJK), unless it is a
            // quotation dash (opening a line or following a space, before
            // a letter) or a mathematical slash (a letter beside). A bar
            // between a letter and a digit is a dash (`U―2`).
            let side = |j: Option<usize>| j.and_then(|j| src.get(j).copied());
            let (l, r) = (side(i.checked_sub(1)), side(Some(i + 1)));
            let letter = |x: Option<char>| x.is_some_and(|x| chars::class(x) == Class::Letter);
            let keep = if c == '\u{2015}' {
                letter(r) && l.is_none_or(|l| !letter(Some(l)) && !l.is_alphanumeric())
            } else {
                letter(l) || letter(r)
            };
            if folds.has(Fold::Dashes) && !keep {
                rule = Some("dashes");
                push = Some(Cow::Borrowed(if c == '\u{2015}' {
                    "—"
                } else if cjkish(l) && cjkish(r) {
                    "／"
                } else {
                    "/"
                }));
            }
        } else if let Some(l) = ligature(c) {
            if folds.has(Fold::Ligatures) {
                rule = Some("ligatures");
                push = Some(Cow::Borrowed(l));
            }
        } else if c == '\u{FFFD}' || is_private_use(c) {
            let what = if c == '\u{FFFD}' {
                "replacement-char"
            } else {
                "private-use"
            };
            trace.record(STAGE, what, line, || {
                format!(
                    "col {}: U+{:04X} kept (text was lost here)",
                    i + 1,
                    c as u32
                )
            });
        }
        match (rule, push) {
            (Some(rule), Some(rep)) => {
                changed = true;
                trace.record(STAGE, rule, line, || {
                    format!("col {}: {:?} (U+{:04X}) → {:?}", i + 1, c, c as u32, rep)
                });
                out.push_str(&rep);
            }
            _ => out.push(c),
        }
    }
    changed
}

/// NFC only where a character may not be NFC-stable: ASCII, CJK ideographs
/// and CJK punctuation never are, so most lines skip the table look-ups.
fn needs_nfc(s: &str) -> bool {
    let odd = s.chars().any(|c| {
        let u = c as u32;
        u >= 0x300
            && !(0x4E00..=0x9FFF).contains(&u)
            && !(0x3000..=0x303F).contains(&u)
            && !(0xFF01..=0xFF5E).contains(&u)
    });
    odd && is_nfc_quick(s.chars()) != IsNormalized::Yes
}

/// Mark half-width brackets to fold: a matching `(`…`)` pair on the line
/// whose content holds an ideograph and that touches CJK on the outside
/// (`浏阳(湖南)` → `浏阳（湖南）`).
fn pair_brackets(src: &[char], marks: &mut [bool]) {
    let mut stack: Vec<usize> = Vec::new();
    for (i, &c) in src.iter().enumerate() {
        match c {
            '(' => stack.push(i),
            ')' => {
                if let Some(open) = stack.pop() {
                    let inner = &src[open + 1..i];
                    let has_han = inner.iter().any(|&x| chars::class(x) == Class::Han);
                    let latin = inner.iter().any(|&x| x.is_ascii_alphabetic());
                    // Neighbours across spaces: despace may remove them.
                    let before = src[..open]
                        .iter()
                        .rev()
                        .find(|&&x| !chars::is_hspace(x))
                        .copied();
                    let after = src[i + 1..]
                        .iter()
                        .find(|&&x| !chars::is_hspace(x))
                        .copied();
                    // (A pair alone on its line, `(夏萍林)`, is an
                    // attribution or a note in CJK text.)
                    let outside =
                        cjkish(before) || cjkish(after) || (before.is_none() && after.is_none());
                    // (A short pair between CJK on both sides is CJK
                    // text's, whatever it holds: `项目(DDP)中`,
                    // `超级键(Windows键)，`; not a Latin list in brackets.)
                    let between = cjkish(before)
                        && cjkish(after)
                        && inner.len() <= 24
                        && latin
                        && !inner.contains(&',');
                    if (has_han && !latin && outside && !inner.contains(&'/')) || between {
                        marks[open] = true;
                        marks[i] = true;
                    }
                }
            }
            _ => {}
        }
    }
}

/// An angle bracket closed by a parenthesis (`〈白林超 杜梅鹏)`, `《本报记者
/// 张悦摄)`): OCR reads the full-width opening parenthesis as `〈` or `《`.
/// Around Han text without Latin letters, within 30 characters and before
/// any other bracket, the pair becomes `（…）`; a `〈` that `〉` closes, a
/// `《` that `》` closes, stay.
fn pair_misread_angles(src: &[char], marks: &mut [bool]) {
    for (open, _) in src
        .iter()
        .enumerate()
        .filter(|&(_, &c)| matches!(c, '〈' | '《'))
    {
        let rest = &src[open + 1..];
        let Some((close, closer)) = first_bracket(rest.iter().copied()) else {
            continue;
        };
        let inner = &rest[..close];
        let has_han = inner.iter().any(|&x| chars::class(x) == Class::Han);
        let latin = inner.iter().any(|&x| x.is_ascii_alphabetic());
        if matches!(closer, ')' | '）') && has_han && !latin {
            marks[open] = true;
            marks[open + 1 + close] = closer == ')';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_line(s, Folds::default(), 1, &mut Trace::new(false)).into_owned()
    }

    #[test]
    fn table() {
        // (input, expected), one row per case: positive and negative.
        let rows = [
            // radicals
            ("⼈类", "人类"),
            ("⺠主", "民主"),
            ("⼀⽇", "一日"),
            // compatibility ideographs go through NFC
            ("\u{F900}", "\u{8C48}"),
            // fullwidth-ascii
            ("１７％", "17%"),
            ("１７％ of users", "17% of users"),
            // a percent sign in CJK text is CJK punctuation
            ("增长２５．５％，", "增长25.5％，"),
            ("占比为３０％", "占比为30％"),
            ("ＰＲＭＬ", "PRML"),
            ("１７．７％", "17.7%"),
            ("第１０／２０", "第10/20"),
            ("３：３０", "3:30"),
            ("时间3：30开始", "时间3:30开始"),
            ("会议：下午开始", "会议：下午开始"),
            ("－５", "-5"),
            ("说：好", "说：好"),
            ("百分号％", "百分号％"),
            ("他说，“好。”", "他说，“好。”"),
            (
                "《书》（注）【题】「引」『号』、；！？…—·",
                "《书》（注）【题】「引」『号』、；！？…—·",
            ),
            // cjk-punct
            ("浏阳工信:战疫情促发展,开创", "浏阳工信：战疫情促发展，开创"),
            ("真的吗?是的!好;", "真的吗？是的！好;"),
            ("1,000 人", "1,000 人"),
            ("3:30", "3:30"),
            ("时间3:30开始", "时间3:30开始"),
            ("见 http://a.cn/x,y 页", "见 http://a.cn/x,y 页"),
            ("Hello, world", "Hello, world"),
            ("中文, English", "中文, English"),
            // ocr-digits: OCR's readings of 1 in dates and centuries.
            ("本报北京1月工日讯", "本报北京1月1日讯"),
            ("决定，工月工日起", "决定，1月1日起"),
            ("12月3工日晚", "12月31日晚"),
            ("本报北京]月1日讯", "本报北京1月1日讯"),
            ("迎接2工世纪", "迎接21世纪"),
            ("html月3日", "html月3日"),
            ("每月工日数", "每月工日数"),
            ("[1]月1日", "[1]月1日"),
            // OCR's straight double quotes between CJK characters.
            ("神仙难辨\"。即便", "神仙难辨”。即便"),
            ("他说：\"我们要努力\"，大家", "他说：“我们要努力”，大家"),
            ("他说\"我们", "他说\"我们"),
            ("更新了\"Debian手册\"来处理", "更新了\"Debian手册\"来处理"),
            ("用\"/dev/console\"来描述", "用\"/dev/console\"来描述"),
            // A number that a CJK word follows is CJK text.
            ("30日晚, 700多名", "30日晚， 700多名"),
            ("报道: 20世纪", "报道： 20世纪"),
            ("期刊, 2001, 12(3)", "期刊, 2001, 12(3)"),
            ("共计, 2022", "共计, 2022"),
            ("好, 3个!", "好， 3个!"),
            ("浏阳(湖南)报道", "浏阳（湖南）报道"),
            ("见(2021)号", "见(2021)号"),
            ("用(PDF)格式", "用（PDF）格式"),
            // A pair alone on its line holding ideographs: an attribution.
            ("(夏萍林)", "（夏萍林）"),
            ("(ABC)", "(ABC)"),
            ("this is (北京)", "this is (北京)"),
            ("(北京) is", "(北京) is"),
            // dashes
            ("规划\u{2E3A}《", "规划——《"),
            ("\u{2E3B}", "———"),
            (
                "light\u{2010}weight non\u{2011}breaking",
                "light-weight non-breaking",
            ),
            ("—— – −", "—— – −"),
            ("俄通社\u{2015}塔斯社", "俄通社—塔斯社"),
            ("150％\u{2015}300％", "150％—300％"),
            ("\u{2015}Ναι, είπε", "\u{2015}Ναι, είπε"),
            // ocr-digits: a dash between numbers read as 一
            ("海区有6一7级偏北风", "海区有6—7级偏北风"),
            ("产草量提高150%一300%", "产草量提高150%—300%"),
            ("一一列举了2000年一月的数据", "一一列举了2000年一月的数据"),
            // a short pair between CJK is CJK text's, whatever it holds
            ("在文档项目(DDP)中很活跃", "在文档项目（DDP）中很活跃"),
            ("按超级键 (Windows键) ，在", "按超级键 （Windows键） ，在"),
            (
                "移除话题 (SysV init, CVS, Linux 5.10)，以及",
                "移除话题 (SysV init, CVS, Linux 5.10)，以及",
            ),
            ("例如xterm(1)。", "例如xterm(1)。"),
            // OCR's misread opening parenthesis
            ("〈白林超 杜梅鹏)", "（白林超 杜梅鹏）"),
            ("《本报记者张悦摄)", "（本报记者张悦摄）"),
            ("电《记者 武勇）据悉", "电（记者 武勇）据悉"),
            ("读了《红楼梦》(第一卷)", "读了《红楼梦》（第一卷）"),
            ("《Linux 手册)", "《Linux 手册)"),
            ("含PPA〈苯丙醇胺）成分", "含PPA（苯丙醇胺）成分"),
            ("〈诗经〉", "〈诗经〉"),
            ("〈Anchor)", "〈Anchor)"),
            ("είπε. \u{2015}Ναι", "είπε. \u{2015}Ναι"),
            ("一架美军“Ｕ\u{2015}２”型", "一架美军“U—2”型"),
            ("光明\u{2215}藏族", "光明／藏族"),
            ("100公里\u{2215}小时", "100公里／小时"),
            ("3\u{2215}4", "3/4"),
            ("a\u{2215}b", "a\u{2215}b"),
            // ligatures
            ("ﬁle ﬂow ﬀ ﬃ ﬄ ﬅ ﬆ", "file flow ff ffi ffl st st"),
            // invisible
            ("a\u{200B}b\u{2060}c\u{FEFF}d", "abcd"),
            ("soft\u{AD}ware", "software"),
            ("中\u{200D}文", "中文"),
            ("👨\u{200D}👩", "👨\u{200D}👩"),
            ("क्\u{200D}ष", "क्\u{200D}ष"),
            // spaces
            ("a\u{A0}b\u{3000}c\u{2009}d", "a b c d"),
            // controls
            ("a\u{7}b\u{1B}c\u{85}d\u{9C}e", "abcde"),
            ("tab\tkept", "tab\tkept"),
            // nfc
            ("e\u{301}", "é"),
            // ocr-apostrophes
            (
                "You’ ve seen it, but we don’ t know what it’ s for",
                "You’ve seen it, but we don’t know what it’s for",
            ),
            (
                "we’ Il see; they’ re here; I’ m in",
                "we’ll see; they’re here; I’m in",
            ),
            (
                "the users’ details and the cat’ t",
                "the users’ details and the cat’ t",
            ),
            ("Ann' s book, 5’ s", "Ann's book, 5’ s"),
            // ocr-underscores
            (
                "the system ends up with new _ block devices",
                "the system ends up with new block devices",
            ),
            (
                "In_ practice, a_ server is used",
                "In practice, a server is used",
            ),
            (
                "we used a vg_ prefix for snake_case names",
                "we used a vg_ prefix for snake_case names",
            ),
            ("for _ in items", "for _ in items"),
            ("let _ = value;", "let _ = value;"),
            ("中文 _ 文本", "中文 _ 文本"),
            // reported, unchanged
            ("\u{FFFD}\u{E000}", "\u{FFFD}\u{E000}"),
        ];
        for (input, want) in rows {
            assert_eq!(n(input), want, "input {input:?}");
        }
    }

    #[test]
    fn door_radical_follows_the_script() {
        let clean = |s: &str| crate::clean(s, &crate::Config::default()).text;
        // Simplified text: the simplified form the font drew.
        assert_eq!(
            clean("这个用\u{2F3E}们的电脑会发出警告。\n"),
            "这个用户们的电脑会发出警告。\n"
        );
        // Traditional text: Unicode's equivalent ideograph.
        assert_eq!(
            clean("這個用\u{2F3E}們的電腦會發出警告。\n"),
            "這個用戶們的電腦會發出警告。\n"
        );
        assert!(crate::chars::simplified(["这是国家的书"].into_iter()));
        assert!(!crate::chars::simplified(["這是國家的書"].into_iter()));
        assert!(!crate::chars::simplified(["no Han at all"].into_iter()));
    }

    #[test]
    fn fast_path_borrows() {
        let s = "浏阳市工信局以高度的责任感和使命感，积极作为。“好”";
        assert!(matches!(
            normalize_line(s, Folds::default(), 1, &mut Trace::new(false)),
            Cow::Borrowed(_)
        ));
        let s = "plain ASCII text 2022.";
        assert!(matches!(
            normalize_line(s, Folds::default(), 1, &mut Trace::new(false)),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn folds_switch_off() {
        let folds = Folds::default()
            .without(Fold::Radicals)
            .without(Fold::FullwidthAscii);
        let mut t = Trace::new(false);
        assert_eq!(normalize_line("⼈１", folds, 1, &mut t), "⼈１");
        let mut t = Trace::new(true);
        assert_eq!(normalize_line("⼈１", Folds::default(), 3, &mut t), "人1");
        assert_eq!(t.counts.get(STAGE, "radicals"), 1);
        assert_eq!(t.decisions[0].line, 3);
    }

    #[test]
    fn reports_lost_text() {
        let mut t = Trace::new(false);
        normalize_line("a\u{FFFD}b\u{E001}", Folds::default(), 1, &mut t);
        assert_eq!(t.counts.get(STAGE, "replacement-char"), 1);
        assert_eq!(t.counts.get(STAGE, "private-use"), 1);
    }

    #[test]
    fn radical_table_matches_unicode_data() {
        // Checked against the UCD file when the machine has it (Debian
        // package `unicode-data`); scripts/gen_radicals.py regenerates.
        let path = "/usr/share/unicode/EquivalentUnifiedIdeograph.txt";
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("{path} not present: table check skipped");
            return;
        };
        let mut n = 0;
        for line in text.lines() {
            let body = line.split('#').next().unwrap_or("").trim();
            if body.is_empty() {
                continue;
            }
            let (src, dst) = body.split_once(';').unwrap();
            let dst = char::from_u32(u32::from_str_radix(dst.trim(), 16).unwrap()).unwrap();
            let (lo, hi) = match src.trim().split_once("..") {
                Some((a, b)) => (a, b),
                None => (src.trim(), src.trim()),
            };
            for cp in u32::from_str_radix(lo, 16).unwrap()..=u32::from_str_radix(hi, 16).unwrap() {
                let c = char::from_u32(cp).unwrap();
                if matches!(c, '\u{2E80}'..='\u{2FDF}') {
                    assert_eq!(radical(c), Some(dst), "U+{cp:04X}");
                    n += 1;
                }
            }
        }
        assert_eq!(n, RADICALS.len());
    }
}
