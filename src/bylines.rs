//! Spaces between the names of a byline, an attribution or a photo credit.
//!
//! Chinese newspapers print the people behind an article with a space
//! between role and names and between two names:
//! `（记者 韦琳艳 贺刚 通讯员 许辉敏）`, `（郑凯 付磊）`,
//! `…飞向天空。 本报记者 贺红萍 摄`. Extractors that place words by their
//! glyph positions (`pdftotext -raw`, OCR) often lose those spaces, and a
//! column break inside a byline loses one when the lines are joined
//! (`（记者冯飞` / `胡冬）`): the names run together (`记者冯飞胡冬`), which
//! reads as one person and breaks name search.
//!
//! The rule puts the spaces back where the text is unmistakably a list of
//! names: a bracket that starts with a role word (`记者`, `通讯员`,
//! `实习生`…), a bracket that `articles` recognised as a closing
//! attribution, or a credit that ends a caption with `摄`. A run of names is
//! cut where every piece starts with a surname (see
//! `tables/surnames.rs`) and is two or three
//! characters long (four with a two-character surname); the cut whose least
//! likely surname is most common wins, then the one with fewer names. A run
//! that cannot be cut that way, or any other character in the bracket
//! (digits, punctuation, `、` lists), leaves the text as it is.
//!
//! A byline inside a paragraph (`据新华社银川电（记者武勇）2000年…`) may
//! have been printed solid: it is cut only where the document shows that
//! its extractor lost the spaces (a byline, attribution or credit of its
//! own was cut) and none that kept them. Where a line of the document
//! shows a byline with its spaces ([`spaced_byline`]), the extractor kept
//! the print's spaces: a credit keeps the (lack of a) space before it.

use crate::chars;
use crate::tables::surnames::{compound_surname, surname_tier};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Role words; a byline or credit alternates them with names. The first
/// eight are the roles that sign a photo credit ([`credit_roles`]).
const ROLES: [&str; 12] = [
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "摄影",
    "攝影",
    "记者",
    "記者",
    "编辑",
    "編輯",
    "报道",
    "報道",
];

/// Words that may stand before a role word inside a bracket
/// (`全媒体记者`, `本报记者`, `特约通讯员`).
const PREFIXES: [&str; 12] = [
    "全媒体",
    "全媒體",
    "融媒体",
    "融媒體",
    "本报",
    "本報",
    "特约",
    "特約",
    "见习",
    "見習",
    "首席",
    "驻站",
];

/// The role words that sign a photo credit (`记者`, `摄影`, `通讯员`,
/// `实习生`, both scripts), not the editor's or the report's.
pub fn credit_roles() -> &'static [&'static str] {
    &ROLES[..8]
}

/// All the role words (both scripts): what stands between the names of a
/// byline.
pub fn role_words() -> &'static [&'static str] {
    &ROLES
}

/// Does `s` start with a credit's organisation prefix or role word
/// (`本报`, `记者`, `摄影`…)?
pub fn starts_credit(s: &str) -> bool {
    PREFIXES
        .iter()
        .chain(credit_roles())
        .any(|w| s.starts_with(w))
}

/// The first characters of the prefixes and role words.
const FIRST: &str = "通實实摄攝记記编編报報全融本特见見首驻";

/// Any role word: a bracket without one is no byline.
static ROLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&ROLES.join("|")).expect("role word regex"));

/// How many characters a credit (org, role, names, `摄`) spans at most.
const CREDIT_MAX: usize = 24;
/// The longest run of names that is cut (four names of three characters).
const RUN_MAX: usize = 12;

/// Put the spaces back between the names in `text`'s bylines and credit.
/// `attribution`: the whole text is a closing attribution (`（郑凯付磊）`).
/// `inline`: a bracket that the text goes on after (a dateline inside a
/// paragraph: `据新华社银川电（记者武勇）2000年…`) is cut too; else it is
/// left as printed. `as_printed`: the document's extractor keeps the spaces
/// of the print (it has a [`spaced_byline`]): a credit keeps the (lack of
/// a) space before it.
pub fn space_names(text: &str, attribution: bool, inline: bool, as_printed: bool) -> Cow<'_, str> {
    // Every case has a bracket or ends with 摄: most paragraphs leave here.
    let has_bracket = text.contains('（') || text.contains('(');
    let credit = text.trim_end().ends_with(['摄', '攝']);
    if !credit && !(has_bracket && (attribution || ROLE_WORD.is_match(text))) {
        return Cow::Borrowed(text);
    }
    let cs: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(cs.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while i < cs.len() {
        if matches!(cs[i], '（' | '(')
            && let Some(close) = cs[i + 1..].iter().position(|&c| matches!(c, '）' | ')'))
        {
            let inner = &cs[i + 1..i + 1 + close];
            let whole = attribution && i == 0 && i + 2 + close == cs.len();
            let goes_on = cs[i + 2 + close..].iter().any(|&c| !chars::is_hspace(c));
            out.push(cs[i]);
            match bracket(inner, whole).filter(|_| inline || !goes_on) {
                Some(fixed) if fixed != inner => {
                    changed = true;
                    out.extend(fixed);
                }
                _ => out.extend_from_slice(inner),
            }
            out.push(cs[i + 1 + close]);
            i += close + 2;
            continue;
        }
        out.push(cs[i]);
        i += 1;
    }
    if credit && !cs.first().is_some_and(|&c| matches!(c, '（' | '(')) {
        changed |= credit_tail(&mut out, as_printed);
    }
    if changed {
        Cow::Owned(out.into_iter().collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Does the line `text` hold a byline or credit printed with its spaces:
/// a role word, a space and names, up to a closing bracket or the line's
/// end (`（记者 夏博 史兰伟）`, `本报广州1月6日讯（记者 韦琳艳`,
/// `…乡亲们。本报记者 陶`)? Where a document has one, its extractor kept
/// the spaces of the print, and a byline without them was printed solid
/// (`据新华社银川电（记者武勇）2000年…`).
pub fn spaced_byline(text: &str) -> bool {
    ROLE_WORD.find_iter(text).any(|m| {
        let rest = &text[m.end()..];
        let names = rest.split(['）', ')']).next().unwrap_or("");
        names.starts_with(|c: char| chars::is_hspace(c))
            && names.chars().any(chars::is_han)
            && names
                .chars()
                .all(|c| chars::is_han(c) || chars::is_hspace(c))
    })
}

/// Is `text` a byline of its own: a role word first (with its prefix),
/// then names of four characters at most, set apart by spaces (`本报记者
/// 张三`, `记者 李四 通讯员 王五`), and nothing else? (`记者近日走访了…` is
/// a sentence; without its space a byline reads like a headline's words,
/// `本报编辑部评出`.)
pub fn is_byline_line(text: &str) -> bool {
    // (Most lines are turned away by their first character, or as
    // having no space, before their characters are collected.)
    let text = text.trim();
    if !text.chars().next().is_some_and(|c| FIRST.contains(c))
        || !text.contains(chars::is_hspace)
        || text.chars().nth(CREDIT_MAX + 6).is_some()
    {
        return false;
    }
    let cs: Vec<char> = text.chars().collect();
    let Some(toks) = tokens(&cs) else {
        return false;
    };
    matches!(toks.first(), Some(Tok::Role(_)))
        && toks.iter().any(|t| matches!(t, Tok::Names(_)))
        && toks.iter().all(|t| match t {
            Tok::Names(n) => n.len() <= 4,
            Tok::Role(_) => true,
        })
}

/// The credit of a page's or an article's editor: a label of a few
/// characters that ends with an editor's role, a colon, the name
/// (`责任编辑：张三`, `本版编辑:李四`, `校对：王五`).
pub fn is_editor_credit(t: &str) -> bool {
    // (A label of six characters at most: the colon is looked for among
    // the first seven, not further into a paragraph.)
    let colon = t
        .char_indices()
        .take(7)
        .find(|&(_, c)| matches!(c, '：' | ':'));
    colon.is_some_and(|(i, _)| {
        let label = &t[..i];
        [
            "编辑", "編輯", "校对", "校對", "美编", "美編", "责编", "責編", "编审", "策划", "统筹",
            "制图", "監製", "监制",
        ]
        .iter()
        .any(|w| label.trim_end().ends_with(w))
    })
}

/// A token of a byline.
#[derive(Debug)]
enum Tok {
    Role(Vec<char>),
    Names(Vec<char>),
}

/// Length of the role word (with its prefixes) at `i`, if one starts there.
fn role_at(cs: &[char], i: usize) -> Option<usize> {
    // Most positions start no prefix or role word.
    if !FIRST.contains(cs[i]) {
        return None;
    }
    let starts = |at: usize, w: &str| {
        let n = w.chars().count();
        at + n <= cs.len() && w.chars().zip(&cs[at..]).all(|(a, &b)| a == b)
    };
    let mut j = i;
    while let Some(p) = PREFIXES.iter().find(|p| starts(j, p)) {
        j += p.chars().count();
    }
    if let Some(r) = ROLES.iter().find(|r| starts(j, r)) {
        return Some(j + r.chars().count() - i);
    }
    // `摄` closes a credit: a role word only as the last character.
    (j == i && i + 1 == cs.len() && matches!(cs[i], '摄' | '攝')).then_some(1)
}

/// Cut `cs` into role words and runs of names; `None` if anything else is
/// in it.
fn tokens(cs: &[char]) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let mut run = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if chars::is_hspace(c) {
            if !run.is_empty() {
                toks.push(Tok::Names(std::mem::take(&mut run)));
            }
            i += 1;
        } else if let Some(n) = role_at(cs, i) {
            if !run.is_empty() {
                toks.push(Tok::Names(std::mem::take(&mut run)));
            }
            match toks.last_mut() {
                // `摄影` `记者`: one role.
                Some(Tok::Role(r)) => r.extend_from_slice(&cs[i..i + n]),
                _ => toks.push(Tok::Role(cs[i..i + n].to_vec())),
            }
            i += n;
        } else if chars::is_han(c) {
            run.push(c);
            i += 1;
        } else {
            return None;
        }
    }
    if !run.is_empty() {
        toks.push(Tok::Names(run));
    }
    Some(toks)
}

/// The bracket's inside with spaces between role words and names, if it
/// is a byline (or, with `whole`, an attribution of names only).
fn bracket(inner: &[char], whole: bool) -> Option<Vec<char>> {
    let toks = tokens(inner)?;
    let starts_with_role = matches!(toks.first(), Some(Tok::Role(_)));
    let names_only = toks.iter().all(|t| matches!(t, Tok::Names(_)));
    if !(starts_with_role || whole && names_only) {
        return None;
    }
    // A bracketed photo credit (`（本报记者张悦摄）`) is printed solid.
    if matches!(toks.last(), Some(Tok::Role(r)) if matches!(r.as_slice(), ['摄'] | ['攝'])) {
        return None;
    }
    let out = render(&toks)?;
    // An attribution is two names or more.
    if names_only && !out.contains(&' ') {
        return None;
    }
    Some(out)
}

/// Tokens back to text, names cut, one space between tokens; `None` if a
/// run of names does not look like names.
fn render(toks: &[Tok]) -> Option<Vec<char>> {
    if !toks.iter().any(|t| matches!(t, Tok::Names(_))) {
        return None;
    }
    let mut out = Vec::new();
    for t in toks {
        if !out.is_empty() {
            out.push(' ');
        }
        match t {
            Tok::Role(r) => out.extend_from_slice(r),
            Tok::Names(run) => {
                for (k, name) in cut_names(run)?.into_iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    out.extend_from_slice(name);
                }
            }
        }
    }
    Some(out)
}

/// A photo credit at the end of `out` (`…天空。本报记者贺红萍摄`): spaces
/// before it (unless `as_printed` and it had none), between role and names
/// and before `摄`. Returns whether anything changed.
fn credit_tail(out: &mut Vec<char>, as_printed: bool) -> bool {
    let mut end = out.len();
    while end > 0 && chars::is_hspace(out[end - 1]) {
        end -= 1;
    }
    // Back over Han characters and spaces to the text before the credit.
    let mut start = end;
    while start > 0 && (chars::is_han(out[start - 1]) || chars::is_hspace(out[start - 1])) {
        start -= 1;
        if end - start > CREDIT_MAX {
            return false;
        }
    }
    let mut tail_start = start;
    while tail_start < end && chars::is_hspace(out[tail_start]) {
        tail_start += 1;
    }
    let tail = &out[tail_start..end];
    // The organisation before the first role word stays attached to it
    // (`湖南日报全媒体记者`).
    let Some(first_role) = (0..tail.len()).find(|&i| role_at(tail, i).is_some_and(|n| n > 1))
    else {
        return false;
    };
    let Some(mut toks) = tokens(&tail[first_role..]) else {
        return false;
    };
    if let Some(Tok::Role(r)) = toks.first_mut() {
        r.splice(0..0, tail[..first_role].iter().copied());
    }
    if !matches!(toks.last(), Some(Tok::Role(r)) if matches!(r.as_slice(), ['摄'] | ['攝'])) {
        return false;
    }
    let Some(mut fixed) = render(&toks) else {
        return false;
    };
    if start > 0 && !(as_printed && tail_start == start) {
        fixed.insert(0, ' ');
    }
    if out[start..] == fixed[..] {
        return false;
    }
    out.truncate(start);
    out.extend(fixed);
    true
}

/// Cut a run of Han characters into personal names: the run itself if it
/// is one name, else the best cut into names of two or three characters,
/// each starting with a surname. `None` if it does not look like names.
pub fn cut_names(run: &[char]) -> Option<Vec<&[char]>> {
    if run.len() > RUN_MAX {
        return None;
    }
    // Best cut of run[i..]: (least tier, names, cut lengths).
    type Best = Option<(u8, usize, Vec<usize>)>;
    let n = run.len();
    let mut best: Vec<Best> = vec![None; n + 1];
    best[n] = Some((u8::MAX, 0, Vec::new()));
    for i in (0..n).rev() {
        let compound = compound_surname(&run[i..]);
        let tier = if compound { 3 } else { surname_tier(run[i]) };
        if tier == 0 {
            continue;
        }
        let longest = if compound { 4 } else { 3 };
        let mut here: Best = None;
        for len in 2..=longest {
            if i + len > n {
                break;
            }
            let Some((t, k, cuts)) = &best[i + len] else {
                continue;
            };
            let cand = (tier.min(*t), k + 1, {
                let mut c = vec![len];
                c.extend(cuts);
                c
            });
            // Most likely least surname, then fewer names, then the longer
            // first name.
            let better = match &here {
                None => true,
                Some((bt, bk, bc)) => {
                    (cand.0, std::cmp::Reverse(cand.1), &cand.2) > (*bt, std::cmp::Reverse(*bk), bc)
                }
            };
            if better {
                here = Some(cand);
            }
        }
        best[i] = here;
    }
    let (_, _, cuts) = best[0].take()?;
    let mut names = Vec::with_capacity(cuts.len());
    let mut at = 0;
    for len in cuts {
        names.push(&run[at..at + len]);
        at += len;
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_credits() {
        for (t, want) in [
            ("责任编辑：张三", true),
            ("本版编辑:李四", true),
            ("校对：王五", true),
            ("专访：一位老编辑的坚守", false),
            ("编辑部的故事", false),
        ] {
            assert_eq!(is_editor_credit(t), want, "{t:?}");
        }
    }

    #[test]
    fn bylines_of_their_own() {
        for (t, want) in [
            ("本报记者 张三", true),
            ("记者 李四 通讯员 王五", true),
            ("全媒体记者 赵六", true),
            ("本报记者张三", false),
            ("本报编辑部评出", false),
            ("记者近日走访了多个社区。", false),
            ("记者 近日走访了多个社区", false),
            ("新春走基层", false),
        ] {
            assert_eq!(is_byline_line(t), want, "{t:?}");
        }
    }

    fn cut(s: &str) -> String {
        let cs: Vec<char> = s.chars().collect();
        match cut_names(&cs) {
            Some(v) => v
                .iter()
                .map(|n| n.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" "),
            None => "-".to_string(),
        }
    }

    #[test]
    fn names_cut_at_surnames() {
        for (run, want) in [
            ("冯飞胡冬", "冯飞 胡冬"),
            ("卢华丽陶丽宇", "卢华丽 陶丽宇"),
            ("韦琳艳贺刚", "韦琳艳 贺刚"),
            ("蒋文余萍文", "蒋文 余萍文"),
            ("刘上阳顾康", "刘上阳 顾康"),
            ("秦华段平凯", "秦华 段平凯"),
            ("董伟胡斌夏珺", "董伟 胡斌 夏珺"),
            ("朱萍勇王东林", "朱萍勇 王东林"),
            ("苏国玉赵明红", "苏国玉 赵明红"),
            ("鄧霞超何玉華", "鄧霞超 何玉華"),
            ("欧阳修", "欧阳修"),
            ("欧阳文忠", "欧阳文忠"),
            ("李宁", "李宁"),
            // Not names: no surname where a cut would have to be.
            ("新华社电", "-"),
            ("的确如此", "-"),
            ("一二三四五六七八九十一二三", "-"),
        ] {
            assert_eq!(cut(run), want, "{run}");
        }
    }

    #[test]
    fn first_characters_cover_every_word() {
        for w in ROLES
            .iter()
            .chain(PREFIXES.iter())
            .chain(["摄", "攝"].iter())
        {
            assert!(FIRST.contains(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn bylines() {
        for (text, attribution, want) in [
            // Restored.
            (
                "本报成都6月19日讯（记者冯飞胡冬）",
                false,
                "本报成都6月19日讯（记者 冯飞 胡冬）",
            ),
            (
                "（记者卢华丽陶丽宇通讯员钱静海）",
                false,
                "（记者 卢华丽 陶丽宇 通讯员 钱静海）",
            ),
            // Inside a paragraph: as printed.
            (
                "（全媒体记者李寒露）正文",
                false,
                "（全媒体记者李寒露）正文",
            ),
            ("（郑凯付磊）", true, "（郑凯 付磊）"),
            ("（記者鄧霞超何玉華）", false, "（記者 鄧霞超 何玉華）"),
            (
                "气球一齐飞向天空。本报记者贺红萍摄",
                false,
                "气球一齐飞向天空。 本报记者 贺红萍 摄",
            ),
            (
                "古為兵家必爭之地。本報記者邵蘭慶攝",
                false,
                "古為兵家必爭之地。 本報記者 邵蘭慶 攝",
            ),
            ("本报记者李宁摄", false, "本报记者 李宁 摄"),
            // Kept as they are.
            (
                "（全媒体记者 李寒露 通讯员 田薇 吴宗乔）",
                false,
                "（全媒体记者 李寒露 通讯员 田薇 吴宗乔）",
            ),
            (
                "“网红打卡点”。 湖南日报全媒体记者 童迪 摄",
                false,
                "“网红打卡点”。 湖南日报全媒体记者 童迪 摄",
            ),
            ("（肖湘 袁利平）", true, "（肖湘 袁利平）"),
            ("（新华社记者张凤国摄）", false, "（新华社记者张凤国摄）"),
            ("（徐烨摄）", false, "（徐烨摄）"),
            ("（记者王丙飞、鲁绍明）", false, "（记者王丙飞、鲁绍明）"),
            (
                "（新华社北京2000年12月28日电）",
                true,
                "（新华社北京2000年12月28日电）",
            ),
            ("（新华社电）", true, "（新华社电）"),
            ("（附图片1张）", true, "（附图片1张）"),
            ("（郑凯付磊）", false, "（郑凯付磊）"),
            ("（记者站）", false, "（记者站）"),
            ("我们在这里拍摄", false, "我们在这里拍摄"),
            (
                "记者在现场看到，工人们正在拍摄",
                false,
                "记者在现场看到，工人们正在拍摄",
            ),
        ] {
            assert_eq!(space_names(text, attribution, false, false), want, "{text}");
            // Stable.
            assert_eq!(space_names(want, attribution, false, false), want, "{want}");
            // A bracket inside a paragraph is cut when asked.
            if text.contains("）正文") {
                assert_ne!(space_names(text, attribution, true, false), text, "{text}");
            }
        }
    }

    #[test]
    fn spaced_bylines_found() {
        for (text, want) in [
            ("本报武汉2月4日讯（记者 夏博 史兰伟）", true),
            ("（全媒体记者 李寒露 通讯员 田薇 吴宗乔）", true),
            ("据新华社银川电（记者武勇）2000年12月31日", false),
            ("（本报记者张悦摄）", false),
            ("（贺强英 顾宁晓）", false),
            ("（图 甲 乙）", false),
            ("文（附图片1张）后（记者 秦飞）", true),
            ("本报广州1月6日讯（记者 韦琳艳", true),
            ("感动了四乡八镇的乡亲们。本报记者 陶", true),
            ("（记者 1月6日）", false),
            ("记者 在现场看到，工人们正在拍摄", false),
        ] {
            assert_eq!(spaced_byline(text), want, "{text}");
        }
    }
}
