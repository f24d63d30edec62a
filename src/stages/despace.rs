//! Stage `despace`: layout and OCR spaces out, meaningful spaces kept.
//!
//! Every white-space run inside a line is decided from its two neighbours and
//! from evidence measured on the raw line ([`Evidence`]): a stretched line
//! (most CJK gaps spaced, or a space before closing punctuation) had its
//! characters spread by justification, so its spaces are layout; on a normal
//! line an isolated space between two CJK phrases is the author's
//! (`聆诵四种精神 传承湖湘文化`, names in a byline) and stays.
//!
//! Spaces between CJK and digits or Latin follow a convention
//! ([`CjkLatinSpace`]); `auto` measures it on the document's normal lines: a
//! typesetter's autospace puts a space at nearly every CJK–digit boundary
//! (`2022 年`), an author who spaces Latin words (`Linux 系统`) does not
//! space digits (`3月9日`). Where the document does not space Latin words
//! as a rule, the odd spaced one is layout too.
//!
//! [`Evidence`]: crate::doc::Evidence

use crate::chars::{self, Class};
use crate::config::{CjkLatinSpace, Config};
use crate::doc::{Document, Line};
use crate::explain::{Trace, clip};
use std::borrow::Cow;

const STAGE: &str = "despace";

/// The spacing convention of one document: which CJK–alphanumeric spaces
/// are the author's (kept) rather than layout (removed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Convention {
    /// Spaces between CJK and Latin words are kept.
    pub letters: bool,
    /// Spaces between CJK and digits are kept.
    pub digits: bool,
    /// Spaces between CJK and Latin words are put back where the extractor
    /// lost them (the author spaced them, the extractor kept some).
    pub restore_letters: bool,
}

impl Convention {
    /// Remove every CJK–alphanumeric space (`--cjk-latin-space remove`).
    pub const REMOVE: Convention = Convention {
        letters: false,
        digits: false,
        restore_letters: false,
    };
    /// Keep them all (`--cjk-latin-space keep`).
    pub const KEEP: Convention = Convention {
        letters: true,
        digits: true,
        restore_letters: false,
    };
}

/// What the convention is measured on, in one pass over the document.
struct Spacing {
    /// CJK–digit boundaries on normal lines: (spaced, total).
    digit: (usize, usize),
    /// CJK–letter boundaries on normal lines: (spaced, total).
    letter: (usize, usize),
    /// Ideographs in the whole document.
    han: usize,
}

fn measure(doc: &Document) -> Spacing {
    let mut m = Spacing {
        digit: (0, 0),
        letter: (0, 0),
        han: 0,
    };
    for line in &doc.lines {
        let normal = !line.ev.stretched();
        let mut prev: Option<Class> = None;
        let mut spaced = false;
        for c in line.text.trim().chars() {
            if chars::is_hspace(c) {
                spaced = true;
                continue;
            }
            let cl = chars::class(c);
            m.han += usize::from(cl == Class::Han);
            if let Some(p) = prev.filter(|_| normal) {
                let pair = [p, cl];
                if pair.contains(&Class::Han) {
                    let slot = if pair.contains(&Class::Digit) {
                        Some(&mut m.digit)
                    } else if pair.contains(&Class::Letter) {
                        Some(&mut m.letter)
                    } else {
                        None
                    };
                    if let Some(slot) = slot {
                        slot.1 += 1;
                        slot.0 += usize::from(spaced);
                    }
                }
            }
            prev = Some(cl);
            spaced = false;
        }
    }
    m
}

/// Measure the document's convention (`auto`), or take the one given.
///
/// A typesetter's autospace and an author who spaces Latin words both put
/// a space at most CJK–Latin boundaries; what tells them apart is how much
/// Latin there is. A newspaper has the odd `5G`, and its spaces are
/// autospace; a technical text is full of Latin words (`Linux 系统`,
/// `配置 LPR 打印机`), and there the author spaces them, and digits too
/// when most digits are spaced. Everything not kept is removed.
pub fn convention(doc: &Document, mode: CjkLatinSpace) -> Convention {
    match mode {
        CjkLatinSpace::Remove => return Convention::REMOVE,
        CjkLatinSpace::Keep => return Convention::KEEP,
        CjkLatinSpace::Auto => {}
    }
    let Spacing {
        digit: (ds, dt),
        letter: (ls, lt),
        han,
    } = measure(doc);
    // At least one CJK–Latin boundary per 200 ideographs.
    let latin_frequent = lt >= 4 && lt * 200 >= han;
    let letters = latin_frequent && ls * 2 >= lt;
    // In a technical text (a CJK–Latin boundary per 40 ideographs, eight
    // at least), fewer than half spaced, but an eighth at least (three
    // boundaries or more): an author who spaces nothing leaves next to
    // none, so the author spaced them and the extractor lost most
    // (pdftotext drops a space narrower than its threshold, and a
    // proportional font's space after an ideograph often is). The lost
    // ones are put back. (A newspaper's odd `IT` does not say enough.)
    let latin_dense = lt >= 8 && lt * 40 >= han;
    let restore = latin_dense && !letters && ls >= 3 && ls * 8 >= lt;
    Convention {
        letters: letters || restore,
        digits: letters && dt > 0 && ds * 2 >= dt,
        restore_letters: restore,
    }
}

/// `s` with a space between every ideograph and Latin letter that touch
/// (`安装Debian的` reads `安装 Debian 的`).
fn restore_letter_spaces(s: &str) -> Cow<'_, str> {
    let touching = |a: char, b: char| {
        let (ka, kb) = (chars::class(a), chars::class(b));
        (ka == Class::Han && kb == Class::Letter) || (ka == Class::Letter && kb == Class::Han)
    };
    // (The text is copied from the first place a space goes in.)
    let mut out: Option<String> = None;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if prev.is_some_and(|p| touching(p, c)) {
            out.get_or_insert_with(|| {
                let mut o = String::with_capacity(s.len() + 8);
                o.push_str(&s[..i]);
                o
            })
            .push(' ');
        }
        if let Some(o) = out.as_mut() {
            o.push(c);
        }
        prev = Some(c);
    }
    out.map_or(Cow::Borrowed(s), Cow::Owned)
}

/// Run the stage over every line.
pub fn run(doc: &mut Document, cfg: &Config, trace: &mut Trace) {
    let conv = convention(doc, cfg.cjk_latin_space);
    trace.record(STAGE, "convention", 0, || {
        let Spacing { digit: (ds, dt), letter: (ls, lt), .. } = measure(doc);
        let word = |k: bool| if k { "kept" } else { "removed" };
        format!(
            "cjk-digit spaced {ds}/{dt}, cjk-letter spaced {ls}/{lt}: cjk-latin spaces {}, cjk-digit spaces {}",
            if conv.restore_letters {
                "kept and restored"
            } else {
                word(conv.letters)
            },
            word(conv.digits)
        )
    });
    doc.keep_cjk_letter_space = conv.letters;
    doc.keep_cjk_digit_space = conv.digits;
    for line in &mut doc.lines {
        if let Cow::Owned(s) = despace_line(line, conv, trace) {
            line.text = s;
        }
        if conv.restore_letters
            && let Cow::Owned(s) = restore_letter_spaces(&line.text)
        {
            trace.record(STAGE, "restore-cjk-latin", line.no, || {
                format!("{:?}", crate::explain::clip(&s, 30))
            });
            line.text = s;
        }
    }
    crate::syllables::join(doc, STAGE, trace);
}

/// [`credit_start`] of a line's text. Every credit ends with `摄` (perhaps
/// before a bracket): most lines leave before their characters are
/// collected.
pub fn credit_start_of(t: &str) -> Option<usize> {
    let end = t.trim_end_matches(|c: char| chars::is_hspace(c) || matches!(c, '）' | ')'));
    if !end.ends_with(['摄', '攝']) {
        return None;
    }
    credit_start(&t.chars().collect::<Vec<_>>())
}

/// Start (char index) of a photo credit at the end of the line
/// (`… 湖南日报全媒体记者 童迪 摄`): spaces from there on are kept.
pub fn credit_start(cs: &[char]) -> Option<usize> {
    let mut end = cs.len();
    while end > 0 && (chars::is_hspace(cs[end - 1]) || matches!(cs[end - 1], '）' | ')')) {
        end -= 1;
    }
    if end == 0 || !matches!(cs[end - 1], '摄' | '攝') {
        return None;
    }
    // Back to the sentence end before the credit, at most 30 characters.
    let lo = end.saturating_sub(CREDIT_SPAN);
    let mut start = lo;
    for i in (lo..end).rev() {
        if chars::is_sentence_end(cs[i]) || matches!(cs[i], '，' | '”' | '」') {
            start = i + 1;
            break;
        }
    }
    let tail: String = cs[start..end].iter().collect();
    (crate::bylines::credit_roles()
        .iter()
        .any(|w| tail.contains(w))
        || bracketed_names(
            &cs[start..end],
            cs[end..].iter().any(|&c| matches!(c, '）' | ')')),
        ))
    .then_some(start)
}

/// A photographer's bracketed name without a role word (`（徐烨摄）`,
/// `（李明 王芳 摄）`): the bracket opens the credit and closes after its
/// `摄`, and holds one or two names and nothing else.
fn bracketed_names(credit: &[char], closed: bool) -> bool {
    let Some((&open, rest)) = credit.split_first() else {
        return false;
    };
    if !closed || !matches!(open, '（' | '(') {
        return false;
    }
    let names = &rest[..rest.len().saturating_sub(1)];
    let runs: Vec<&[char]> = names
        .split(|&c| chars::is_hspace(c) || c == '、')
        .filter(|r| !r.is_empty())
        .collect();
    (1..=2).contains(&runs.len())
        && runs.iter().all(|r| {
            r.iter().all(|&c| chars::is_han(c))
                && crate::bylines::cut_names(r).is_some_and(|n| n.len() == 1)
        })
}

/// Start (char index) of a photo credit that the line's end cut before its
/// `摄` (`…不大。 本报记者 王玉` / `摄`, `…结束。 本报` / `记者 白平斌 摄`):
/// after the last sentence end and a space, Han characters only, starting
/// with a credit's prefix or role word.
fn cut_credit_start(cs: &[char]) -> Option<usize> {
    let mut end = cs.len();
    while end > 0 && chars::is_hspace(cs[end - 1]) {
        end -= 1;
    }
    let start = (end.saturating_sub(CREDIT_SPAN)..end)
        .rev()
        .find(|&i| !chars::is_han(cs[i]) && !chars::is_hspace(cs[i]))?;
    if !chars::is_sentence_end(cs[start])
        || !cs.get(start + 1).is_some_and(|&c| chars::is_hspace(c))
    {
        return None;
    }
    let tail: String = cs[start + 1..end].iter().collect();
    crate::bylines::starts_credit(tail.trim_start()).then_some(start + 1)
}

/// How far before a credit's end its sentence end is looked for.
const CREDIT_SPAN: usize = 30;

/// Effective class of a character at `i`: curly quotes take the class of the
/// text they quote, so `“degraded mode”` in English is not CJK.
fn eff_class(cs: &[char], i: usize) -> Class {
    let c = cs[i];
    let cl = chars::class(c);
    match c {
        '“' | '‘' => {
            let inside = cs[i + 1..]
                .iter()
                .find(|&&x| !chars::is_hspace(x) && !matches!(x, '“' | '‘'));
            match inside.map(|&x| chars::class(x)) {
                Some(k) if k.is_cjk() => cl,
                None => cl,
                _ => Class::Punct,
            }
        }
        '”' | '’' => {
            let inside = cs[..i]
                .iter()
                .rev()
                .find(|&&x| !chars::is_hspace(x) && !matches!(x, '”' | '’'));
            match inside.map(|&x| chars::class(x)) {
                Some(k) if k.is_cjk() => cl,
                None => cl,
                _ => Class::Punct,
            }
        }
        _ => cl,
    }
}

/// A run of single digits split by OCR spaces next to CJK (`2 0 0 1年`,
/// `1 0月2 4`): the tokens around the space are digit runs, at least one of
/// them a lone digit, and the run touches an ideograph.
fn ocr_digit_split(cs: &[char], l: usize, r: usize) -> bool {
    // Token left of the space: back to the previous space.
    let mut a = l;
    while a > 0 && !chars::is_hspace(cs[a - 1]) {
        a -= 1;
    }
    let mut b = r;
    while b + 1 < cs.len() && !chars::is_hspace(cs[b + 1]) {
        b += 1;
    }
    let digits_left = cs[a..=l]
        .iter()
        .rev()
        .take_while(|&&c| chars::is_digit(c))
        .count();
    let digits_right = cs[r..=b]
        .iter()
        .take_while(|&&c| chars::is_digit(c))
        .count();
    let lone_left = digits_left == 1 && (l == a || !chars::is_digit(cs[l - 1]));
    let lone_right = digits_right == 1 && (r == b || !chars::is_digit(cs[r + 1]));
    if !(lone_left || lone_right) {
        return false;
    }
    // The digit run, spaces included, must touch an ideograph at one end.
    let mut s = l;
    while s > 0
        && (chars::is_digit(cs[s - 1])
            || (cs[s - 1] == ' ' && s >= 2 && chars::is_digit(cs[s - 2])))
    {
        s -= 1;
    }
    let mut e = r;
    while e + 1 < cs.len()
        && (chars::is_digit(cs[e + 1])
            || (cs[e + 1] == ' ' && e + 2 < cs.len() && chars::is_digit(cs[e + 2])))
    {
        e += 1;
    }
    let han = |i: Option<usize>| {
        i.and_then(|i| cs.get(i))
            .is_some_and(|&c| chars::class(c).is_cjk())
    };
    // (across a space too: that space goes as a CJK–digit gap)
    let before = cs[..s].iter().rposition(|&c| !chars::is_hspace(c));
    let after = cs[e + 1..]
        .iter()
        .position(|&c| !chars::is_hspace(c))
        .map(|p| e + 1 + p);
    han(before) || han(after)
}

/// Is the space between `cs[l]` and `cs[r]` one that OCR put inside a
/// number written among ideographs: around a decimal point (`7. 8平方米`,
/// `绿地 6 . 3平方米`) or before a percent sign (`达 39 %，`)? The number,
/// spaces taken out, must touch an ideograph or CJK punctuation at one end.
fn ocr_number_split(cs: &[char], l: usize, r: usize) -> bool {
    let next = |from: usize| cs[from..].iter().copied().find(|&c| !chars::is_hspace(c));
    let prev = |to: usize| {
        cs[..to]
            .iter()
            .rev()
            .copied()
            .find(|&c| !chars::is_hspace(c))
    };
    let (a, b) = (cs[l], cs[r]);
    let decimal = (chars::is_digit(a) && b == '.' && next(r + 1).is_some_and(chars::is_digit))
        || (a == '.' && chars::is_digit(b) && prev(l).is_some_and(chars::is_digit));
    let percent = chars::is_digit(a) && matches!(b, '%' | '％');
    if !(decimal || percent) {
        return false;
    }
    // The number's ends: digits, points, percent signs and spaces.
    let part = |c: char| chars::is_digit(c) || matches!(c, '.' | '%' | '％') || chars::is_hspace(c);
    let start = cs[..=l]
        .iter()
        .rposition(|&c| !part(c))
        .map_or(0, |i| i + 1);
    let end = cs[r..]
        .iter()
        .position(|&c| !part(c))
        .map_or(cs.len(), |p| r + p);
    let cjk = |c: Option<&char>| c.is_some_and(|&c| chars::class(c).is_cjk());
    cjk(start.checked_sub(1).and_then(|i| cs.get(i))) || cjk(cs.get(end))
}

/// Despace one line.
pub fn despace_line<'a>(line: &'a Line, conv: Convention, trace: &mut Trace) -> Cow<'a, str> {
    let s = line.text.as_str();
    let stretched = line.ev.stretched();
    let trimmed = s.trim_matches(chars::is_hspace);
    let has_inner_space = trimmed.contains(|c: char| chars::is_hspace(c));
    if !has_inner_space {
        return if trimmed.len() == s.len() {
            Cow::Borrowed(s)
        } else {
            Cow::Borrowed(trimmed)
        };
    }
    let cs: Vec<char> = trimmed.chars().collect();
    let credit = credit_start(&cs).or_else(|| cut_credit_start(&cs));
    let spread = spread_gaps(&cs);
    let mut gap = 0;
    let mut out = String::with_capacity(trimmed.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if !chars::is_hspace(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < cs.len() && chars::is_hspace(cs[i]) {
            i += 1;
        }
        let (l, r) = (start - 1, i);
        let (cl, cr) = (eff_class(&cs, l), eff_class(&cs, r));
        let in_spread = spread.get(gap).copied().unwrap_or(false);
        gap += 1;
        // A tab between two pieces of text sets a table's cells apart: it
        // stays, one tab for the run (`张三\t25\t北京`).
        let tab = cs[start..i].contains(&'\t');
        let (keep, rule) = if tab {
            (true, "tab-cell")
        } else if in_spread
            && !matches!(cl, Class::Hangul | Class::Letter)
            && !matches!(cr, Class::Hangul | Class::Letter)
        {
            (false, "spread-run")
        } else {
            decide(&cs, l, r, cl, cr, stretched, credit, conv)
        };
        trace.record(STAGE, rule, line.no, || {
            let ctx: String = cs[l.saturating_sub(4)..(r + 5).min(cs.len())]
                .iter()
                .collect();
            format!(
                "{} {}|{} in {:?}{}",
                if keep { "keep" } else { "remove" },
                cl.name(),
                cr.name(),
                clip(&ctx, 20),
                if stretched { " (stretched line)" } else { "" }
            )
        });
        if keep {
            out.push(if tab { '\t' } else { ' ' });
        }
    }
    Cow::Owned(out)
}

/// For every white-space run of the line (in order): does it stand inside
/// a spread run, three or more tokens that are each one CJK character or a
/// number (`本 报 沈 阳 2 月 25 日 讯`), or a bullet (`● 500 公 里`)? Justification spread only part of
/// a line that the extractor merged with another, so the line as a whole
/// does not look stretched. The spaces at the run's two ends go too when
/// they touch CJK.
fn spread_gaps(cs: &[char]) -> Vec<bool> {
    // Tokens as char ranges.
    let mut toks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if chars::is_hspace(cs[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < cs.len() && !chars::is_hspace(cs[i]) {
            i += 1;
        }
        toks.push((s, i));
    }
    let unit = |&(s, e): &(usize, usize)| {
        let t = &cs[s..e];
        (t.len() == 1 && (chars::class(t[0]).is_cjk() || chars::is_bullet(t[0])))
            || t.iter().all(|&c| chars::is_digit(c))
    };
    let single = |&(s, e): &(usize, usize)| e - s == 1;
    let mut gaps = vec![false; toks.len().saturating_sub(1)];
    let mut a = 0;
    while a < toks.len() {
        if !unit(&toks[a]) {
            a += 1;
            continue;
        }
        let mut b = a;
        while b + 1 < toks.len() && unit(&toks[b + 1]) {
            b += 1;
        }
        let singles = toks[a..=b].iter().filter(|t| single(t)).count();
        let cjk = toks[a..=b]
            .iter()
            .any(|&(s, _)| chars::class(cs[s]).is_cjk());
        if b - a + 1 >= 3 && singles >= 2 && cjk {
            for g in gaps.iter_mut().take(b).skip(a) {
                *g = true;
            }
            if a > 0 && chars::class(cs[toks[a - 1].1 - 1]).is_cjk() {
                gaps[a - 1] = true;
            }
            if b + 1 < toks.len() && chars::class(cs[toks[b + 1].0]).is_cjk() {
                gaps[b] = true;
            }
        }
        a = b + 1;
    }
    gaps
}

/// Is the first letter, digit or space of `it` past marks a Hangul one?
fn hangul_word<'a>(mut it: impl Iterator<Item = &'a char>) -> bool {
    it.find(|c| c.is_alphanumeric() || c.is_whitespace())
        .is_some_and(|&c| chars::class(c) == Class::Hangul)
}

/// Keep (true) or remove a white-space run between `cs[l]` and `cs[r]`.
#[allow(clippy::too_many_arguments)]
fn decide(
    cs: &[char],
    l: usize,
    r: usize,
    cl: Class,
    cr: Class,
    stretched: bool,
    credit: Option<usize>,
    conv: Convention,
) -> (bool, &'static str) {
    // (Also after a Korean sentence's mark or before a quote that opens
    // one: `합니다. 这是`.)
    if cl == Class::Hangul
        || cr == Class::Hangul
        || (!cs[l].is_alphanumeric() && hangul_word(cs[..l].iter().rev()))
        || (!cs[r].is_alphanumeric() && hangul_word(cs[r + 1..].iter()))
    {
        return (true, "keep-hangul");
    }
    if cl == Class::Digit && cr == Class::Digit && ocr_digit_split(cs, l, r) {
        return (false, "ocr-digit-split");
    }
    if ocr_number_split(cs, l, r) {
        return (false, "ocr-number-split");
    }
    if !cl.is_cjk() && !cr.is_cjk() {
        return (true, "keep-latin");
    }
    if credit.is_some_and(|c| r >= c) {
        return (true, "keep-credit");
    }
    // Dashes, ellipses, curly quotes and middle dots serve Latin text too:
    // between Latin words their spaces are the writer's (`WASHINGTON (AP)
    // — A storm`, `this “degraded mode” can`).
    // The nearest characters on either side past such marks decide
    // (`“quotes” — and`).
    if chars::is_shared_punct(cs[l]) || chars::is_shared_punct(cs[r]) {
        let word = |c: &&char| !chars::is_hspace(**c) && !chars::is_shared_punct(**c);
        let latin = |c: Option<&char>| c.is_none_or(|&c| !chars::class(c).is_cjk());
        if latin(cs[..=l].iter().rev().find(word)) && latin(cs[r..].iter().find(word)) {
            return (true, "keep-latin-punct");
        }
    }
    let punct = |k: Class| matches!(k, Class::CjkOpen | Class::CjkClose | Class::CjkOther);
    if punct(cl) || punct(cr) {
        return (false, "punct-space");
    }
    // No space goes before a comma or a full stop, in any script
    // (`SSH 1 协议 , 2.5 版本`).
    let mark = cs[r];
    if cl == Class::Han
        && mark.is_ascii()
        && (chars::is_clause_end(mark) || chars::is_sentence_end(mark))
    {
        return (false, "punct-space");
    }
    let han_alnum = (cl == Class::Han && matches!(cr, Class::Letter | Class::Digit | Class::Punct))
        || (cr == Class::Han && matches!(cl, Class::Letter | Class::Digit | Class::Punct));
    if han_alnum {
        let digit = cl == Class::Digit || cr == Class::Digit;
        // Letters and ASCII punctuation follow the letter convention.
        let keep = if digit { conv.digits } else { conv.letters };
        if keep {
            return (true, "keep-cjk-latin");
        }
        return (
            false,
            if stretched {
                "stretched"
            } else {
                "cjk-latin-gap"
            },
        );
    }
    if cl == Class::Han && cr == Class::Han {
        if stretched {
            return (false, "stretched");
        }
        // A phrase is more than one character: two lone ideographs are a
        // word the justification spread on a line too mixed to look
        // stretched (`IMAP, PipeWire, Linux 内 核`).
        let lone = |c: Option<&char>| c.is_none_or(|&c| chars::is_hspace(c));
        if lone(l.checked_sub(1).and_then(|i| cs.get(i))) && lone(cs.get(r + 1)) {
            return (false, "lone-characters");
        }
        return (true, "keep-phrase");
    }
    (true, "keep-other")
}

#[cfg(test)]
mod tests {
    use super::*;

    const AUTOSPACED: Convention = Convention::REMOVE;
    const AUTHOR: Convention = Convention {
        letters: true,
        digits: false,
        restore_letters: false,
    };

    fn d(s: &str, conv: Convention) -> String {
        let doc = Document::parse(s);
        despace_line(&doc.lines[0], conv, &mut Trace::new(false)).into_owned()
    }

    #[test]
    fn photo_credits_with_and_without_a_role_word() {
        let rows = [
            ("日平均销售额达到350万元。（本报记者 张三 摄）", Some(14)),
            // A photographer's bare name in brackets, one or two of them.
            ("日平均销售额达到350万元。（徐烨摄）", Some(14)),
            ("日平均销售额达到350万元。（李明 王芳 摄）", Some(14)),
            // No name, more than names, or the bracket not closed: none.
            ("日平均销售额达到350万元。（拍摄）", None),
            ("日平均销售额达到350万元。（今天在北京拍摄）", None),
            ("日平均销售额达到350万元。（徐烨摄", None),
            ("日平均销售额达到350万元。（徐烨摄 ", None),
        ];
        for (t, want) in rows {
            assert_eq!(credit_start_of(t), want, "{t}");
        }
    }

    #[test]
    fn removes() {
        let rows = [
            (
                "并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影",
                "并进，有效应对疫情带来的冲击和影",
            ),
            (
                "设 。 2021 年 共 铺 排 重 点 建 设 项 目 295",
                "设。2021年共铺排重点建设项目295",
            ),
            (
                "响，迎来了 2022 年一季度浏阳市工业发",
                "响，迎来了2022年一季度浏阳市工业发",
            ),
            ("工业企业 26 家。", "工业企业26家。"),
            (
                "快推进 5G 网络建设工作方案》，编制长",
                "快推进5G网络建设工作方案》，编制长",
            ),
            (
                "2022 年 2 月中旬 ，疫情处于平稳 。",
                "2022年2月中旬，疫情处于平稳。",
            ),
            (
                "展 的“ 开 门 红 ”，实 现 规 模 工 业 总 产 值",
                "展的“开门红”，实现规模工业总产值",
            ),
            ("华 为 总 裁 任 正 非", "华为总裁任正非"),
            ("  前后空格  ", "前后空格"),
            (
                "本 报 沈 阳 2 月 25 日 讯 十年来，人类活动范围不断扩大",
                "本报沈阳2月25日讯十年来，人类活动范围不断扩大",
            ),
            (
                "债务却多年维持在 ５ ０ ０ 多 亿美元",
                "债务却多年维持在５００多亿美元",
            ),
            ("● 500 公 里 朝", "●500公里朝"),
            // Two lone ideographs: a word spread on a mixed line.
            ("IMAP, PipeWire, Linux 内 核", "IMAP, PipeWire, Linux内核"),
            ("Subversion, SSH 内 核", "Subversion, SSH内核"),
            ("SSH 1 协议 , 2.5 版本", "SSH 1协议, 2.5版本"),
        ];
        for (input, want) in rows {
            assert_eq!(d(input, AUTOSPACED), want, "input {input:?}");
        }
    }

    #[test]
    fn keeps() {
        let rows = [
            (
                "（全媒体记者 李寒露 通讯员 田薇 吴宗乔）",
                "（全媒体记者 李寒露 通讯员 田薇 吴宗乔）",
            ),
            ("湖南日报全媒体记者 童迪 摄", "湖南日报全媒体记者 童迪 摄"),
            ("● Item one", "● Item one"),
            ("■ 第一章 总则", "■ 第一章 总则"),
            (
                "“聆诵四种精神 传承湖湘文化”第一",
                "“聆诵四种精神 传承湖湘文化”第一",
            ),
            (
                "先锋 推进产业发展“千百十”工程实施",
                "先锋 推进产业发展“千百十”工程实施",
            ),
            (
                "卡点”。 湖南日报全媒体记者 童迪 摄",
                "卡点”。 湖南日报全媒体记者 童迪 摄",
            ),
            // A credit that the line's end cut before its `摄`.
            ("吸引力不大。 本报记者 王玉", "吸引力不大。 本报记者 王玉"),
            ("圆满结束。 本报", "圆满结束。 本报"),
            (
                "run apt-get install  ocrclean now",
                "run apt-get install ocrclean now",
            ),
            ("한국 사람 2022년 3월", "한국 사람 2022년 3월"),
            // After a Korean sentence's mark, before a quote opening one.
            ("띄어쓰기를 합니다. 这是中文", "띄어쓰기를 합니다. 这是中文"),
            ("这是中文。 “한국어” 문장", "这是中文。 “한국어” 문장"),
            ("中文 ， 中文", "中文，中文"),
            ("in 2021 2022 and", "in 2021 2022 and"),
            ("this “degraded mode” can", "this “degraded mode” can"),
            (
                "WASHINGTON (AP) — A storm closed",
                "WASHINGTON (AP) — A storm closed",
            ),
            ("bad — very bad — and", "bad — very bad — and"),
            ("some “quotes” — and", "some “quotes” — and"),
            // A table's cells, set apart by tabs: one tab a run.
            ("张三\t25\t北京", "张三\t25\t北京"),
            ("生产总值 \t 1200 亿元\t\t5.2%", "生产总值\t1200亿元\t5.2%"),
        ];
        for (input, want) in rows {
            assert_eq!(d(input, AUTOSPACED), want, "input {input:?}");
        }
    }

    #[test]
    fn author_convention() {
        // Technical Chinese: the author spaces Latin words, not digits.
        let rows = [
            ("Linux 系统是一个面向网", "Linux 系统是一个面向网"),
            ("非  PostScript 的 打 印 机 配", "非 PostScript 的打印机配"),
            ("工 人 员 2.8 万 人 ，为 3196 户", "工人员2.8万人，为3196户"),
            ("（版本 2.100）", "（版本2.100）"),
            ("对次央等 １５位藏族", "对次央等１５位藏族"),
        ];
        for (input, want) in rows {
            assert_eq!(d(input, AUTHOR), want, "input {input:?}");
        }
    }

    #[test]
    fn ocr_digits() {
        assert_eq!(d("2 0 0 1年新年", AUTHOR), "2001年新年");
        assert_eq!(d("本报南京1 0月2 4", AUTHOR), "本报南京10月24");
        assert_eq!(d("成果，殉服 2 0 世纪", AUTHOR), "成果，殉服20世纪");
        assert_eq!(d("就地免职。2 0", AUTHOR), "就地免职。20");
        assert_eq!(d("pages 1 2 3", AUTHOR), "pages 1 2 3");
    }

    #[test]
    fn ocr_numbers() {
        // Remove: OCR spaces around a decimal point or before a percent
        // sign in a number among ideographs.
        assert_eq!(d("人均居住面积7. 8平方米", AUTHOR), "人均居住面积7.8平方米");
        assert_eq!(d("人均绿地6 . 3平方米", AUTHOR), "人均绿地6.3平方米");
        assert_eq!(d("覆盖率达39 %，人均", AUTHOR), "覆盖率达39%，人均");
        assert_eq!(d("近50 %。", AUTHOR), "近50%。");
        // Keep: Latin text, a sentence's full stop before a number, a
        // list's number.
        assert_eq!(
            d("rate of 39 % in 2 . 5 years", AUTHOR),
            "rate of 39 % in 2 . 5 years"
        );
        assert_eq!(
            d("It was 1999. 2000 came", AUTHOR),
            "It was 1999. 2000 came"
        );
        assert_eq!(d("1. 2 and 3", AUTHOR), "1. 2 and 3");
    }

    #[test]
    fn auto_convention_measured() {
        // A newspaper: autospace everywhere, hardly any Latin.
        let news = Document::parse(
            "迎来了 2022 年一季度浏阳市工业发展\n工业企业 26 家，实现规模工业总产值\n今年 3 月以后，快推进 5G 网络建设\n3 月 19 日晚，浏阳市召开疫情防控",
        );
        assert_eq!(convention(&news, CjkLatinSpace::Auto), Convention::REMOVE);
        // Technical Chinese: Latin words everywhere, spaced; digits not.
        let tech = Document::parse(
            "本报广州3月9日讯\nLinux 系统是一个\n配置 LPR 打印机队列\n使用 GUI 和 shell 提示符\n第2版和第3章",
        );
        assert_eq!(convention(&tech, CjkLatinSpace::Auto), AUTHOR);
        // ... and digits too when the author spaces them.
        let tech2 = Document::parse(
            "Linux 系统版本 2.100 发布\n配置 LPR 打印机共 3 台\n使用 GUI 和 shell 提示符",
        );
        assert_eq!(convention(&tech2, CjkLatinSpace::Auto), Convention::KEEP);
    }

    /// A technical text whose extractor lost most of its CJK–Latin spaces.
    const LOST: &str = "在安装 Debian的时候选择GUI环境\n用 Tab键在用户名和密码之间移动\n获得 shell提示符要启动x终端\n输入terminal来打开终端\n在其它桌面系统如fluxbox下面\n创建一个名为fish的账号\n";

    #[test]
    fn spaces_an_extractor_lost_in_technical_text_are_restored() {
        let doc = Document::parse(LOST);
        let conv = convention(&doc, CjkLatinSpace::Auto);
        assert!(
            conv.restore_letters && conv.letters && !conv.digits,
            "{conv:?}"
        );
        let mut doc = doc;
        run(&mut doc, &Config::default(), &mut Trace::new(false));
        assert_eq!(doc.lines[0].text, "在安装 Debian 的时候选择 GUI 环境");
        assert_eq!(doc.lines[5].text, "创建一个名为 fish 的账号");
    }

    #[test]
    fn spaces_are_not_put_where_the_text_has_none_or_little_latin() {
        // Not one boundary spaced: the author spaces nothing.
        let none = Document::parse(&LOST.replace(' ', ""));
        assert_eq!(convention(&none, CjkLatinSpace::Auto), Convention::REMOVE);
        // A newspaper's few Latin words among many ideographs: too little
        // to tell an author's spaces from an extractor's.
        let prose = "今年全市新建公园十二座，新增绿地面积三百余公顷，市民出门见绿。".repeat(20);
        let latin = "推进 VR网络和IT产业\n发展 AI和VR应用\n建设 IT园区和AR基站\n";
        let news = Document::parse(&format!("{prose}\n{latin}"));
        assert!(!convention(&news, CjkLatinSpace::Auto).restore_letters);
        // (The same lines in a short text are technical.)
        assert!(convention(&Document::parse(latin), CjkLatinSpace::Auto).restore_letters);
        // `--cjk-latin-space keep` keeps what is there and adds nothing.
        assert!(!convention(&Document::parse(LOST), CjkLatinSpace::Keep).restore_letters);
    }
}
