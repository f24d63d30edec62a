//! The one home of character classes.
//!
//! Every stage asks the same questions of a character: is it an ideograph, a
//! piece of CJK punctuation, a Latin letter, a digit? Answering them in one
//! place keeps the stages consistent (a bracket that `despace` treats as CJK
//! punctuation is one that `rejoin` treats so too) and keeps the answers fast:
//! each test is a handful of range comparisons, no tables, no allocation.

/// The coarse class of a character, as the stages see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Han ideographs (all unified blocks, compatibility ideographs, radicals,
    /// `〇` and `々`) and Japanese kana.
    Han,
    /// Hangul syllables and jamo: Korean separates words with spaces.
    Hangul,
    /// CJK punctuation that opens: `（《“「【` and the like.
    CjkOpen,
    /// CJK punctuation that closes or separates: `，。、；：！？）》”」…`.
    CjkClose,
    /// Other full-width punctuation and symbols (`——`, `·`, `％` …).
    CjkOther,
    /// ASCII or full-width digits.
    Digit,
    /// Letters of alphabetic scripts (Latin, Greek, Cyrillic …).
    Letter,
    /// Half-width punctuation and symbols.
    Punct,
    /// Any white space.
    Space,
    /// Everything else (emoji, private use, replacement character …).
    Other,
}

/// Han ideographs and the characters that behave like them in running text.
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3005}' | '\u{3007}' | '\u{3021}'..='\u{3029}')
}

/// Hiragana and katakana (including the phonetic extensions).
#[inline]
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// Hangul syllables, jamo and compatibility jamo.
#[inline]
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Opening CJK punctuation (brackets and quotes).
#[inline]
pub fn is_cjk_open(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '〈'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '〝'
    )
}

/// Closing or separating CJK punctuation.
#[inline]
pub fn is_cjk_close(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '〞'
            | '〟'
            | '…'
            | '．'
            // Small forms (Hong Kong text): `﹐` `﹑` `﹒` `﹔` `﹕` `﹖` `﹗`.
            | '\u{FE50}'..='\u{FE52}'
            | '\u{FE54}'..='\u{FE57}'
            | '｡'
            | '､'
    )
}

/// Any CJK punctuation or full-width symbol (not letters or digits).
#[inline]
pub fn is_cjk_punct(c: char) -> bool {
    is_cjk_open(c)
        || is_cjk_close(c)
        || matches!(c, '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}'..='\u{303F}'
            | '\u{FE30}'..='\u{FE4F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '\u{FFE0}'..='\u{FFE6}'
            | '—' | '·' | '•' | '‥' | '⸺' | '⸻')
}

/// Punctuation that CJK and Latin text share, classed as CJK: dashes,
/// the ellipsis, middle dots, curly quotes. Between Latin words the
/// spaces around it are the writer's.
pub fn is_shared_punct(c: char) -> bool {
    matches!(c, '—' | '–' | '…' | '·' | '•' | '“' | '”' | '‘' | '’')
}

/// Geometric shapes that mark list items and kicker lines (`●500公里朝发
/// 夕归`, `■ Item`).
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '●' | '○' | '■' | '□' | '◆' | '◇' | '▲' | '△' | '★' | '☆' | '▪' | '▶' | '►'
    )
}

/// ASCII and full-width digits.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// The class of a character.
#[inline(always)]
pub fn class(c: char) -> Class {
    // Most characters of Chinese text are in the main Han block: decided
    // here, inline; the rest goes through the ranges.
    if matches!(c, '\u{4E00}'..='\u{9FFF}') {
        return Class::Han;
    }
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    class_by_ranges(c)
}

/// The classes of the ASCII characters, looked up.
static ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            Class::Letter
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b.is_ascii_whitespace() {
            Class::Space
        } else if b.is_ascii_punctuation() {
            Class::Punct
        } else {
            Class::Other
        };
        i += 1;
    }
    t
};

/// The class of a character, decided by its code point ranges.
fn class_by_ranges(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    if is_han(c) || is_kana(c) {
        Class::Han
    } else if is_hangul(c) {
        Class::Hangul
    } else if is_cjk_open(c) {
        Class::CjkOpen
    } else if is_cjk_close(c) {
        Class::CjkClose
    } else if is_digit(c) {
        Class::Digit
    } else if is_cjk_punct(c) {
        Class::CjkOther
    } else if c.is_whitespace() {
        Class::Space
    } else if c.is_alphabetic() {
        if matches!(c, '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}') {
            Class::Letter
        } else if c as u32 >= 0x2E80 {
            // Other wide scripts (Yi, Bopomofo …) behave like Han in layout.
            Class::Han
        } else {
            Class::Letter
        }
    } else if matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}') {
        Class::Punct
    } else {
        Class::Other
    }
}

impl Class {
    /// Characters set on the CJK grid: ideographs, kana and CJK punctuation.
    /// Spaces between two of them are layout, not words.
    #[inline]
    pub fn is_cjk(self) -> bool {
        matches!(
            self,
            Class::Han | Class::CjkOpen | Class::CjkClose | Class::CjkOther
        )
    }

    /// Alphanumeric characters of half-width scripts.
    #[inline]
    pub fn is_alnum(self) -> bool {
        matches!(self, Class::Letter | Class::Digit)
    }

    /// A stable kebab-case name, for `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Class::Han => "han",
            Class::Hangul => "hangul",
            Class::CjkOpen => "cjk-open",
            Class::CjkClose => "cjk-close",
            Class::CjkOther => "cjk-other",
            Class::Digit => "digit",
            Class::Letter => "letter",
            Class::Punct => "punct",
            Class::Space => "space",
            Class::Other => "other",
        }
    }
}

/// Horizontal white space inside a line (not line or page breaks).
#[inline]
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{1680}'
    )
}

/// Punctuation that ends a sentence, and so may end a paragraph.
#[inline]
pub fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '…' | '.' | '!' | '?' | '｡' | '．' | '﹒' | '﹖' | '﹗'
    )
}

/// A mark that ends a clause, not the sentence (`，`, `；`, `：`, `、`, their
/// Latin and small forms: Hong Kong text writes `﹔`).
#[inline]
pub fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '；' | '：' | ',' | ';' | ':' | '﹐' | '﹑' | '﹔' | '﹕'
    )
}

/// Characters that may follow a sentence end and still close it
/// (`。”`, `！）`, `."`, `2.1.]`, `fini. »`).
#[inline]
pub fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '"'
            | '\''
            | '》'
            | '〕'
            | '】'
            | ']'
            | '］'
            | '〉'
            | '»'
    )
}

/// Display width of a string in terminal columns: CJK counts 2, ASCII 1.
#[inline]
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Display width of one character (0 for controls).
#[inline]
pub fn char_width(c: char) -> usize {
    // The common cases first: printable ASCII and the main Han block.
    match c {
        ' '..='~' => 1,
        '\u{4E00}'..='\u{9FFF}' => 2,
        _ => unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
    }
}

/// The spaces between two phrases of CJK text (`极地遥送爱国情 西沙灯语映
/// 碧波`): a space with a character other than ASCII and white space on
/// either side. The byte offset of each.
pub fn phrase_spaces(t: &str) -> impl Iterator<Item = usize> + '_ {
    let cjk = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    t.char_indices()
        .filter(move |&(i, c)| {
            c == ' ' && cjk(t[..i].chars().next_back()) && cjk(t[i + 1..].chars().next())
        })
        .map(|(i, _)| i)
}

/// True when the text ends a sentence: its last non-space character is a
/// sentence end, possibly followed by closing quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    ends_sentence_rev(s.chars().rev())
}

/// Does `s` end a sentence, or with a colon that announces what follows
/// (`…like this:`)? Either may end a paragraph.
pub fn ends_sentence_or_colon(s: &str) -> bool {
    ends_sentence(s) || s.trim_end().ends_with([':', '：'])
}

/// [`ends_sentence`] of a text given as its characters from the last
/// (`row.iter().rev().copied()`: a grid's row, no string built).
pub fn ends_sentence_rev(rev: impl Iterator<Item = char>) -> bool {
    for c in rev {
        if is_hspace(c) {
            continue;
        }
        if is_closing_quote(c) {
            continue;
        }
        return is_sentence_end(c);
    }
    false
}

/// Frequent characters written differently in simplified and traditional
/// Chinese: (simplified, traditional).
const SIMPLIFIED_TRADITIONAL: [(char, char); 32] = [
    ('这', '這'),
    ('个', '個'),
    ('们', '們'),
    ('为', '為'),
    ('说', '說'),
    ('国', '國'),
    ('来', '來'),
    ('时', '時'),
    ('会', '會'),
    ('对', '對'),
    ('发', '發'),
    ('经', '經'),
    ('过', '過'),
    ('还', '還'),
    ('后', '後'),
    ('长', '長'),
    ('书', '書'),
    ('问', '問'),
    ('门', '門'),
    ('见', '見'),
    ('东', '東'),
    ('车', '車'),
    ('开', '開'),
    ('关', '關'),
    ('让', '讓'),
    ('业', '業'),
    ('无', '無'),
    ('实', '實'),
    ('现', '現'),
    ('动', '動'),
    ('电', '電'),
    ('记', '記'),
];

/// Is the text in simplified Chinese characters: do the simplified forms
/// of frequent characters outnumber their traditional forms? Two hundred
/// of them decide: the text is not read further.
pub fn simplified<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut simp, mut trad) = (0usize, 0usize);
    for t in texts {
        for c in t.chars().filter(|&c| class(c) == Class::Han) {
            for &(s, t) in &SIMPLIFIED_TRADITIONAL {
                simp += usize::from(c == s);
                trad += usize::from(c == t);
            }
        }
        if simp + trad >= 200 {
            break;
        }
    }
    simp > trad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_spaces_stand_between_cjk_characters() {
        let t = "极地遥送 西沙灯语 and GNU 工具";
        let at: Vec<&str> = phrase_spaces(t).map(|i| &t[i + 1..]).collect();
        assert_eq!(at, vec!["西沙灯语 and GNU 工具"]);
        assert_eq!(phrase_spaces("“开门红” 迎新春").count(), 1);
        assert_eq!(phrase_spaces("两  空格").count(), 0);
    }

    #[test]
    fn char_width_fast_path_matches_unicode_width() {
        for u in (0x20..0x7F).chain(0x4E00..=0x9FFF) {
            let c = char::from_u32(u).expect("valid");
            assert_eq!(
                char_width(c),
                unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
                "{u:X}"
            );
        }
    }

    #[test]
    fn classes() {
        let rows = [
            ('中', Class::Han),
            ('⼈', Class::Han),
            ('〇', Class::Han),
            ('の', Class::Han),
            ('한', Class::Hangul),
            ('（', Class::CjkOpen),
            ('“', Class::CjkOpen),
            ('。', Class::CjkClose),
            ('”', Class::CjkClose),
            ('—', Class::CjkOther),
            ('％', Class::CjkOther),
            ('１', Class::Digit),
            ('7', Class::Digit),
            ('Ａ', Class::Letter),
            ('é', Class::Letter),
            ('ж', Class::Letter),
            (',', Class::Punct),
            ('\u{3000}', Class::Space),
            ('\u{FFFD}', Class::Other),
        ];
        for (c, want) in rows {
            assert_eq!(class(c), want, "{c:?}");
        }
    }

    #[test]
    fn widths_and_ends() {
        assert_eq!(width("中文ab"), 6);
        assert!(ends_sentence("战斗力。"));
        assert!(ends_sentence("合眼。”"));
        assert!(ends_sentence("the end.  "));
        // A sentence in square brackets or guillemets ends with them.
        assert!(ends_sentence("hence the version number 2.1.]"));
        assert!(ends_sentence("il a dit : « c'est fini. »"));
        assert!(!ends_sentence("see [RFC 2119]"));
        assert!(!ends_sentence("高效"));
        assert!(!ends_sentence("，"));
        // Small forms of Hong Kong text.
        assert!(ends_sentence("也很自律﹒"));
        assert!(!ends_sentence("未必有位入住﹔"));
        assert!(is_clause_end('﹔') && is_clause_end('﹐') && is_clause_end('；'));
        assert!(!is_clause_end('。'));
        assert_eq!(class('﹔'), Class::CjkClose);
    }
}
