//! Spaces inside Latin words at their hyphenation points.
//!
//! A typesetter that hyphenates (a browser with `hyphens: auto`, a
//! hyphenation filter putting soft hyphens into the text) sets each
//! syllable of a word as a run of its own; mutool prints a space between
//! the runs and a spaced hyphen where the line broke: `rep re sents a
//! pack age source (repos i to ry)`, `Debian takes se ‐` / `cu ri ty`.
//!
//! A run of short pieces is one word again when three things agree: the
//! pieces meet where the English hyphenation patterns (TeX's, as
//! typesetters use them) put the joined word's syllable breaks (where a
//! piece is no word, one division may refine the other: patterns differ a
//! little between typesetters), the joined word is an English word, and
//! not every piece is a function word (`in to`, `any way` are two words).
//! Where a piece is no word of its own (`sents`, `ty`, `i`) the evidence
//! is strong; where every piece is one (`pack age`, `up dates`) it is weak.
//! Only a text that shows the artifact is touched: many short fragments
//! (`short_fragments`) and at least `MIN_STRONG` strong runs (ordinary
//! prose has phrases such as `set up` that pass the weak test, and almost
//! never a strong run).

use crate::doc::Document;
use crate::explain::Trace;

/// Strong runs a text needs before any run in it is joined.
const MIN_STRONG: usize = 3;
/// Short fragments ([`short_fragments`]) a text needs before it is
/// looked at: six, and one in [`FRAGMENT_SHARE`] of its Latin tokens (a
/// text split at its syllables has one in ten or more, ordinary text one
/// in a hundred or fewer: abbreviations, units, variables).
const MIN_FRAGMENTS: usize = 6;
const FRAGMENT_SHARE: usize = 30;
/// Pieces of one word at the most.
const MAX_PIECES: usize = 8;
/// Letters of one word at the most (longer ones are rare enough in prose
/// not to be looked for among a line's runs).
const MAX_WORD: usize = 24;

/// Words that a hyphenation could split but that, all of them function
/// words, are two words far more often than one (`in to`, `with out`,
/// `any way`, `some one`).
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "do", "down", "every", "for", "from", "go", "he", "her", "here", "his", "how", "if",
    "in", "into", "is", "it", "its", "may", "me", "more", "most", "my", "no", "not", "of", "off",
    "on", "one", "or", "our", "out", "over", "self", "so", "some", "that", "the", "their", "there",
    "this", "to", "under", "up", "was", "way", "we", "what", "when", "where", "which", "who",
    "with", "you", "your",
];

/// Is `w` (lower case) an English word?
pub(crate) fn is_word(w: &str) -> bool {
    match w.len() {
        0 => false,
        1 => w == "a",
        _ => wordnik_list::word_exists(w),
    }
}

/// A token that may be a piece of a word: its letters, and
/// whether it is capitalised, punctuation before or after it, all of it
/// ASCII letters. Opening punctuation may stand before the first piece of
/// a word, closing punctuation after the last.
#[derive(Clone, Debug)]
struct Piece<'a> {
    /// Byte range of the token in the line.
    start: usize,
    end: usize,
    /// Its letters as printed.
    letters: &'a str,
    capital: bool,
    /// All its letters are capitals (`CON DI TIONS`).
    upper: bool,
    lead: bool,
    trail: bool,
    /// The piece is a word of its own.
    word: bool,
}

/// Which lower-case tokens are words, looked up once per text.
type Lexicon = std::collections::HashMap<String, bool>;

/// Is `w` (lower case) a word, by the text's lexicon.
fn word_in(lexicon: &mut Lexicon, w: &str) -> bool {
    if let Some(&known) = lexicon.get(w) {
        return known;
    }
    let known = is_word(w);
    lexicon.insert(w.to_string(), known);
    known
}

/// `glued`: the token is part of a longer one, glued to what stands
/// before and after it (see [`parts`]).
fn piece<'a>(
    tok: &'a str,
    start: usize,
    glued: (bool, bool),
    lexicon: &mut Lexicon,
) -> Option<Piece<'a>> {
    let core = tok.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    let lead = glued.0 || core.len() != tok.len();
    let bare = core.trim_end_matches([
        '.', ',', ';', ':', ')', ']', '"', '”', '’', '!', '?', '\'', '-', '\u{2010}',
    ]);
    let trail = glued.1 || bare.len() != core.len();
    let mut cs = bare.chars();
    let first = cs.next()?;
    let upper = bare.bytes().all(|b| b.is_ascii_uppercase());
    if !upper && (!first.is_ascii_alphabetic() || !cs.all(|c| c.is_ascii_lowercase())) {
        return None;
    }
    let capital = first.is_ascii_uppercase();
    let word = if capital {
        let lower = bare.to_ascii_lowercase();
        word_in(lexicon, &lower)
    } else {
        word_in(lexicon, bare)
    };
    Some(Piece {
        start,
        end: start + tok.len(),
        letters: bare,
        capital,
        upper,
        lead,
        trail,
        word,
    })
}

/// The tokens of a line (runs between single ASCII spaces) as pieces;
/// `None` for a token that cannot be one, and between tokens set apart by
/// anything but one space.
fn pieces<'a>(line: &'a str, lexicon: &mut Lexicon) -> Vec<Option<Piece<'a>>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        if c == ' ' {
            if let Some(s) = start.take() {
                parts(&line[s..i], s, lexicon, &mut out);
                spaces = 0;
            }
            spaces += 1;
            if spaces == 2 {
                // Two spaces: no word goes on across them.
                out.push(None);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// The pieces of a token: itself, or, where a hyphen or a dot between
/// letters glues words into one token, each of them, glued to its
/// neighbours: a word's syllables may end or begin at the glue
/// (`pro posed-up dates`, `se cu ri ty.debian.org`), never go on across it.
fn parts<'a>(tok: &'a str, start: usize, lexicon: &mut Lexicon, out: &mut Vec<Option<Piece<'a>>>) {
    let b = tok.as_bytes();
    let glue = |i: usize| {
        (b[i] == b'-' || b[i] == b'.')
            && i > 0
            && b[i - 1].is_ascii_alphabetic()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    };
    let mut from = 0;
    for i in 1..b.len() {
        if glue(i) {
            out.push(piece(
                &tok[from..i],
                start + from,
                (from > 0, true),
                lexicon,
            ));
            from = i + 1;
        }
    }
    out.push(piece(
        &tok[from..],
        start + from,
        (from > 0, false),
        lexicon,
    ));
}

/// How strong the evidence is that `run` is one word's syllables: `None`
/// when it is not.
fn judge(run: &[&Piece], lexicon: &mut Lexicon) -> Option<bool> {
    let n = run.len();
    if n < 2
        || run[0].trail
        || run[1..].iter().any(|p| p.lead)
        // Lower case after the first piece (`Se cu ri ty`), or capitals
        // throughout (`CON DI TIONS`).
        || !(run[1..].iter().all(|p| !p.capital) || run.iter().all(|p| p.upper))
        || run[..n - 1].iter().any(|p| p.trail)
    {
        return None;
    }
    let mut word = String::with_capacity(32);
    for p in run {
        word.push_str(p.letters);
    }
    word.make_ascii_lowercase();
    // (Looked up once per text: the same runs come back line after line.)
    if !word_in(lexicon, &word) {
        return None;
    }
    if run.iter().all(|p| {
        FUNCTION_WORDS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(p.letters))
    }) {
        return None;
    }
    // Where the pieces meet and where the word's syllables do. Hyphenation
    // patterns differ a little between typesetters (`dis tri bu tion`
    // where TeX's have `dis-tri-b-u-tion`, `ur gen cy` for `ur-gency`):
    // the pieces may split a syllable further or leave a break out, as
    // long as one division refines the other; and a run of words must
    // meet at syllable breaks only.
    let points: Vec<usize> = hypher::hyphenate_bounded(&word, hypher::Lang::English, 2, 2)
        .scan(0, |at, s| {
            *at += s.len();
            Some(*at)
        })
        .collect();
    let cuts: Vec<usize> = run
        .iter()
        .scan(0, |at, p| {
            *at += p.letters.len();
            Some(*at)
        })
        .collect();
    let strong = run.iter().any(|p| !p.word);
    let cuts_at_points = cuts.iter().all(|c| points.contains(c));
    // (A word of one syllable has no breaks to agree with: `The se` is
    // no `these`.)
    let points_at_cuts = points.len() > 1 && points.iter().all(|c| cuts.contains(c));
    if !(cuts_at_points || (strong && points_at_cuts)) {
        return None;
    }
    Some(strong)
}

/// A run found: which line, which pieces (indices into the line's
/// pieces).
struct Found {
    line: usize,
    from: usize,
    to: usize,
}

/// The runs of a line's pieces: of all runs that pass, the longest first
/// (then the leftmost), none overlapping another (`The se cu ri ty` is
/// `The security`, not `These cu ri ty`). With `strong_only`, only runs
/// with a piece that is no word are tried (the test for the artifact,
/// which ordinary text passes at few places).
fn runs_in(
    line: usize,
    ps: &[Option<Piece>],
    strong_only: bool,
    lexicon: &mut Lexicon,
    out: &mut Vec<Found>,
) {
    let mut all = Vec::new();
    for i in 0..ps.len() {
        let mut nonword = false;
        let mut letters = 0;
        for j in i + 1..=(i + MAX_PIECES).min(ps.len()) {
            let Some(last) = &ps[j - 1] else {
                break;
            };
            // No run goes on past punctuation inside it, nor grows into a
            // word longer than English words are ([`judge`] would turn
            // every longer run down).
            letters += last.letters.len();
            if (j - i >= 2 && last.lead) || letters > MAX_WORD {
                break;
            }
            nonword |= !last.word;
            if j - i >= 2 && ps[j - 2].as_ref().is_some_and(|p| p.trail) {
                break;
            }
            if j - i < 2 || (strong_only && !nonword) {
                continue;
            }
            let run: Vec<&Piece> = ps[i..j].iter().flatten().collect();
            if judge(&run, lexicon).is_some() {
                all.push(Found {
                    line,
                    from: i,
                    to: j,
                });
            }
        }
    }
    all.sort_by_key(|f| (std::cmp::Reverse(f.to - f.from), f.from));
    let mut taken = vec![false; ps.len()];
    for f in all {
        if taken[f.from..f.to].iter().any(|&t| t) {
            continue;
        }
        taken[f.from..f.to].fill(true);
        out.push(f);
    }
}

/// A word broken over two lines at a spaced hyphen: the pieces before the
/// hyphen on line `a` and those at the start of line `b` (`Debian takes
/// se -` / `cu ri ty`). Returns how many pieces of each, and how strong.
fn across(
    pa: &[Option<Piece>],
    pb: &[Option<Piece>],
    lexicon: &mut Lexicon,
) -> Option<(usize, usize, bool)> {
    // Line `a` ends with its pieces, then the hyphen on its own.
    let (_, body) = pa.split_last()?;
    let tail = body.iter().rev().take_while(|p| p.is_some()).count();
    let head = pb.iter().take_while(|p| p.is_some()).count();
    for na in (1..=tail.min(MAX_PIECES - 1)).rev() {
        for nb in (1..=head.min(MAX_PIECES - na)).rev() {
            let run: Vec<&Piece> = body[body.len() - na..]
                .iter()
                .chain(&pb[..nb])
                .flatten()
                .collect();
            if let Some(strong) = judge(&run, lexicon) {
                return Some((na, nb, strong));
            }
        }
    }
    None
}

/// Join the syllables of the document's words again (see the module
/// documentation); each join is reported as `syllable-space`.
pub fn join(doc: &mut Document, stage: &'static str, trace: &mut Trace) {
    // Most texts hold no Latin letters at all, or none of the short
    // fragments that words split at their syllables leave (`ty`, `ly`,
    // `i`): they leave here.
    let (fragments, tokens) = short_fragments(doc);
    if fragments < MIN_FRAGMENTS || fragments * FRAGMENT_SHARE < tokens {
        return;
    }
    let mut lexicon = Lexicon::new();
    let mut parsed: Vec<Vec<Option<Piece>>> = doc
        .lines
        .iter()
        .map(|l| {
            if maybe_split(&l.text) || l.ev.soft_hyphen_end {
                pieces(&l.text, &mut lexicon)
            } else {
                Vec::new()
            }
        })
        .collect();
    // Words broken over two lines first: their pieces are theirs.
    // (line, pieces at its end, pieces at the next line's start, strong)
    let mut broken = Vec::new();
    for k in 0..doc.lines.len().saturating_sub(1) {
        let l = &doc.lines[k];
        if l.ev.soft_hyphen_end
            && (l.text.ends_with(" -") || l.text.ends_with(" \u{2010}"))
            && doc.lines[k + 1].page == l.page
        {
            if parsed[k + 1].is_empty() {
                parsed[k + 1] = pieces(&doc.lines[k + 1].text, &mut lexicon);
            }
            if let Some((na, nb, strong)) = across(&parsed[k], &parsed[k + 1], &mut lexicon) {
                broken.push((k, na, nb, strong));
            }
        }
    }
    // The spans those take, per line, and the pieces they leave.
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); doc.lines.len()];
    for &(k, na, nb, _) in &broken {
        let n = parsed[k].len();
        // The pieces and the hyphen after them, without the space.
        if let Some(a) = &parsed[k][n - 1 - na] {
            spans[k].push((a.start, doc.lines[k].text.len()));
        }
        if let (Some(a), Some(b)) = (&parsed[k + 1][0], &parsed[k + 1][nb - 1]) {
            spans[k + 1].push((a.start, b.end));
        }
        parsed[k][n - 1 - na..].fill(None);
        parsed[k + 1][..nb].fill(None);
    }
    // Does the text show the artifact? Only runs with a piece that is no
    // word can say so: few places of an ordinary text are tried.
    let mut found = Vec::new();
    for (k, ps) in parsed.iter().enumerate() {
        runs_in(k, ps, true, &mut lexicon, &mut found);
    }
    let strong = found.len() + broken.iter().filter(|b| b.3).count();
    if strong < MIN_STRONG {
        return;
    }
    found.clear();
    for (k, ps) in parsed.iter().enumerate() {
        runs_in(k, ps, false, &mut lexicon, &mut found);
    }
    for f in &found {
        let ps = &parsed[f.line];
        if let (Some(a), Some(b)) = (&ps[f.from], &ps[f.to - 1]) {
            spans[f.line].push((a.start, b.end));
        }
    }
    for (k, mut sp) in spans.into_iter().enumerate() {
        if sp.is_empty() {
            continue;
        }
        sp.sort_unstable();
        let line = &mut doc.lines[k];
        let old = std::mem::take(&mut line.text);
        let mut text = String::with_capacity(old.len());
        let mut at = 0;
        for (s, e) in sp {
            if s < at {
                continue;
            }
            text.push_str(&old[at..s]);
            let joined: String = old[s..e].chars().filter(|&c| c != ' ').collect();
            trace.record(stage, "syllable-space", line.no, || {
                format!(
                    "\"{}\" → \"{joined}\": the syllables of one word ({strong} such runs in the text)",
                    &old[s..e]
                )
            });
            text.push_str(&joined);
            at = e;
        }
        text.push_str(&old[at..]);
        line.text = text;
    }
}

/// Tokens of one or two lower-case letters that are no common word
/// (`ty`, `ly`, `ri`, `i`, `ed`), and all tokens with a lower-case
/// letter: a word's first or last syllable at least two letters long, a
/// middle one as short as one, leaves many of the first in a text split
/// at its syllables, few in any other.
fn short_fragments(doc: &Document) -> (usize, usize) {
    const COMMON: [&str; 27] = [
        "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
        "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "vs",
    ];
    let (mut n, mut all) = (0, 0);
    for l in &doc.lines {
        if !maybe_split(&l.text) {
            continue;
        }
        for tok in l.text.split(' ') {
            if !tok.bytes().any(|b| b.is_ascii_lowercase()) {
                continue;
            }
            all += 1;
            let t = tok.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
            if (1..=2).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_lowercase())
                && !COMMON.contains(&t)
            {
                n += 1;
            }
        }
    }
    (n, all)
}

/// Could the line hold a word split at its syllables: two short
/// lower-case ASCII tokens next to each other.
fn maybe_split(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_lowercase() && w[1] == b' ' && w[2].is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        let mut doc = Document::parse(s);
        let mut t = Trace::new(false);
        join(&mut doc, "despace", &mut t);
        doc.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn judges_runs_by_syllables_and_words() {
        let j = |s: &str| {
            let ps: Vec<Piece> = pieces(s, &mut Lexicon::new())
                .into_iter()
                .map(Option::unwrap)
                .collect();
            judge(&ps.iter().collect::<Vec<_>>(), &mut Lexicon::new())
        };
        // Pieces that are no words: strong.
        assert_eq!(j("com po si tions"), Some(true));
        assert_eq!(j("vul ner a bil i ties"), Some(true));
        assert_eq!(j("Se cu ri ty"), Some(true));
        assert_eq!(j("(repos i to ry)"), Some(true));
        assert_eq!(j("CON DI TIONS"), Some(true));
        assert_eq!(j("Con DI TIONS"), None);
        // Every piece a word: weak.
        assert_eq!(j("pack age"), Some(false));
        assert_eq!(j("every day"), Some(false));
        // (The word list knows `rep`, `re` and `sents`.)
        assert_eq!(j("rep re sents"), Some(false));
        // Two words whose join is no word, or not split at its syllables,
        // or only function words: none.
        assert_eq!(j("three parts"), None);
        assert_eq!(j("is made of"), None);
        assert_eq!(j("three day"), None);
        assert_eq!(j("any way"), None);
        assert_eq!(j("in to"), None);
        // Punctuation inside the run: none.
        assert_eq!(j("rep, re sents"), None);
    }

    #[test]
    fn joins_only_where_the_text_shows_the_artifact() {
        let split = "Each line rep re sents a pack age source (repos i to ry)\nand is made of three parts sep a rat ed by spaces.\nDebian takes se \u{2010}\ncu ri ty se ri ous ly.";
        assert_eq!(
            run(split),
            "Each line represents a package source (repository)\nand is made of three parts separated by spaces.\nDebian takes se\u{2010}\ncurity seriously."
        );
        // Ordinary prose keeps its words, phrases that could be one word
        // included.
        let prose = "We set up the disks in case one of them fails every day.\nThe cost rep re sents a third.";
        assert_eq!(run(prose), prose);
    }

    #[test]
    fn syllables_end_and_begin_where_a_hyphen_or_a_dot_glues_words() {
        // A compound's parts and a host name's first label split at their
        // syllables; the glue stays, and no word goes on across it.
        let split = "Each line rep re sents a pack age source (repos i to ry)\nsep a rat ed by spaces, like the pro posed-up dates suite\non se cu ri ty.debian.org and the day light-\nsav ing rules.";
        assert_eq!(
            run(split),
            "Each line represents a package source (repository)\nseparated by spaces, like the proposed-updates suite\non security.debian.org and the daylight-\nsaving rules."
        );
    }
}
