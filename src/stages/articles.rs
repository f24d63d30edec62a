//! Stage `articles`: article boundaries, roles, displaced headlines.
//!
//! After `rejoin` the document is a list of units, some marked as headings
//! (short lines without a sentence end). This stage
//!
//! 1. gives every unit a role: dateline/lead, attribution (`（肖湘 袁利平）`),
//!    photo caption with its credit, headline (Han text without any
//!    punctuation), body; and puts back the spaces between the names of
//!    bylines, attributions and credits that the extractor lost
//!    ([`crate::bylines`]);
//! 2. cuts the non-heading units into article bodies: a dateline starts one,
//!    an attribution ends one (alone, or in brackets after the last
//!    sentence: `…攀登。（红深）`), a caption is one of its own, and a
//!    heading between two bodies separates them;
//! 3. attaches every heading to the article it belongs to. Extractors often
//!    print a headline after its article's body, or a subtitle a page away,
//!    so each heading goes to the article whose text shares most of its
//!    character bigrams (words for Latin text), with a preference for the
//!    article that follows it (a headline's usual place) and then the one
//!    before it;
//!    a heading block that holds two headlines printed one under the other
//!    (their lines share their bigrams with two different bodies) is split
//!    first; an article that ends up with a title on top and another
//!    printed below its body is two articles glued together, split where
//!    the lower title's words first turn up;
//! 4. puts each article's headings on top (the first is its title, the
//!    others subtitles) and marks where articles start.

use crate::bylines;
use crate::chars::{self, Class};
use crate::config::Config;
use crate::doc::{Document, Role, Unit};
use crate::explain::{Trace, clip};
use crate::stages::rejoin::{
    ends_with_attribution, in_brackets, is_attribution_line, is_bracketed_names, is_dateline,
};
use std::borrow::Cow;

const STAGE: &str = "articles";

/// How many articles before and after a heading are candidates for it.
const ARTICLE_WINDOW: usize = 12;

/// Preference for the body right after a heading: its usual place.
const NEXT_BONUS: f64 = 0.25;
/// Preference for the body right before: a headline printed after its body.
const PREV_BONUS: f64 = 0.1;

/// An article as the stage builds it: unit indices into the old unit list.
#[derive(Debug, Default)]
struct Article {
    heads: Vec<usize>,
    body: Vec<usize>,
}

/// A heading's place: the article it goes to, the articles right after and
/// before it, why it stays in place (if it does), and for a heading placed
/// by overlap each candidate article's (index, bigram overlap, score).
struct Place {
    h: usize,
    target: usize,
    next: Option<usize>,
    prev: Option<usize>,
    why: Option<&'static str>,
    scores: Vec<(usize, f64, f64)>,
}

impl Place {
    /// The heading's bigram overlap with article `a` (0 outside the window).
    fn overlap(&self, a: usize) -> f64 {
        self.scores.iter().find(|s| s.0 == a).map_or(0.0, |s| s.1)
    }

    fn by_overlap(&self) -> bool {
        !self.scores.is_empty()
    }
}

/// Are places `l` and `r` (in this order) two headings one right after the
/// other, and do they share a line (pieces of one line split apart)?
fn consecutive(l: &Place, r: &Place, units: &[Unit]) -> Option<bool> {
    (r.h == l.h + 1).then(|| units[l.h].lines.last() == units[r.h].lines.first())
}

/// Two headlines printed side by side on one line were split apart for
/// their bodies differ: they head two articles, the left one the earlier.
/// Where both chose one, the pair of articles that scores best together
/// wins.
fn pair_side_by_side(places: &mut [Place], units: &[Unit]) {
    for i in 1..places.len() {
        let (l, r) = (&places[i - 1], &places[i]);
        if consecutive(l, r, units) != Some(true)
            || l.target != r.target
            || !l.by_overlap()
            || !r.by_overlap()
        {
            continue;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        for &(a, _, sa) in &l.scores {
            for &(b, _, sb) in r.scores.iter().filter(|x| x.0 > a) {
                if best.is_none_or(|x| sa + sb > x.0 + 1e-9) {
                    best = Some((sa + sb, a, b));
                }
            }
        }
        if let Some((_, a, b)) = best {
            places[i - 1].target = a;
            places[i].target = b;
        }
    }
}

/// A heading printed right under a title that heads the article below goes
/// with it (a subtitle) rather than to an article further away, unless
/// their bigrams tell them apart as clearly as the lines of a heading split
/// in two (each shares at least half its bigrams with its own body, at
/// most a quarter with the other's).
fn keep_subtitles(places: &mut [Place], units: &[Unit]) {
    for i in 1..places.len() {
        let (l, r) = (&places[i - 1], &places[i]);
        if consecutive(l, r, units) != Some(false)
            || l.target == r.target
            || !l.by_overlap()
            || !r.by_overlap()
        {
            continue;
        }
        let apart = l.overlap(l.target) >= SPLIT_OWN
            && r.overlap(r.target) >= SPLIT_OWN
            && l.overlap(r.target) <= SPLIT_OTHER
            && r.overlap(l.target) <= SPLIT_OTHER;
        let far = Some(r.target) != r.next && Some(r.target) != r.prev;
        if !apart && Some(l.target) == l.next && far {
            places[i].target = places[i - 1].target;
        }
    }
}

/// Two headings printed one under the other between two articles never
/// cross: the upper one heading the article below while the lower one goes
/// to the article above would have them printed in the wrong order. Where
/// the lower one clearly matches the article above and the upper one does
/// too, both go there (`貴州茶葉冒充龍井葉小形` over `扁渾水摸魚大批流向全國`,
/// the lines of one headline printed after its body).
fn uncross(places: &mut [Place], units: &[Unit]) {
    for i in 1..places.len() {
        let (l, r) = (&places[i - 1], &places[i]);
        let (Some(a), Some(b)) = (l.prev, l.next) else {
            continue;
        };
        if consecutive(l, r, units) != Some(false)
            || !l.by_overlap()
            || !r.by_overlap()
            || l.target != b
            || r.target != a
        {
            continue;
        }
        // The lower one matches the article above clearly (half its
        // bigrams), the upper one some: both go there.
        if r.overlap(a) >= SPLIT_OWN
            && l.overlap(a) > 0.0
            && l.overlap(a) + r.overlap(a) > l.overlap(b) + r.overlap(b)
        {
            places[i - 1].target = a;
        }
    }
}

/// Has article `a` no heading placed on it while it could stand alone: it
/// is opened by a dateline, or it is the text's first article (no article
/// before it that its body could go on from)?
fn headless(a: usize, places: &[Place], articles: &[Article], units: &[Unit]) -> bool {
    !places.iter().any(|p| p.target == a)
        && (a == 0
            || articles[a]
                .body
                .first()
                .is_some_and(|&j| units[j].role == Role::Dateline))
}

/// Two headings printed one under the other over an article, the lower one
/// the better match for it, and right before them an article opened by a
/// dateline (or the text's first article) with no headline: the upper one
/// is that article's, printed after its body (`网上守岁真火爆` / `电子贺卡成时尚` over the second's
/// body, the first's body above them).
fn upper_head_before(places: &mut [Place], articles: &[Article], units: &[Unit]) {
    for i in 1..places.len() {
        let (l, r) = (&places[i - 1], &places[i]);
        let (Some(b), Some(a)) = (l.next, l.prev) else {
            continue;
        };
        if consecutive(l, r, units) != Some(false)
            || l.target != b
            || r.target != b
            || !l.by_overlap()
            || !r.by_overlap()
        {
            continue;
        }
        // (The lower one matches the article under them better than the
        // upper one does, or no worse while the upper one matches the
        // article before better.)
        let (la, lb, rb) = (l.overlap(a), l.overlap(b), r.overlap(b));
        if headless(a, places, articles, units) && la >= lb && rb >= lb && (rb > lb || la > lb) {
            places[i - 1].target = a;
        }
    }
}

/// Why a heading of Latin words stays where it is (see [`run`]).
const LATIN_IN_PLACE: &str = "Latin words: in place";

/// [`upper_head_before`] for two Latin headings, which stay in place
/// otherwise: the upper one's words are found in the headless article
/// above at least as much as in the article under them, the lower one's
/// in that article at least as much as the upper one's, one of them more
/// (`RAID and LVM` / `Software RAID` over the software RAID section, the
/// chapter's opening text above them).
fn latin_upper_head_before(places: &mut [Place], articles: &[Article], units: &[Unit]) {
    for i in 1..places.len() {
        let (l, r) = (&places[i - 1], &places[i]);
        let (Some(b), Some(a)) = (l.next, l.prev) else {
            continue;
        };
        if l.why != Some(LATIN_IN_PLACE)
            || r.why != Some(LATIN_IN_PLACE)
            || consecutive(l, r, units) != Some(false)
            || l.target != b
            || r.target != b
            || !headless(a, places, articles, units)
            || crate::stages::rejoin::is_latin_byline(units[l.h].text.trim())
        {
            continue;
        }
        let body = |x: usize| articles[x].body.iter().map(|&j| units[j].text.as_str());
        let (lg, rg) = (
            gram_set(grams(&units[l.h].text)),
            gram_set(grams(&units[r.h].text)),
        );
        let (la, lb, rb) = (
            share_found(&lg, body(a)),
            share_found(&lg, body(b)),
            share_found(&rg, body(b)),
        );
        if la >= lb && rb >= lb && (rb > lb || la > lb) {
            places[i - 1].target = a;
            places[i - 1].why = Some("Latin words: the headless article's above");
        }
    }
}

/// A heading printed between an article opened by a dateline (or the
/// text's first article) with no headline and the next article, which another heading matches better
/// (printed below its body), and which matches the first no worse than the
/// next: the first article's headline, printed after its body
/// (`支持北京经济发展…` after `本报北京…讯` and its attribution, the next
/// article's own title printed below it).
fn head_for_headless(places: &mut [Place], articles: &[Article], units: &[Unit]) {
    for i in 0..places.len() {
        let p = &places[i];
        let (Some(b), Some(a)) = (p.next, p.prev) else {
            continue;
        };
        if p.target != b || !p.by_overlap() || p.overlap(a) < p.overlap(b) {
            continue;
        }
        let rival = places
            .iter()
            .any(|q| q.h != p.h && q.target == b && q.by_overlap() && q.overlap(b) > p.overlap(b));
        if rival && headless(a, places, articles, units) {
            places[i].target = a;
        }
    }
}

/// A heading right over a photo caption without a headline, whose bigrams
/// match its chosen article only as well as another (no evidence where it
/// belongs), is the caption's title (`今年最大規模` over `報道稱，…本報記者
/// 邵蘭慶 攝`): a caption shares few bigrams with its title, having few.
fn caption_titles(places: &mut [Place], articles: &[Article], units: &[Unit]) {
    for i in 0..places.len() {
        let p = &places[i];
        let Some(c) = p.next else { continue };
        let caption =
            matches!(articles[c].body[..], [j] if j == p.h + 1 && units[j].role == Role::Caption);
        if !caption || p.target == c || !p.by_overlap() || places.iter().any(|q| q.target == c) {
            continue;
        }
        let best = p.overlap(p.target);
        let tied = p
            .scores
            .iter()
            .any(|s| s.0 != p.target && s.0 != c && (s.1 - best).abs() < 1e-9);
        if tied {
            places[i].target = c;
        }
    }
}

/// Run the stage.
pub fn run(doc: &mut Document, _cfg: &Config, trace: &mut Trace) {
    doc.ensure_units();
    if doc.units.is_empty() {
        return;
    }
    classify(doc, trace);
    if !doc.paragraphed {
        split_merged_headings(doc, trace);
    }
    let doc_paragraphed = doc.paragraphed;
    let units = &doc.units;
    let lines = &doc.lines;
    let lno = |u: &Unit| u.lines.first().map_or(0, |&l| lines[l].no);
    // Heading units and body groups, in order.
    let mut articles: Vec<Article> = Vec::new();
    // (unit, body groups before it, a hard article start from rejoin)
    let mut pending_heads: Vec<(usize, usize, bool)> = Vec::new();
    let mut open = false;
    for (i, u) in units.iter().enumerate() {
        if u.role == Role::Heading {
            pending_heads.push((i, articles.len(), u.article_start));
            open = false;
            continue;
        }
        // A document's signature and its date, and the editor's credit,
        // close the article above them, blank lines between or not.
        // So does an attribution in brackets after a finished paragraph
        // (`…新公园。` / / `（张三 李四）`).
        let signature = u.role == Role::Attribution
            && (closing(units, i).is_some()
                || (is_attribution_line(&u.text)
                    && i > 0
                    && units[i - 1].role == Role::Body
                    && chars::ends_sentence(units[i - 1].text.trim_end())));
        let new = !open
            || (u.article_start && !signature)
            || u.role == Role::Dateline
                && !articles.last().is_some_and(|a| {
                    a.body.len() == 1
                        && (is_lead_part(&units[a.body[0]]) || is_heading_note(units, a.body[0]))
                })
            || u.role == Role::Caption
            || !signature
                && articles.last().is_some_and(|a| {
                    a.body.last().is_some_and(|&j| {
                        matches!(units[j].role, Role::Attribution | Role::Caption)
                            || ends_with_attribution(&units[j].text)
                    })
                });
        if new {
            if open {
                let rule = if u.article_start {
                    "marked-start"
                } else {
                    boundary_rule(u.role)
                };
                trace.record(STAGE, rule, lno(u), || {
                    format!("article starts at {:?}", clip(&u.text, 20))
                });
            }
            articles.push(Article::default());
        }
        articles.last_mut().expect("article exists").body.push(i);
        open = u.role != Role::Caption;
    }
    if articles.is_empty() {
        // Only headings: one article of them.
        articles.push(Article {
            heads: (0..units.len()).collect(),
            body: Vec::new(),
        });
        pending_heads.clear();
    }
    // Attach every heading to its article. The articles' bigrams are only
    // needed where a heading's place is in question: not in paragraphed
    // input, where every heading heads the article after it.
    let mut bodies: Option<Vec<Vec<Gram>>> = None;
    // Only the grams of headings whose place is in question are looked up
    // in the bodies: the bodies keep those alone.
    let mut wanted: Vec<Gram> = Vec::new();
    let head_grams: Vec<Option<Vec<Gram>>> = pending_heads
        .iter()
        .map(|&(h, before, hard)| {
            let next = before < articles.len();
            if (hard || doc_paragraphed) && next {
                return None;
            }
            let hg = gram_set(grams(&units[h].text));
            if !(next && latin_only(&hg)) {
                wanted.extend_from_slice(&hg);
            }
            Some(hg)
        })
        .collect();
    let wanted = Wanted::new(wanted);
    let mut places: Vec<Place> = Vec::with_capacity(pending_heads.len());
    for (&(h, before, hard), hg) in pending_heads.iter().zip(head_grams) {
        let next = (before < articles.len()).then_some(before);
        let prev = before.checked_sub(1);
        let hg = hg.unwrap_or_default();
        // A heading stays where it is, heading what follows, after a hard
        // article start, in paragraphed input, and when it is of Latin
        // words only: words are shared across the sections of a text too
        // widely to place it by overlap (`Stable Updates` in a chapter
        // about updates).
        let in_place = if (hard || doc_paragraphed) && next.is_some() {
            Some("in place")
        } else if next.is_some() && latin_only(&hg) {
            Some(LATIN_IN_PLACE)
        } else {
            None
        };
        if let Some(why) = in_place {
            places.push(Place {
                h,
                target: before,
                next,
                prev,
                why: Some(why),
                scores: Vec::new(),
            });
            continue;
        }
        let bodies = bodies.get_or_insert_with(|| {
            articles
                .iter()
                .map(|a| {
                    let mut g = Vec::new();
                    for &j in &a.body {
                        for_each_gram(&units[j].text, |x| {
                            if wanted.has(x) {
                                g.push(x);
                            }
                        });
                    }
                    gram_set(g)
                })
                .collect()
        });
        let mut best = (f64::MIN, next.or(prev).unwrap_or(0));
        let mut scores = Vec::new();
        // Candidates: the articles around the heading (a displaced subtitle
        // stays within a page or so), which also keeps this linear.
        let lo = before.saturating_sub(ARTICLE_WINDOW);
        let hi = (before + ARTICLE_WINDOW).min(bodies.len());
        for (a, g) in bodies.iter().enumerate().take(hi).skip(lo) {
            let overlap = if hg.is_empty() {
                0.0
            } else {
                hg.iter().filter(|x| g.binary_search(x).is_ok()).count() as f64 / hg.len() as f64
            };
            let bonus = if Some(a) == next {
                NEXT_BONUS
            } else if Some(a) == prev {
                PREV_BONUS
            } else {
                0.0
            };
            let s = overlap + bonus;
            scores.push((a, overlap, s));
            if s > best.0 + 1e-9 {
                best = (s, a);
            }
        }
        places.push(Place {
            h,
            target: best.1,
            next,
            prev,
            why: None,
            scores,
        });
    }
    pair_side_by_side(&mut places, units);
    keep_subtitles(&mut places, units);
    uncross(&mut places, units);
    upper_head_before(&mut places, &articles, units);
    latin_upper_head_before(&mut places, &articles, units);
    head_for_headless(&mut places, &articles, units);
    caption_titles(&mut places, &articles, units);
    // Headings attached to the article before them.
    let mut below: Vec<(usize, usize)> = Vec::new();
    for p in &places {
        let (h, target) = (p.h, p.target);
        let rule = if Some(target) == p.next {
            "headline-above"
        } else if Some(target) == p.prev {
            "headline-below-body"
        } else {
            "headline-displaced"
        };
        trace.record(STAGE, rule, lno(&units[h]), || {
            let why = p.why.map_or_else(
                || {
                    let s: Vec<String> = p
                        .scores
                        .iter()
                        .map(|(a, o, _)| format!("#{a}:{o:.2}"))
                        .collect();
                    format!("bigram overlap {}", s.join(" "))
                },
                str::to_string,
            );
            format!("{:?} → article #{target} ({why})", clip(&units[h].text, 20))
        });
        articles[target].heads.push(h);
        if p.why.is_none() && rule == "headline-below-body" {
            below.push((h, target));
        }
    }
    follow_headlines_with_datelines(&mut articles, units, trace, &lno);
    let mut articles = merge_sections(articles, &below, units, trace, &lno);
    articles.retain(|a| !a.heads.is_empty() || !a.body.is_empty());
    let mut articles = split_at_second_titles(articles, units, trace, &lno);
    // A split can free the article a dateline under a headline belongs to.
    follow_headlines_with_datelines(&mut articles, units, trace, &lno);
    articles.retain(|a| !a.heads.is_empty() || !a.body.is_empty());
    let articles = merge_relayed_reports(articles, units, trace, &lno);
    // Rebuild the unit list: headings first, in their input order.
    let mut old: Vec<Option<Unit>> = std::mem::take(&mut doc.units)
        .into_iter()
        .map(Some)
        .collect();
    let mut out = Vec::with_capacity(old.len());
    for mut a in articles {
        a.heads.sort_unstable();
        let mut first = true;
        for (n, &h) in a.heads.iter().enumerate() {
            let mut u = old[h].take().expect("unit used once");
            u.role = if n == 0 { Role::Title } else { Role::Subtitle };
            u.article_start = first;
            first = false;
            out.push(u);
        }
        for (n, &b) in a.body.iter().enumerate() {
            let mut u = old[b].take().expect("unit used once");
            if n == 0 && !a.heads.is_empty() && u.role == Role::Attribution {
                // A bracketed line right under a headline is a subtitle.
                u.role = Role::Subtitle;
            }
            u.article_start = first;
            first = false;
            out.push(u);
        }
    }
    doc.units = out;
}

/// An article that no headline heads, opened by the dateline of a relayed
/// report (`据新华社开罗1月1日电（记者邵杰）…`) after an article that has
/// one and that nothing closed: a further report of that article (a
/// digest of agency reports under one headline), not an article of its
/// own.
fn merge_relayed_reports(
    articles: Vec<Article>,
    units: &[Unit],
    trace: &mut Trace,
    lno: &dyn Fn(&Unit) -> usize,
) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    for a in articles {
        let relayed = a.heads.is_empty()
            && a.body.first().is_some_and(|&d| {
                units[d].role == Role::Dateline && units[d].text.starts_with(['据', '據'])
            });
        if let Some(prev) = out.last_mut().filter(|p| {
            relayed
                && !p.heads.is_empty()
                && p.body.last().is_some_and(|&j| {
                    matches!(units[j].role, Role::Body | Role::Dateline)
                        && !ends_with_attribution(&units[j].text)
                })
        }) {
            let d = a.body[0];
            trace.record(STAGE, "relayed-report", lno(&units[d]), || {
                format!("{:?} goes on the article before", clip(&units[d].text, 20))
            });
            prev.body.extend(a.body);
            continue;
        }
        out.push(a);
    }
    out
}

/// A dateline printed right under a displaced headline, with no body of
/// its own after it (extractors print the heads of several articles in one
/// cluster: `宁夏精简会议和文件` / `本报银川1月1日电（记者…）` / `明天气象预报…`),
/// goes with that headline to the article it was placed at, as its first
/// paragraph: the dateline opens that body.
fn follow_headlines_with_datelines(
    articles: &mut [Article],
    units: &[Unit],
    trace: &mut Trace,
    lno: &dyn Fn(&Unit) -> usize,
) {
    for a in 0..articles.len() {
        let Some(&d) = articles[a].body.first() else {
            continue;
        };
        // (A dateline of its own line, its names in brackets, may stand
        // over text that is not its own: the extractor printed it apart
        // from its body, which the headline's article holds.)
        let bare = units[d].text.ends_with(['）', ')']) && !units[d].text.contains('。');
        if (articles[a].body.len() > 1 && !bare)
            || !articles[a].heads.is_empty()
            || units[d].role != Role::Dateline
            || d == 0
            || units[d - 1].role != Role::Heading
        {
            continue;
        }
        let Some(t) = articles.iter().position(|x| x.heads.contains(&(d - 1))) else {
            continue;
        };
        // (Over text of its own, it follows a headline only where that
        // heads an article, not where it went under another as a
        // subtitle: a section's head, whose dateline stays with its text.)
        let titled = articles[t].heads.iter().min() == Some(&(d - 1));
        if t == a
            || (articles[a].body.len() > 1 && !titled)
            || articles[t]
                .body
                .first()
                .is_some_and(|&b| units[b].role == Role::Dateline)
        {
            continue;
        }
        trace.record(STAGE, "dateline-follows-headline", lno(&units[d]), || {
            format!("{:?} → article #{t}", clip(&units[d].text, 20))
        });
        articles[a].body.remove(0);
        articles[t].body.insert(0, d);
    }
}

/// A headline printed below its article, whose article already has a
/// headline on top: that one is a section head, and the article began
/// further up, at the last article without any headline (and with no
/// attribution closing it, and no dateline under a headline on the way), provided that article shares the headline's
/// character bigrams (Han text: Latin words are shared too widely). Merge them: the displaced headline is the title, the section
/// heads stay in place.
fn merge_sections(
    mut articles: Vec<Article>,
    below: &[(usize, usize)],
    units: &[Unit],
    trace: &mut Trace,
    lno: &dyn Fn(&Unit) -> usize,
) -> Vec<Article> {
    // Article index → the article it is merged into.
    let mut into: Vec<usize> = (0..articles.len()).collect();
    let top = |a: &Article| -> Vec<usize> {
        let first = a.body.first().copied().unwrap_or(usize::MAX);
        a.heads.iter().copied().filter(|&x| x < first).collect()
    };
    let closed = |a: &Article| {
        a.body
            .last()
            .is_some_and(|&j| matches!(units[j].role, Role::Attribution | Role::Caption))
    };
    for &(h, t) in below {
        if top(&articles[t]).is_empty() {
            continue;
        }
        let mut k = t;
        // A headline over a dateline is an article's own: the walk stops.
        let dated = |a: &Article| {
            a.body
                .first()
                .is_some_and(|&j| units[j].role == Role::Dateline)
        };
        while k > 0
            && !top(&articles[k]).is_empty()
            && !dated(&articles[k])
            && !closed(&articles[k - 1])
            && into[k - 1] == k - 1
        {
            k -= 1;
        }
        if k == t || !top(&articles[k]).is_empty() {
            continue;
        }
        // The article the chain starts with must be about the headline too.
        let hg: Vec<Gram> = gram_set(grams(&units[h].text))
            .into_iter()
            .filter(|g| g >> 63 == 0)
            .collect();
        if hg.len() < 3 {
            continue;
        }
        let overlap = share_found(
            &hg,
            articles[k].body.iter().map(|&j| units[j].text.as_str()),
        );
        if overlap < 0.2 {
            continue;
        }
        trace.record(STAGE, "section-heads", lno(&units[h]), || {
            format!(
                "{:?} heads articles #{k}..#{t}: their headlines are section heads",
                clip(&units[h].text, 20)
            )
        });
        for slot in &mut into[k + 1..=t] {
            *slot = k;
        }
    }
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    let mut map = vec![usize::MAX; articles.len()];
    for j in 0..articles.len() {
        let a = std::mem::take(&mut articles[j]);
        if into[j] == j {
            map[j] = out.len();
            out.push(a);
            continue;
        }
        let dst = &mut out[map[into[j]]];
        let first = a.body.first().copied().unwrap_or(usize::MAX);
        // Headlines on top become section heads in the body; the ones
        // below (the displaced title) head the merged article.
        for &x in &a.heads {
            if x < first {
                dst.body.push(x);
            } else {
                dst.heads.push(x);
            }
        }
        dst.body.extend(a.body);
    }
    out
}

/// An article with a headline on top and another printed below its body
/// holds two articles glued together (no dateline or attribution stood
/// between them): when the lower headline's words first turn up in a
/// later paragraph (half its bigrams or more), and hardly at all before
/// (under a quarter in each), the second article starts there, under
/// that headline.
fn split_at_second_titles(
    articles: Vec<Article>,
    units: &[Unit],
    trace: &mut Trace,
    lno: &dyn Fn(&Unit) -> usize,
) -> Vec<Article> {
    let mut out = Vec::with_capacity(articles.len());
    for mut a in articles {
        let first = a.body.first().copied().unwrap_or(usize::MAX);
        let above = a.heads.iter().any(|&h| h < first);
        let below: Vec<usize> = a.heads.iter().copied().filter(|&h| h > first).collect();
        // The lower headline, and the one that stays with the first part
        // when both were printed below the body (two separate heading
        // blocks there: the heads of two articles, as extractors print a
        // cluster of them after the bodies).
        let (title, kept) = match (above, below.as_slice()) {
            (true, &[t]) => (t, None),
            (false, &[k, t]) => (t, Some(k)),
            _ => {
                out.push(a);
                continue;
            }
        };
        // Bigrams of ideographs only: a date's digits are in any text.
        let han_grams = |t: &str| -> Vec<Gram> {
            gram_set(grams(t))
                .into_iter()
                .filter(|&g| han_bigram(g))
                .collect()
        };
        // (A photo note's words are in no body.)
        let tt = &units[title].text;
        let tg = han_grams(&tt[..crate::stages::rejoin::photo_note_start(tt).unwrap_or(tt.len())]);
        if tg.len() < 3 || a.body.len() < 2 {
            out.push(a);
            continue;
        }
        let scores: Vec<f64> = a
            .body
            .iter()
            .map(|&j| share_found(&tg, std::iter::once(units[j].text.as_str())))
            .collect();
        let at = scores
            .iter()
            .position(|&x| x >= 0.5)
            .filter(|&i| i > 0 && scores[..i].iter().all(|&x| x < 0.25))
            .filter(|&i| {
                let prev = &units[a.body[i - 1]];
                chars::ends_sentence(&prev.text)
                    || prev.role == Role::Attribution
                    || is_credit_caption(&prev.text)
            })
            .filter(|&i| {
                // The headline that stays must be about the first part.
                kept.is_none_or(|k| {
                    let kg = han_grams(&units[k].text);
                    let text = |r: &[usize]| {
                        r.iter()
                            .map(|&j| units[j].text.as_str())
                            .collect::<Vec<_>>()
                    };
                    share_found(&kg, text(&a.body[..i]).into_iter())
                        > share_found(&kg, text(&a.body[i..]).into_iter())
                })
            });
        let Some(i) = at else {
            out.push(a);
            continue;
        };
        trace.record(STAGE, "second-title-split", lno(&units[a.body[i]]), || {
            format!(
                "{:?}, printed below, first found in {:?} ({:.2}): an article of its own",
                clip(&units[title].text, 16),
                clip(&units[a.body[i]].text, 16),
                scores[i]
            )
        });
        let rest = a.body.split_off(i);
        a.heads.retain(|&h| h != title);
        out.push(a);
        out.push(Article {
            heads: vec![title],
            body: rest,
        });
    }
    out
}

fn boundary_rule(role: Role) -> &'static str {
    match role {
        Role::Dateline => "dateline-starts",
        Role::Caption => "caption-article",
        _ => "after-attribution",
    }
}

/// Does unit `i` close the article above it whatever stands between:
/// the document's signature (`signature`: the issuer, or a date under
/// it, the units above already classified) or the editor's credit
/// (`editor-credit`)? The rule's name.
fn closing(units: &[Unit], i: usize) -> Option<&'static str> {
    let t = units[i].text.trim();
    if is_signature(units, i)
        || (i > 0
            && units[i - 1].role == Role::Attribution
            && crate::stages::rejoin::is_date_only(t))
    {
        Some("signature")
    } else if i > 0 && crate::bylines::is_editor_credit(t) {
        Some("editor-credit")
    } else {
        None
    }
}

/// A Latin byline of its own (`By Jane Doe`) between a finished paragraph
/// and a headline, or at the text's end: the credit that closes the
/// article above. A byline under its headline heads what follows; none
/// stands over a headline.
fn closing_byline(units: &[Unit], i: usize) -> bool {
    i > 0
        && units[i].role != Role::Attribution
        && units[i - 1].role == Role::Body
        && units.get(i + 1).is_none_or(|u| u.role == Role::Heading)
        && crate::stages::rejoin::is_latin_byline(units[i].text.trim())
        && chars::ends_sentence_or_colon(&units[i - 1].text)
}

/// A short line after body text with only dates under it to the text's
/// end: the signature that closes a document (`市人民政府办公室` /
/// `2023年5月10日`), not a headline printed below its article.
fn is_signature(units: &[Unit], i: usize) -> bool {
    let t = units[i].text.trim();
    i > 0
        && i + 1 < units.len()
        && units[i - 1].role != Role::Heading
        && t.chars().nth(30).is_none()
        && !t.contains(|c: char| chars::is_sentence_end(c) || chars::is_clause_end(c))
        && units[i + 1..]
            .iter()
            .all(|u| crate::stages::rejoin::is_date_only(u.text.trim()))
}

/// A bracketed note or a date right under a heading, before its article's
/// dateline (`（二○○○年十二月三十一日）（附图片1张）`, `2000年12月28日`):
/// the heading's, not an article of its own.
fn is_heading_note(units: &[Unit], i: usize) -> bool {
    if i == 0 || units[i - 1].role != Role::Heading {
        return false;
    }
    let t = units[i].text.trim();
    crate::stages::rejoin::is_date_only(t)
        || (t.starts_with(['（', '('])
            && t.ends_with(['）', ')'])
            && t.chars().count() < 40
            && !chars::ends_sentence(t.trim_end_matches(['）', ')'])))
}

/// A dateline unit that is only the dateline (`本报南京10月24日讯（记者 …）`):
/// the paragraph that follows belongs to it.
fn is_lead_part(u: &Unit) -> bool {
    u.role == Role::Dateline && u.text.chars().count() < 40 && !chars::ends_sentence(&u.text)
}

/// Give roles to the units that `rejoin` left as body or heading.
fn classify(doc: &mut Document, trace: &mut Trace) {
    let n = doc.units.len();
    // A byline printed with its spaces shows that the extractor kept them:
    // a credit keeps the lack of a space before it, and bylines inside
    // paragraphs stay as printed. (Measured on the lines as extracted: a
    // join may have put a space back.)
    // (A spaced byline has a space next to an ideograph: lines without
    // one are not searched.)
    let spaced = doc
        .lines
        .iter()
        .find(|l| l.ev.cjk_spaces > 0 && bylines::spaced_byline(&l.text));
    if let Some(l) = spaced {
        trace.record(STAGE, "bylines-as-printed", l.no, || {
            format!(
                "{:?} keeps its spaces: bylines stay as printed",
                clip(&l.text, 30)
            )
        });
    }
    let as_printed = spaced.is_some();
    let mut lost = false;
    for i in 0..n {
        let (role, rule) = {
            let u = &doc.units[i];
            let t = u.text.as_str();
            if let Some(rule) = closing(&doc.units, i) {
                (Role::Attribution, Some(rule))
            } else if u.role == Role::Heading {
                (Role::Heading, None)
            } else if is_dateline(t) {
                (Role::Dateline, None)
            } else if is_credit_caption(t) {
                (Role::Caption, None)
            } else if is_bracketed_names(t) && i > 0 && doc.units[i - 1].role != Role::Heading {
                (Role::Attribution, None)
            } else if is_unpunctuated_title(t) || is_photo_title(t) {
                (Role::Heading, None)
            } else if is_stray_title(&doc.units, i) {
                (Role::Heading, Some("stray-title"))
            } else {
                (Role::Body, None)
            }
        };
        let line = doc.units[i].lines.first().map_or(0, |&l| doc.lines[l].no);
        if role != doc.units[i].role || role != Role::Body {
            let text = &doc.units[i].text;
            let rule = rule.unwrap_or(role.name());
            trace.record(STAGE, rule, line, || format!("{:?}", clip(text, 20)));
        }
        doc.units[i].role = role;
        lost |= space_names(doc, i, false, as_printed, trace);
    }
    // (Once every unit has its role: the headline under a byline may be
    // known as one only now.)
    for i in 0..n {
        if closing_byline(&doc.units, i) {
            doc.units[i].role = Role::Attribution;
            let line = doc.units[i].lines.first().map_or(0, |&l| doc.lines[l].no);
            let text = &doc.units[i].text;
            trace.record(STAGE, "closing-byline", line, || {
                format!("{:?}", clip(text, 20))
            });
        }
    }
    // Bylines of their own that lost their spaces: so did those inside
    // paragraphs.
    if lost && !as_printed {
        for i in 0..n {
            space_names(doc, i, true, false, trace);
        }
    }
}

/// [`bylines::space_names`] on unit `i`; whether it changed the text.
fn space_names(
    doc: &mut Document,
    i: usize,
    inline: bool,
    as_printed: bool,
    trace: &mut Trace,
) -> bool {
    let u = &doc.units[i];
    let attribution = u.role == Role::Attribution;
    let Cow::Owned(s) = bylines::space_names(&u.text, attribution, inline, as_printed) else {
        return false;
    };
    let line = u.lines.first().map_or(0, |&l| doc.lines[l].no);
    trace.record(STAGE, "byline-names", line, || {
        format!("{:?}", clip(&s, 30))
    });
    doc.units[i].text = s;
    true
}

/// Shares of a piece's grams found in the body it matches best (at least)
/// and in the other piece's body (at most), for a heading to be split.
const SPLIT_OWN: f64 = 0.5;
const SPLIT_OTHER: f64 = 0.25;
/// The share of its grams each piece finds in its own body (at least) when
/// neither piece shares any with the other's.
const SPLIT_OWN_DISJOINT: f64 = 0.3;

/// Split headings that `rejoin` made of the lines of two headlines printed
/// one under the other (extractors print displaced headlines in clusters:
/// `全国统` / `计系统表彰先进` / `暴力抗法法不容国家工商` /
/// `局通报暴力抗法典型案例` are two). A heading splits between two of its
/// lines when the lines before share at least half their character bigrams
/// with one body, the lines after with another, each little with the
/// other's, and the break splits no word that the bodies write (`统` /
/// `计`). A title over its subtitle shares the same body: it stays whole.
fn split_merged_headings(doc: &mut Document, trace: &mut Trace) {
    let multi = |u: &Unit| {
        u.role == Role::Heading
            && (u.lines.len() > 1 || chars::phrase_spaces(&u.text).next().is_some())
    };
    if !doc.units.iter().any(multi) {
        return;
    }
    // The breaks in each such heading's text, and the grams the bodies are
    // searched for: its pieces' and those across its breaks.
    let mut cuts: Vec<Vec<Cut>> = vec![Vec::new(); doc.units.len()];
    let mut wanted: Vec<Gram> = Vec::new();
    for (i, u) in doc.units.iter().enumerate() {
        if multi(u) {
            cuts[i] = heading_cuts(u, &doc.lines);
            if !cuts[i].is_empty() {
                for_each_gram(&u.text, |g| wanted.push(g));
            }
        }
    }
    if cuts.iter().all(Vec::is_empty) {
        return;
    }
    let wanted = Wanted::new(wanted);
    // Bodies: the runs of units between headings, as the grams they hold;
    // for each unit the run after it (or its own).
    let mut runs: Vec<Vec<Gram>> = Vec::new();
    let mut run_at = vec![0; doc.units.len()];
    let mut open = false;
    for (i, u) in doc.units.iter().enumerate() {
        if u.role == Role::Heading {
            open = false;
        } else {
            if !open {
                runs.push(Vec::new());
                open = true;
            }
            let run = runs.last_mut().expect("a run");
            for_each_gram(&u.text, |g| {
                if wanted.has(g) {
                    run.push(g);
                }
            });
        }
        run_at[i] = if open { runs.len() - 1 } else { runs.len() };
    }
    if runs.len() < 2 {
        return;
    }
    let runs: Vec<Vec<Gram>> = runs.into_iter().map(gram_set).collect();
    let lines = &doc.lines;
    let mut out: Vec<Unit> = Vec::with_capacity(doc.units.len() + 4);
    for (i, u) in std::mem::take(&mut doc.units).into_iter().enumerate() {
        if cuts[i].is_empty() {
            out.push(u);
            continue;
        }
        let lo = run_at[i].saturating_sub(ARTICLE_WINDOW);
        let hi = (run_at[i] + ARTICLE_WINDOW).min(runs.len());
        let bytes: Vec<usize> = cuts[i].iter().map(|c| c.at).collect();
        let mut at = split_points(&u.text, &bytes, &runs[lo..hi]);
        if at.is_empty() {
            out.push(u);
            continue;
        }
        // `at` lists where pieces start: 0 is the text's start, n the text
        // after break n - 1, and one past the last break the end; `bounds`
        // gives each its byte offset, the first line of the piece after it
        // and the end of the lines of the piece before it.
        at.insert(0, 0);
        at.push(bytes.len() + 1);
        let mut bounds = Vec::with_capacity(cuts[i].len() + 2);
        bounds.push(Cut {
            at: 0,
            first: 0,
            last_end: 0,
        });
        bounds.extend_from_slice(&cuts[i]);
        bounds.push(Cut {
            at: u.text.len(),
            first: u.lines.len(),
            last_end: u.lines.len(),
        });
        for w in at.windows(2) {
            let (start, stop) = (bounds[w[0]], bounds[w[1]]);
            let (first, end) = (start.first, stop.last_end);
            let text = u.text[start.at..stop.at].trim().to_string();
            let no = lines[u.lines[first]].no;
            if w[0] > 0 {
                trace.record(STAGE, "heading-split", no, || {
                    format!(
                        "{:?}: a headline of its own (its bigrams are another body's)",
                        clip(&text, 20)
                    )
                });
            }
            out.push(Unit {
                text,
                lines: u.lines[first..end].to_vec(),
                role: Role::Heading,
                article_start: u.article_start && w[0] == 0,
            });
        }
    }
    doc.units = out;
}

/// A place where a heading may split: a byte offset in its text, the
/// first of its lines the piece after it takes, and the end (exclusive) of
/// the lines the piece before it takes (a break inside a line gives that
/// line to both pieces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cut {
    at: usize,
    first: usize,
    last_end: usize,
}

/// The breaks of a heading: where its lines meet, and the spaces between
/// phrases inside each line, in text order (none when its lines cannot be
/// told apart in its text).
fn heading_cuts(u: &Unit, lines: &[crate::doc::Line]) -> Vec<Cut> {
    let joins = line_cuts(u, lines);
    if joins.len() + 1 != u.lines.len() {
        return Vec::new();
    }
    // (offset, where two lines meet); a join never falls on a space.
    let mut breaks: Vec<(usize, bool)> = joins
        .into_iter()
        .map(|j| (j, true))
        .chain(chars::phrase_spaces(&u.text).map(|sp| (sp, false)))
        .collect();
    breaks.sort_unstable();
    let mut line = 0;
    breaks
        .into_iter()
        .map(|(at, join)| {
            line += usize::from(join);
            Cut {
                at,
                first: line,
                last_end: if join { line } else { line + 1 },
            }
        })
        .collect()
}

/// The byte offsets in a unit's text where its lines meet (after the
/// first line, the second…), found by counting the lines' characters
/// other than white space; none when the counts do not add up (the join
/// dropped a hyphen).
fn line_cuts(u: &Unit, lines: &[crate::doc::Line]) -> Vec<usize> {
    let counts: Vec<usize> = u
        .lines
        .iter()
        .map(|&l| lines[l].text.chars().filter(|c| !c.is_whitespace()).count())
        .collect();
    let total: usize = counts.iter().sum();
    if u.text.chars().filter(|c| !c.is_whitespace()).count() != total {
        return Vec::new();
    }
    let mut cuts = Vec::with_capacity(counts.len() - 1);
    let mut want = counts[0];
    let mut seen = 0;
    let mut k = 1;
    for (b, c) in u.text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if seen == want && k < counts.len() {
            cuts.push(b);
            want += counts[k];
            k += 1;
        }
        seen += 1;
    }
    if cuts.len() + 1 == counts.len() {
        cuts
    } else {
        Vec::new()
    }
}

/// The lines at which `text` (a heading of several lines, meeting at the
/// byte offsets `cuts`) splits into headlines of different bodies
/// (`bodies`: gram sets): the best break, then again on either side.
fn split_points(text: &str, cuts: &[usize], bodies: &[Vec<Gram>]) -> Vec<usize> {
    let mut at = Vec::new();
    split_between(text, cuts, 0, cuts.len(), bodies, &mut at);
    at.sort_unstable();
    at
}

/// [`split_points`] among the breaks `cuts[lo..hi]`, whose piece of text
/// runs from the break before `lo` to the break at `hi`.
fn split_between(
    text: &str,
    cuts: &[usize],
    lo: usize,
    hi: usize,
    bodies: &[Vec<Gram>],
    at: &mut Vec<usize>,
) {
    let start = if lo == 0 { 0 } else { cuts[lo - 1] };
    let end = cuts.get(hi).copied().unwrap_or(text.len());
    let shares = |g: &[Gram]| -> Vec<f64> {
        bodies
            .iter()
            .map(|b| {
                g.iter().filter(|x| b.binary_search(x).is_ok()).count() as f64 / g.len() as f64
            })
            .collect()
    };
    let argmax = |v: &[f64]| {
        v.iter()
            .enumerate()
            .fold((0, f64::MIN), |m, (i, &x)| if x > m.1 { (i, x) } else { m })
    };
    let mut found: Option<(usize, f64)> = None;
    for (n, &cut) in cuts.iter().enumerate().take(hi).skip(lo) {
        let (left, right) = (text[start..cut].trim_end(), text[cut..end].trim_start());
        let gl = gram_set(grams(left));
        let gr = gram_set(grams(right));
        if gl.len() < 3 || gr.len() < 3 || latin_only(&gl) || latin_only(&gr) {
            continue;
        }
        // A break inside a word the bodies write is no headline's end, nor
        // one after a word that needs its noun (`第五章军官的` / `奖励和处分`).
        // Nor one before a particle that ends the word before it
        // (`世纪交接点上` / `的思索`).
        // Nor one before a single character that a note in brackets
        // follows: no headline is one character, it ends the line above
        // (`…二○○一年新年贺` / `词（二○○○年十二月三十一日）（附图片1张）`).
        let lone = {
            let mut cs = right.chars();
            cs.next().is_some_and(chars::is_han) && matches!(cs.next(), Some('（' | '('))
        };
        if left.ends_with(crate::stages::rejoin::NEEDS_NOUN)
            || right.starts_with(crate::stages::rejoin::ATTACHES_BEFORE)
            || lone
        {
            continue;
        }
        if let (Some(l), Some(r)) = (left.chars().last(), right.chars().next()) {
            let pair = bigram(l, r);
            if bodies.iter().any(|b| b.binary_search(&pair).is_ok()) {
                continue;
            }
        }
        let (sl, sr) = (shares(&gl), shares(&gr));
        let ((bl, ol), (br, or)) = (argmax(&sl), argmax(&sr));
        // Between two lines, each piece shares much with its body and
        // little with the other's. At a space between phrases on one line
        // (which a headline of parallel phrases has too), each piece
        // shares no less with its own body than with the other's, one
        // strictly less, and one piece half its bigrams.
        let apart = if text.as_bytes()[cut] == b' ' {
            bl != br
                && sl[br] <= ol
                && sr[bl] <= or
                && (sl[br] < ol || sr[bl] < or)
                && ol.max(or) >= SPLIT_OWN
                && ol.min(or) > 0.0
        } else {
            // Pieces that share nothing with each other's bodies need less
            // of their own: a third.
            let disjoint = sl[br] == 0.0 && sr[bl] == 0.0 && ol.min(or) >= SPLIT_OWN_DISJOINT;
            // Nor do pieces that share twice as much with their own body as
            // with the other's, a quarter at least (a short headline that
            // names what its body spells out: `溫總看烤鴨` under `審計長強調
            // 獨立總理也不能干預`, both bodies about a premier).
            let dominant = ol.min(or) >= SPLIT_OTHER && ol >= 2.0 * sl[br] && or >= 2.0 * sr[bl];
            bl != br
                && ((sl[br] <= SPLIT_OTHER && sr[bl] <= SPLIT_OTHER && ol.min(or) >= SPLIT_OWN)
                    || disjoint
                    || dominant)
        };
        // A headline that ends with its photo's note after a line break
        // (`世界天然气` / `发电方兴未` / `艾（图片）`) or beside another on one
        // line is a photo's title of its own where it shares nothing with
        // the body of the headline before it, which shares a quarter with
        // its own.
        let photo = end == text.len()
            && crate::stages::rejoin::photo_note_start(right).is_some_and(|p| p > 0)
            && sr[bl] == 0.0
            && ol >= SPLIT_OTHER;
        let apart = apart || photo;
        if apart && found.is_none_or(|f| ol.min(or) > f.1) {
            found = Some((n, ol.min(or)));
        }
    }
    if let Some((n, _)) = found {
        // The piece after break `n` starts at line `n + 1`.
        at.push(n + 1);
        split_between(text, cuts, lo, n, bodies, at);
        split_between(text, cuts, n + 1, hi, bodies, at);
    }
}

/// A short unit left between one article's attribution and the next
/// article's headline or dateline, which does not finish a sentence, is a
/// headline displaced from its article (`西药是我们的弱项，中药才是我们的
/// 强项。中药走向世界，必须组建“联合舰队”`): no paragraph ends so.
fn is_stray_title(units: &[Unit], i: usize) -> bool {
    let t = units[i].text.as_str();
    if i == 0 || i >= units.len() || t.len() > 240 || t.chars().count() > 60 {
        return false;
    }
    let after_article = units[i - 1].role == Role::Attribution;
    // (The end of the text ends an article too: a headline printed after
    // the last body.)
    let before_article = units
        .get(i + 1)
        .is_none_or(|next| next.role == Role::Heading || is_dateline(&next.text));
    after_article
        && before_article
        && !chars::ends_sentence(t)
        && !ends_with_attribution(t)
        && !matches!(
            t.chars().last().map(chars::class),
            Some(Class::CjkOpen) | None
        )
        && !t.ends_with(chars::is_clause_end)
        // A note in brackets (`（完）`, `（附图片）`) is no headline, nor
        // the editor's credit (`责任编辑：张三`).
        && !in_brackets(t)
        && !crate::bylines::is_editor_credit(t)
        && t.chars().any(|c| chars::class(c) == Class::Han)
}

/// A short unit of Han text without a single punctuation mark: no
/// paragraph reads so, a headline does (`山东打假动了真格谁敢说情就地免职`,
/// `新世纪第一天（附图片4张）`).
fn is_unpunctuated_title(t: &str) -> bool {
    // 40 characters take at most 160 bytes: paragraphs leave at once.
    if t.len() > 160 {
        return false;
    }
    // A headline may end with the note that a photo goes with it.
    let t = crate::stages::rejoin::photo_note_start(t).map_or(t, |i| &t[..i]);
    let n = t.chars().count();
    (6..=40).contains(&n) && t.chars().all(|c| chars::class(c) == Class::Han)
}

/// A short unit that ends with the note that a photo goes with it and has
/// no mark between clauses or sentences before it: a headline, dashes and
/// brackets in it or not (`共同创造美好的新世纪——二○○一年新年贺词
/// （二○○○年十二月三十一日）（附图片1张）`). A caption or a paragraph that
/// ends with such a note says something: it has clauses.
fn is_photo_title(t: &str) -> bool {
    let Some(at) = crate::stages::rejoin::photo_note_start(t) else {
        return false;
    };
    let head = &t[..at];
    (1..=40).contains(&head.chars().count())
        && head.chars().any(chars::is_han)
        && !head
            .chars()
            .any(|c| chars::is_clause_end(c) || chars::is_sentence_end(c))
}

/// A paragraph that ends with a photo credit: `… 湖南日报全媒体记者 童迪 摄`.
fn is_credit_caption(t: &str) -> bool {
    let t = t.trim_end();
    if !t.ends_with(['摄', '攝']) || t.starts_with(['（', '(']) {
        return false;
    }
    // The credit's role word in the last 24 characters, text before them.
    let mut back = t.char_indices().rev().map(|(i, _)| i);
    let Some(tail) = back.nth(23).map(|i| &t[i..]) else {
        return false;
    };
    back.next().is_some() && bylines::credit_roles().iter().any(|w| tail.contains(w))
}

/// A bigram or word, packed in a u64: two chars for a Han bigram, a hash
/// with the top bit set for a lower-cased Latin word.
pub(crate) type Gram = u64;

/// The gram of two neighbouring characters (Han or digits).
fn bigram(l: char, r: char) -> Gram {
    (u64::from(u32::from(l)) << 32) | u64::from(u32::from(r))
}

/// Is `g` a bigram of two ideographs (no digit, no Latin word)?
fn han_bigram(g: Gram) -> bool {
    g >> 63 == 0 && han_half(g >> 32) && han_half(g & 0xFFFF_FFFF)
}

/// Is one half of a bigram an ideograph?
fn han_half(x: u64) -> bool {
    u32::try_from(x)
        .ok()
        .and_then(char::from_u32)
        .is_some_and(|c| chars::class(c) == Class::Han)
}

/// FNV-1a over the lower-cased word: stable, and quick for short words.
fn word_gram(word: &str) -> Gram {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h | (1 << 63)
}

/// Character bigrams of Han text (and digits) and the lower-cased words of
/// Latin text (three letters or more).
pub(crate) fn grams(text: &str) -> Vec<Gram> {
    let mut out = Vec::new();
    for_each_gram(text, |g| out.push(g));
    out
}

/// Call `f` with each gram of `text` (see [`grams`]), in order.
pub(crate) fn for_each_gram(text: &str, mut f: impl FnMut(Gram)) {
    let mut prev: Option<char> = None;
    let mut word = String::new();
    for c in text.chars() {
        let cl = chars::class(c);
        if cl == Class::Han || cl == Class::Digit {
            if let Some(p) = prev {
                f(bigram(p, c));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
        if cl == Class::Letter || (cl == Class::Digit && !word.is_empty()) {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            if word.chars().count() >= 3 {
                f(word_gram(&word));
            }
            word.clear();
        }
    }
    if word.chars().count() >= 3 {
        f(word_gram(&word));
    }
}

/// The share of the grams `g` (a gram set) that occur in `texts`.
fn share_found<'a>(g: &[Gram], texts: impl Iterator<Item = &'a str>) -> f64 {
    if g.is_empty() {
        return 0.0;
    }
    let mut seen = vec![false; g.len()];
    for t in texts {
        for_each_gram(t, |x| {
            if let Ok(i) = g.binary_search(&x) {
                seen[i] = true;
            }
        });
    }
    seen.iter().filter(|&&s| s).count() as f64 / g.len() as f64
}

/// The grams looked for in the bodies: a sorted set behind a bit per hash
/// bucket, which turns away at once most grams of a body (they are in
/// no heading).
struct Wanted {
    set: Vec<Gram>,
    bits: Vec<u64>,
}

impl Wanted {
    const BUCKETS: u32 = 16;

    fn bucket(g: Gram) -> usize {
        (g.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BUCKETS)) as usize
    }

    fn new(grams: Vec<Gram>) -> Self {
        let set = gram_set(grams);
        let mut bits = vec![0u64; (1 << Self::BUCKETS) / 64];
        for &g in &set {
            let b = Self::bucket(g);
            bits[b / 64] |= 1 << (b % 64);
        }
        Wanted { set, bits }
    }

    fn has(&self, g: Gram) -> bool {
        let b = Self::bucket(g);
        self.bits[b / 64] & (1 << (b % 64)) != 0 && self.set.binary_search(&g).is_ok()
    }
}

/// Grams of Latin words only (no Han bigram), and some.
fn latin_only(g: &[Gram]) -> bool {
    // (Numbers go with Latin words: `Version 3, 29 June 2007`; a bigram
    // that is no word's is of digits then.)
    g.iter().any(|x| x >> 63 == 1)
        && g.iter()
            .all(|&x| x >> 63 == 1 || !(han_half(x >> 32) || han_half(x & 0xFFFF_FFFF)))
}

/// Sorted, without duplicates: looked up by binary search.
pub(crate) fn gram_set(mut g: Vec<Gram>) -> Vec<Gram> {
    g.sort_unstable();
    g.dedup();
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn articles(s: &str) -> Vec<Vec<(Role, String)>> {
        let out = crate::clean(s, &Config::default());
        let doc = out.doc;
        let mut arts: Vec<Vec<(Role, String)>> = Vec::new();
        for u in doc.units {
            if u.article_start || arts.is_empty() {
                arts.push(Vec::new());
            }
            arts.last_mut().unwrap().push((u.role, u.text));
        }
        arts
    }

    #[test]
    fn a_documents_signature_and_date_close_it_where_they_stand() {
        // A notice: its issuer and date under the body, set right, are no
        // headline printed below its article (the issuer's words are in
        // the body: `市政府`), nor an article of their own.
        let s = "关于做好节日供水工作的通知\n\n各区县人民政府，市政府各部门：\n    为保障节日期间全市供水安全，切实满足人民群众用水需求，现\n将有关事项通知如下：\n    各供水企业要加强设施巡查，及时处置管网故障。\n    各区县要做好应急准备，发现问题及时报告。\n\n                                        市人民政府办公室\n                                        2023年9月20日\n";
        let out = crate::clean(s, &Config::default()).text;
        assert!(
            out.ends_with("发现问题及时报告。\n市人民政府办公室\n2023年9月20日\n"),
            "{out}"
        );
        assert!(
            out.starts_with("关于做好节日供水工作的通知\n各区县"),
            "{out}"
        );
    }

    #[test]
    fn an_attribution_after_a_blank_line_closes_the_article_above() {
        let s = "公园建设\n今年春天，全市新建公园十二座。\n有关部门表示，明年还将继续建设新公园。\n\n（张三 李四）\n\n第二篇\n另一篇文章的内容写在这里。\n";
        let out = crate::clean(s, &Config::default()).text;
        assert!(out.contains("新公园。\n（张三 李四）\n\n第二篇"), "{out}");
        // A note of times in brackets is none (a headline's second line).
        let s = s.replace("（张三 李四）", "（1月2日—1月3日）");
        let out = crate::clean(&s, &Config::default()).text;
        assert!(out.contains("新公园。\n\n（1月2日"), "{out}");
    }

    #[test]
    fn the_editors_credit_stays_under_its_article() {
        // Not a headline printed below its article (it was moved over the
        // article), nor an article of its own.
        let s = "今年以来，我市坚持稳中求进工作总基调，经济运行持续向好，主要\n指标好于预期，为全年目标任务完成奠定了坚实基础。下一步，我们\n将继续努力。\n（作者系市委政策研究室主任）\n\n责任编辑：张三\n";
        let out = crate::clean(s, &Config::default()).text;
        assert!(out.starts_with("今年以来"), "{out}");
        assert!(
            out.ends_with("我们将继续努力。\n（作者系市委政策研究室主任）\n责任编辑：张三\n"),
            "{out}"
        );
    }

    #[test]
    fn second_title_below_splits_the_articles_it_glued() {
        // `戰時華工東京抗議` heads the first article; `審計長強調獨立…`,
        // printed below the body, is the title of its last paragraph.
        let s = "戰時華工東京抗議\n四十一名花岡事件倖存的中國勞工和死難者家屬昨日在東京\n舉行集會，要求日本政府道歉和賠償。\n據統計，在花岡的勞工有九百多人，其中四百多人死亡，但\n日本政府至今仍拒絕道歉和賠償。\n掀起全國審計風暴的國家審計署審計長昨日強調，審計工作\n必須保持獨立，總理也不能干預審計署的工作。\n審計長強調獨立總理也不能干預\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "戰時華工東京抗議".to_string()));
        assert_eq!(
            a[1][0],
            (Role::Title, "審計長強調獨立總理也不能干預".to_string())
        );
        assert!(a[1][1].1.starts_with("掀起全國審計風暴"), "{a:?}");
    }

    #[test]
    fn a_bare_dateline_follows_its_headline_away_from_foreign_text() {
        // Units as the extractor printed them: a headline and article A's
        // body, B's body, then a cluster of heads: B's headline, B's
        // dateline (its names in brackets, a line of its own) and text of
        // another article. B's headline went to B's body; its dateline
        // goes along, the foreign text stays.
        let unit = |role: Role, text: &str| Unit {
            text: text.to_string(),
            lines: Vec::new(),
            role,
            article_start: false,
        };
        let units = [
            unit(Role::Heading, "春耕生产全面展开"),
            unit(
                Role::Body,
                "连日来，各地抓住有利天气，田间地头一派繁忙景象。",
            ),
            unit(
                Role::Body,
                "甘肃回族自治州人民政府近日发出通知，精简会议和文件。",
            ),
            unit(Role::Heading, "甘肃精简会议和文件"),
            unit(Role::Dateline, "本报兰州1月1日电（记者 王明 通讯员 李强）"),
            unit(
                Role::Body,
                "据中央气象台提供的信息，北方大部地区将有一次降温过程。",
            ),
        ];
        let run = |mut arts: Vec<Article>| {
            let mut t = Trace::new(false);
            follow_headlines_with_datelines(&mut arts, &units, &mut t, &|_| 0);
            arts.into_iter().map(|a| a.body).collect::<Vec<_>>()
        };
        let arts = vec![
            Article {
                heads: vec![0],
                body: vec![1],
            },
            Article {
                heads: vec![3],
                body: vec![2],
            },
            Article {
                heads: Vec::new(),
                body: vec![4, 5],
            },
        ];
        assert_eq!(run(arts), [vec![1], vec![4, 2], vec![5]]);
        // Where that headline went under another as a subtitle (a section
        // head), the dateline stays with the text under it.
        let arts = vec![
            Article {
                heads: vec![0, 3],
                body: vec![1, 2],
            },
            Article {
                heads: Vec::new(),
                body: vec![4, 5],
            },
        ];
        assert_eq!(run(arts), [vec![1, 2], vec![4, 5]]);
    }

    #[test]
    fn a_title_with_a_photo_note_heads_the_dated_article_under_it() {
        // A title over the columns, wider than the column and broken
        // before its last character, with the date in brackets and the
        // photo note: one headline, heading the article its dateline opens.
        let s = "迎接充满希望的新世纪——二○○一年新春致\n\n辞\n\n（二○○一年一月二十日）（附图片1张）\n\n本报长沙1月20日讯（记者 王明）\n\n同志们，朋友们：\n\n新春佳节即将来临，我们怀着喜悦的心情，\n\n向全省各族人民致以节日的问候。过去的一年\n\n，全省经济持续增长，人民生活不断改善。\n\n（新华）\n\n长沙春运客流创新高\n\n本报长沙1月20日讯 今年春运长沙\n\n火车站客流创新高，日均发送旅客十万人次。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0].0, Role::Title, "{a:?}");
        assert!(
            a[0][0]
                .1
                .ends_with("致辞（二○○一年一月二十日）（附图片1张）"),
            "{a:?}"
        );
        // However the bodies' bigrams fall, no headline splits off one
        // character and its notes.
        let left = "迎接充满希望的新世纪——二○○一年新春致";
        let right = "辞（二○○一年一月二十日）（附图片1张）";
        let text = format!("{left}{right}");
        let bodies = vec![gram_set(grams(left)), gram_set(grams(right))];
        assert_eq!(
            split_points(&text, &[left.len()], &bodies),
            Vec::<usize>::new()
        );
        let right = "新春致辞二○○一年一月二十日";
        let text = format!("{left}{right}");
        let bodies = vec![gram_set(grams(left)), gram_set(grams(right))];
        assert_eq!(split_points(&text, &[left.len()], &bodies), [1]);
        assert!(is_photo_title("北京新年音乐会（附图片2张）"));
        assert!(!is_photo_title(
            "记者来到王府井，看到人群熙熙攘攘。（附图片）"
        ));
    }

    #[test]
    fn a_relayed_report_without_headline_goes_on_the_article() {
        // One headline over two agency reports: the second report's
        // dateline opens no article. An article of its own under its own
        // headline does start.
        let s = "两国外长会晤商讨合作\n据新华社甲城3月5日电（记者 王明）两国外长今天在甲城举行会谈，双方\n就加强经贸合作和人文交流等问题深入交换了意见，达成多项共识。\n据新华社乙城3月5日电（记者 李强）乙国总理今天会见来访的外长时表示，\n愿同对方一道推动两国关系不断向前发展，造福两国人民。\n春耕生产全面展开\n本报讯（记者 张华）连日来，各地抓住有利天气，组织农民抢\n抓农时，春耕生产全面展开，田间地头一派繁忙景象。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert!(
            a[0].iter().any(|(_, t)| t.starts_with("据新华社乙城")),
            "{a:?}"
        );
        assert_eq!(a[1][0], (Role::Title, "春耕生产全面展开".to_string()));
    }

    #[test]
    fn bracketed_note_under_a_heading_stays_with_it() {
        // A date note under a headline, then the article's dateline: the
        // note is the headline's, not an article of its own, and the
        // headline stays on top.
        let s = "在新春团拜会上的致辞\n（二○○一年一月十日）\n本报广州1月10日讯（记者 林海）\n今天上午，市各界人士欢聚一堂，共迎新春佳\n节，会场洋溢着喜庆祥和的节日气氛，大家互致\n问候，祝愿新的一年事业兴旺、家庭幸福。\n过去的一年里，全市经济保持平稳较快增长，城\n乡居民收入稳步提高，各项社会事业全面发展。\n";
        let a = articles(s);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "在新春团拜会上的致辞".to_string()));
        assert_eq!(a[0][1].1, "（二○○一年一月十日）", "{a:?}");
        let text = crate::clean(s, &Config::default()).text;
        assert!(
            text.starts_with("在新春团拜会上的致辞\n（二○○一年一月十日）\n本报广州"),
            "{text}"
        );
        // A sentence in brackets is not a heading's note.
        let doc = crate::clean("新春团拜会致辞\n（他说这是好事。）\n", &Config::default()).doc;
        assert_eq!(doc.units.len(), 2, "{:?}", doc.units);
        assert!(!is_heading_note(&doc.units, 1));
    }

    #[test]
    fn short_headline_glued_under_another_splits_by_dominant_share() {
        // `市长视察新码头`, printed below its body, and `港口添新船` over
        // the next: the first shares a little with the second's body
        // (`市长`), the short second only a quarter of its bigrams with its
        // own, but each shares twice as much with its own body: two
        // headlines.
        let s = "本市新建的集装箱码头昨日完工，市长率\n有关部门负责人视察新码头，察看了装卸\n设备和堆场，要求确保码头安全运营。\n市长视察新\n码头\n港口添新船\n本报宁波3月2日讯（记者 张明）\n一艘万吨级货轮昨日在港口下水，船长介\n绍，这艘货船由本地船厂建造，市长为它\n剪彩。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "市长视察新码头".to_string()));
        assert_eq!(a[1][0], (Role::Title, "港口添新船".to_string()));
    }

    #[test]
    fn photo_title_glued_under_a_headline_splits_off() {
        // A photo's title in a narrow box (`湖面白鹭` / `翩翩起舞（图片）`),
        // printed under the headline of the article above it: its own
        // unit, sharing nothing with that article's body.
        let s = "今冬鄱阳湖畔飞来的候鸟比往年多了三成，湖区\n的村民自发组成护鸟队，日夜巡护候鸟栖息地。\n（林晓）\n鄱阳湖候鸟比往年多三成\n湖面白鹭\n翩翩起舞（图片）\n新书送到山村学堂\n一批新书日前运抵山区，十几所山村学堂的图书\n室添了上千册新书，孩子们读得入神。\n";
        let a = articles(s);
        let titles: Vec<&str> = a
            .iter()
            .flatten()
            .filter(|(r, _)| *r == Role::Title)
            .map(|(_, t)| t.as_str())
            .collect();
        assert!(titles.contains(&"湖面白鹭翩翩起舞（图片）"), "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "鄱阳湖候鸟比往年多三成".to_string()));
        // Printed beside the headline on one line, it splits off too.
        let side = s.replace("三成\n湖面白鹭\n", "三成 湖面白鹭");
        let a = articles(&side);
        assert_eq!(a[0][0], (Role::Title, "鄱阳湖候鸟比往年多三成".to_string()));
        // A note alone on its line stays with its headline.
        let s = s.replace("湖面白鹭\n翩翩起舞（图片）\n", "（附图片1张）\n");
        let a = articles(&s);
        assert_eq!(
            a[0][0],
            (
                Role::Title,
                "鄱阳湖候鸟比往年多三成（附图片1张）".to_string()
            ),
            "{a:?}"
        );
    }

    #[test]
    fn headline_between_a_headless_article_and_a_titled_one_goes_up() {
        // `市财政支持企业创新` follows the first article's attribution and
        // shares little with either body; the second article's own title
        // is printed below it and matches it well: the first is the
        // headless article's.
        let s = "本报杭州1月2日讯（记者 王明）\n市政府与五家银行昨日签署协议，今后三年\n将向科技企业提供低息贷款，帮助企业渡过\n难关。\n（李华 张强）\n市财政支持企业创新\n本报宁波1月2日电记者赵亮报道：宁波港集\n装箱吞吐量去年突破两千万标箱，宁波港跻\n身世界大港前列。\n宁波港集装箱吞吐量突破两千万标箱\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "市财政支持企业创新".to_string()));
        assert_eq!(
            a[1][0],
            (Role::Title, "宁波港集装箱吞吐量突破两千万标箱".to_string())
        );
    }

    #[test]
    fn photo_title_below_splits_after_a_credit_caption() {
        // The first article (a dateline of a paper that reported it) ends
        // with a photo credit, not a full stop; the
        // second's title, printed below its body with its photo note, is
        // found in that body (its note's words in none): two articles.
        let s = "湖区护鸟队\n据江西日报报道，今冬鄱阳湖畔飞来的候鸟比往年多\n了三成，湖区的村民自发组成护鸟队，日夜巡护。 本报记者\n林晓 摄\n今天是春节长假的第一天，各地群众以各种方式欢度\n春节长假，城乡处处洋溢着节日的喜庆气氛。\n1、庙会上游人如织，孩子们看舞狮表演。\n春节长假第一天（附图片2张）\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "湖区护鸟队".to_string()));
        assert_eq!(
            a[1][0],
            (Role::Title, "春节长假第一天（附图片2张）".to_string())
        );
        assert!(a[1][1].1.starts_with("今天是春节长假"), "{a:?}");
    }

    /// A unit of one line, for the placement tests.
    fn unit(text: &str, line: usize, role: Role) -> Unit {
        Unit {
            text: text.to_string(),
            lines: vec![line],
            role,
            article_start: false,
        }
    }

    /// A heading `h` placed by overlap on `target`, between articles 0 and
    /// 1, with its (article, overlap, score) per candidate.
    fn place(h: usize, target: usize, scores: Vec<(usize, f64, f64)>) -> Place {
        Place {
            h,
            target,
            next: Some(1),
            prev: Some(0),
            why: None,
            scores,
        }
    }

    #[test]
    fn headings_printed_one_under_the_other_do_not_cross() {
        // The lower heading matches the article above clearly, the upper
        // one matches the one below a little better than the one above:
        // both are the article above's (printed after its body). Where the
        // lower one's match is weak, nothing moves.
        let units = vec![
            unit("茶葉冒充名茶", 0, Role::Body),
            unit("貴州茶葉冒充龍井", 1, Role::Heading),
            unit("大批流向全國", 2, Role::Heading),
            unit("茶商收購運往江浙", 3, Role::Body),
        ];
        let places = |lower: f64| {
            vec![
                place(1, 1, vec![(0, 0.2, 0.3), (1, 0.3, 0.55)]),
                place(2, 0, vec![(0, lower, lower + 0.1), (1, 0.0, 0.25)]),
            ]
        };
        let mut p = places(0.5);
        uncross(&mut p, &units);
        assert_eq!((p[0].target, p[1].target), (0, 0));
        let mut p = places(0.3);
        uncross(&mut p, &units);
        assert_eq!((p[0].target, p[1].target), (1, 0));
    }

    #[test]
    fn upper_of_two_headings_goes_to_the_first_article_above() {
        // The text's first article has no headline (an editorial, no
        // dateline); two headings follow its body, the upper one sharing as
        // much with it as with the next article, which the lower one
        // matches better: the upper one is the first article's. Not so
        // for an article further down that no dateline opens.
        let units = vec![
            unit("新春到来了！", 0, Role::Body),
            unit("迈向美好的新春——新年献辞", 1, Role::Heading),
            unit("江城：花灯璀璨闹元宵", 2, Role::Heading),
            unit(
                "本报武汉2月5日电记者李明报道：新春前夜。",
                3,
                Role::Dateline,
            ),
        ];
        let places = || {
            vec![
                place(1, 1, vec![(0, 0.2, 0.3), (1, 0.2, 0.45)]),
                place(2, 1, vec![(0, 0.0, 0.1), (1, 0.6, 0.85)]),
            ]
        };
        let articles = || {
            vec![
                Article {
                    heads: vec![],
                    body: vec![0],
                },
                Article {
                    heads: vec![],
                    body: vec![3],
                },
            ]
        };
        let mut p = places();
        upper_head_before(&mut p, &articles(), &units);
        assert_eq!((p[0].target, p[1].target), (0, 1));
        // The lower one matching the next article no better than the upper
        // one does: the upper one still goes up where it matches the first
        // article better; where it matches both alike, nothing says so.
        let tied = |first: f64| {
            vec![
                place(1, 1, vec![(0, first, 0.3), (1, 0.17, 0.45)]),
                place(2, 1, vec![(0, 0.0, 0.1), (1, 0.17, 0.85)]),
            ]
        };
        let mut p = tied(0.25);
        upper_head_before(&mut p, &articles(), &units);
        assert_eq!((p[0].target, p[1].target), (0, 1));
        let mut p = tied(0.17);
        upper_head_before(&mut p, &articles(), &units);
        assert_eq!((p[0].target, p[1].target), (1, 1));
        // The same two articles further down the page: the body before
        // may go on from an earlier article; the headings stay.
        let mut p = places();
        for q in &mut p {
            q.next = Some(2);
            q.prev = Some(1);
            q.target = 2;
            for s in &mut q.scores {
                s.0 += 1;
            }
        }
        let mut arts = articles();
        arts.insert(
            0,
            Article {
                heads: vec![],
                body: vec![],
            },
        );
        upper_head_before(&mut p, &arts, &units);
        assert_eq!((p[0].target, p[1].target), (2, 2));
    }

    #[test]
    fn two_headlines_printed_as_one_block_split() {
        // Two displaced headlines, each broken over two lines, printed one
        // under the other between two articles: each goes to its own.
        let s = "本报北京1月1日讯全国统计系统今天召开表彰\n大会，表彰先进集体和先进个人，统计系统\n的干部职工受到鼓舞。\n（新华社记者蒋林摄）\n全国统\n计系统表彰先进\n暴力抗法法不容国家工商\n局通报暴力抗法典型案例\n本报讯国家工商局今天通报了几起暴力抗法\n的典型案例，要求依法严惩暴力抗法行为，\n保护工商执法人员。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "全国统计系统表彰先进".to_string()));
        assert_eq!(
            a[1][0],
            (
                Role::Title,
                "暴力抗法法不容国家工商局通报暴力抗法典型案例".to_string()
            )
        );
        // A title over its subtitle shares one body: one heading block.
        let s = s.replace("全国统\n计系统表彰先进\n", "");
        let a = articles(&s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert!(a[1][0].1.starts_with("暴力抗法法不容"), "{a:?}");
    }

    #[test]
    fn headlines_printed_side_by_side_split_at_their_space() {
        // The headlines of two articles set side by side, printed as one
        // line between the articles (as wide as the column): each goes to
        // the article whose bigrams it shares.
        let s = "今冬鄱阳湖畔飞来的候鸟比往年\n多了三成，湖区的村民自发组成\n护鸟队，日夜巡护候鸟栖息的湖\n滩和草洲，让远方的客人安心过\n冬，迎接新春。\n（林晓 周平）\n湖畔候鸟迎新春 山村学堂添新书\n一批新书日前运抵山区，十几所\n山村学堂的图书室添了上千册新\n书，孩子们在课间捧着新书读得\n入神，山村学堂的老师说，这是\n孩子们最好的新年礼物。\n（陈明 刘芳）\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "湖畔候鸟迎新春".to_string()));
        assert!(a[0][1].1.starts_with("今冬鄱阳湖畔"), "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "山村学堂添新书".to_string()));
        assert!(a[1][1].1.starts_with("一批新书"), "{a:?}");
        // A left piece that shares as much with either body goes to the
        // earlier one: its sibling heads the later.
        let s2 = s.replace("湖畔候鸟迎新春", "候鸟伴新书");
        let a = articles(&s2);
        assert_eq!(a[0][0], (Role::Title, "候鸟伴新书".to_string()), "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "山村学堂添新书".to_string()));
        // A headline of two parallel phrases about one article stays whole.
        let s3 = "今冬鄱阳湖畔飞来的候鸟比往年多了三成，湖\n区的村民自发组成护鸟队，日夜巡护候鸟栖息\n的湖滩和草洲，让远方的客人安心过冬。\n（林晓 周平）\n聆听湖畔鸟鸣 守护候鸟家园\n护鸟队的队员们每天清晨出发，沿着湖岸巡查\n候鸟栖息的草洲，记录鸟群的数量，守护候鸟\n的家园，他们说，聆听湖畔鸟鸣是最大的快乐\n和回报。\n（陈明 刘芳）\n";
        let a = articles(s3);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[1][0],
            (Role::Title, "聆听湖畔鸟鸣 守护候鸟家园".to_string())
        );
    }

    #[test]
    fn a_subtitle_under_its_title_stays_without_clear_evidence() {
        // `山村孩子加入护鸟队伍`, printed right under its title, shares
        // more bigrams with the third article than with the first, but
        // a third of them with the first too: no clear evidence that it
        // heads another article. It stays under its title.
        let s = "湖区护鸟队迎来新队员\n\n山村孩子加入护鸟队伍\n\n本报南昌1月3日讯湖区护鸟队\n\n日前迎来一批新队员，他们加入\n\n护鸟队后，每天清晨随老队员巡\n\n护湖滩。\n\n（林晓）\n\n冬季蔬菜供应充足\n\n本报南昌1月3日讯全市冬季蔬\n\n菜供应充足，价格平稳，市民的\n\n菜篮子装得满满的。\n\n（周平）\n\n山村学堂新年见闻\n\n本报赣州1月3日讯山村学堂放\n\n假前，山村孩子加入了护鸟的队\n\n伍，说要去湖区看看过冬的候鸟\n\n。\n\n（陈明）\n";
        let a = articles(s);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "湖区护鸟队迎来新队员".to_string()));
        assert_eq!(
            a[0][1],
            (Role::Subtitle, "山村孩子加入护鸟队伍".to_string())
        );
        assert_eq!(a[2][0], (Role::Title, "山村学堂新年见闻".to_string()));
        assert!(a[2][1].1.starts_with("本报赣州"), "{a:?}");
    }

    #[test]
    fn upper_of_two_heads_goes_to_the_headless_dated_article_before() {
        // `湖区篝火彻夜通明` / `电子贺卡成时尚` stand over the third
        // article's body, which only the lower one matches; the article
        // right before, opened by a dateline, has no headline: the upper
        // one is its, printed after its body.
        let s = "本报南昌1月3日讯今冬鄱阳湖\n\n畔飞来的候鸟比往年多了三成，\n\n湖区的村民自发组成护鸟队，日\n\n夜巡护湖滩。\n\n（林晓）\n\n本报赣州1月3日讯山区的夜晚\n\n格外热闹，村里的广场上燃起篝\n\n火，村民们围着篝火载歌载舞，\n\n一直跳到天明。\n\n湖区篝火彻夜通明\n\n电子贺卡成时尚\n\n本报北京1月3日讯今年的新年\n\n，电子贺卡成了年轻人的时尚，\n\n一张贺卡发到亲友的信箱，省时\n\n又省钱。\n\n（陈明）\n";
        let a = articles(s);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "湖区篝火彻夜通明".to_string()));
        assert!(a[1][1].1.starts_with("本报赣州"), "{a:?}");
        assert_eq!(a[2][0], (Role::Title, "电子贺卡成时尚".to_string()));
        assert_eq!(a[2].len(), 3, "{a:?}");
    }

    #[test]
    fn a_heading_over_a_caption_without_evidence_elsewhere_is_its_title() {
        // `今年最大规模` shares as many bigrams with either article before
        // (`今年`, `规模`): no evidence for either. Right over a caption
        // without a headline, it is the caption's title.
        let s = "本报南昌1月3日讯今年全省的\n\n造林规模再创新高，各地植树一\n\n千多万株。\n\n（林晓）\n\n本报赣州1月3日讯今年山区的\n\n茶园规模扩大了一倍，茶农的收\n\n入也随之增加。\n\n（陈明）\n\n今年最大规模\n\n演练始于前年，到目前为止已进\n\n行了三次，参加的队员越来越多\n\n。 本报记者 李明 摄\n";
        let a = articles(s);
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[1].len(), 2, "{a:?}");
        assert_eq!(a[2][0], (Role::Title, "今年最大规模".to_string()));
        assert_eq!(a[2][1].0, Role::Caption, "{a:?}");
    }

    #[test]
    fn headlines_sharing_nothing_with_each_others_bodies_split_on_less() {
        // `湖区护鸟队迎新年` finds under half its bigrams in its body, but
        // neither headline shares any with the other's body: two heads.
        let s = "本报南昌1月3日讯湖区的村民自发组成护\n鸟队，日夜巡护湖滩和草洲，让远方的\n客人安心过冬。\n（林晓）\n湖区护鸟队迎新年\n山村学堂书声琅琅\n本报赣州1月3日讯清晨，山村学堂里\n传出琅琅的读书声，孩子们捧着课本\n读得入神。\n（陈明）\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "湖区护鸟队迎新年".to_string()));
        assert_eq!(a[1][0], (Role::Title, "山村学堂书声琅琅".to_string()));
    }

    #[test]
    fn headline_cluster_never_splits_before_a_particle() {
        // `世纪交接点上` / `的思索` / `每逢佳节倍思廉`: the first piece's
        // bigrams favour a cut after `上`, but no headline starts with `的`.
        let s = "本报北京1月1日讯站在新世纪交接点上，人们回望过去，\n也展望未来，心情十分激动和兴奋。\n（新华社记者蒋林摄）\n世纪交接点上\n的思索\n每逢佳节倍思廉\n本报上海1月2日讯每逢佳节倍思廉，这是干部们\n的思索，全市各级纪委提醒干部过一个廉洁的节日。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "世纪交接点上的思索".to_string()));
        assert_eq!(a[1][0], (Role::Title, "每逢佳节倍思廉".to_string()));
    }

    #[test]
    fn stray_title_at_the_end_of_the_text_goes_to_its_article() {
        // Printed after the last article's attribution, with nothing after
        // it, a unit that finishes no sentence is that article's headline.
        let s = "春耕时节到，农民们忙着整地播种，田间地\n头一派繁忙景象，农技人员深入田间，指导\n农民科学种田，确保今年粮食丰收。\n（王明）\n春耕时节农技人员深入田间，指导农民科学种田\n";
        let a = articles(s);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0][0],
            (
                Role::Title,
                "春耕时节农技人员深入田间，指导农民科学种田".to_string()
            )
        );
        assert!(a[0][1].1.starts_with("春耕时节到"), "{a:?}");
        // Cleaning the output again reads it as paragraphed (its one long
        // line ends a sentence): the headline stays a line of its own.
        let text = crate::clean(s, &Config::default()).text;
        assert!(
            text.starts_with("春耕时节农技人员深入田间，指导农民科学种田\n春耕时节到"),
            "{text}"
        );
    }

    #[test]
    fn stray_title_between_articles_goes_to_its_article() {
        // Left between one article's attribution and the next headline,
        // a unit that finishes no sentence is a displaced headline.
        let s = "本报北京1月1日讯全市今天召开中药产业\n发展大会，会议认为中药走向世界是必由\n之路，要组建联合舰队，发挥中药的强项\n，补上西药的弱项，提高企业竞争能力。\n（王明）\n西药是我们的弱项，中药才是我们的强项。\n中药走向世界，必须组建“联合舰队”\n\n新西兰曙光圣火新世纪\n\n据新华社新西兰1月1日电今晨五时世界大学\n生运动会圣火在新西兰梅西大学采集，迎接\n新世纪的第一缕曙光。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[0][0],
            (
                Role::Title,
                "西药是我们的弱项，中药才是我们的强项。中药走向世界，必须组建“联合舰队”"
                    .to_string()
            )
        );
        assert_eq!(a[1][0], (Role::Title, "新西兰曙光圣火新世纪".to_string()));
        // A paragraph closed by its own attribution there is no headline.
        let closed = s.replace("“联合舰队”\n", "“联合舰队”。（李华）\n");
        let a = articles(&closed);
        assert!(
            a.iter()
                .flatten()
                .any(|(r, t)| *r != Role::Title && t.starts_with("西药是我们的弱项")),
            "{a:?}"
        );
        // A note in brackets there is no headline.
        let s = s.replace(
            "西药是我们的弱项，中药才是我们的强项。\n中药走向世界，必须组建“联合舰队”\n",
            "（完）\n",
        );
        let a = articles(&s);
        assert!(
            a.iter()
                .flatten()
                .all(|(r, t)| t != "（完）" || *r != Role::Title),
            "{a:?}"
        );
    }

    #[test]
    fn two_headlines_below_glued_bodies_split_them() {
        // Two bodies without a boundary between them, both headlines
        // printed after them as separate blocks: the second body starts
        // where the second headline's words first turn up.
        let s = "本报杭州3月2日电西湖景区今年新建步道十二公里，\n游客可沿湖步行环游。\n沿线种植樱花桃花，春季盛开。\n\n山区学校开通远程课堂，孩子们通过网络\n和城里学生一起上课，远程课堂覆盖全县。\n县里还为山区学校配备了电脑和投影设备。\n\n西湖新建\n环湖步道\n\n山区学校\n开通远程课堂\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "西湖新建环湖步道".to_string()));
        assert!(a[0][1].1.starts_with("本报杭州"), "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "山区学校开通远程课堂".to_string()));
        assert!(a[1][1].1.starts_with("山区学校开通"), "{a:?}");
        // A lower headline whose words are in the lead too is a subtitle.
        let sub = s.replace("山区学校\n开通远程课堂\n", "新建步道\n沿湖环游\n");
        assert_eq!(articles(&sub).len(), 1);
        // An upper headline that is not about the part before the cut
        // cannot be that part's title: no cut.
        let s = s.replace("西湖新建\n环湖步道\n", "山区学校\n配备电脑\n");
        let a = articles(&s);
        assert_eq!(a.len(), 1, "{a:?}");
    }

    #[test]
    fn dateline_under_a_displaced_headline_goes_with_it() {
        // A cluster of heads between articles: the headline goes to the
        // article it names, and the dateline under it, without a body of
        // its own, opens that article's body.
        let s = "宁夏回族自治区人民政府近日发出通知，对会议和文件\n做出严格管理，要求精简会议和文件，提高工作效率。\n（王明）\n宁夏精简会议和文件\n本报银川1月1日电（记者 郑有义）\n明天气象预报\n据中央气象台消息，明天北方地区以晴为主，南方地\n区多云间阴，气温略有回升，请注意防寒保暖。\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "宁夏精简会议和文件".to_string()));
        assert_eq!(a[0][1].0, Role::Dateline, "{a:?}");
        assert!(a[0][2].1.starts_with("宁夏回族自治区"), "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "明天气象预报".to_string()));
    }

    #[test]
    fn bylines_stay_as_printed_where_the_extractor_kept_spaces() {
        // The first byline shows the print's spaces: the credit keeps the
        // lack of a space before it, and gets the one its join lost; a
        // byline inside a paragraph stays solid.
        let page = "本报北京1月1日讯（记者 秦飞）\n\
                    今天天气很好，大家都出门了，街上人来人往，十分热闹。\n\
                    \n\
                    据新华社银川电（记者武勇）2000年12月31日，宁夏环保部门联合\n\
                    组成的小组为造纸厂贴上了封条。\n\
                    \n\
                    市民在公园里散步。本报记者 陶\n\
                    冬晨 摄\n";
        let texts = |page: &str| -> Vec<String> {
            articles(page)
                .into_iter()
                .flatten()
                .map(|(_, t)| t)
                .collect()
        };
        let got = texts(page);
        let has = |got: &[String], s: &str| got.iter().any(|t| t.contains(s));
        assert!(has(&got, "（记者 秦飞）"), "{got:?}");
        assert!(has(&got, "（记者武勇）2000年"), "{got:?}");
        assert!(has(&got, "散步。本报记者 陶冬晨 摄"), "{got:?}");
        // Without a spaced byline and with bylines of their own cut (an
        // extractor that drops the spaces), names are cut everywhere and
        // the credit set apart.
        let solid = page
            .replace("（记者 秦飞）", "（记者秦飞）")
            .replace("本报记者 陶", "本报记者陶")
            .replace("冬晨 摄", "冬晨摄");
        let got = texts(&solid);
        assert!(has(&got, "（记者 秦飞）"), "{got:?}");
        assert!(has(&got, "（记者 武勇）2000年"), "{got:?}");
        assert!(has(&got, "散步。 本报记者 陶冬晨 摄"), "{got:?}");
        // No evidence either way: the byline inside a paragraph stays.
        let got = texts(page.split("\n\n").nth(1).unwrap());
        assert!(has(&got, "（记者武勇）2000年"), "{got:?}");
    }

    #[test]
    fn roles() {
        assert!(is_bracketed_names("（肖湘 袁利平）"));
        assert!(is_bracketed_names("（新华社记者兰红光摄）"));
        assert!(!is_bracketed_names(
            "（二○○○年十二月三十一日）（附图片1张）"
        ));
        assert!(!is_bracketed_names("这是一句话（注释）。"));
        assert!(is_credit_caption(
            "4月27日，长沙县金井镇，修葺一新的金井河两岸，水清、岸绿、景美。 湖南日报全媒体记者 童迪 摄"
        ));
        assert!(!is_credit_caption("（新华社记者兰红光摄）"));
        assert!(ends_with_attribution(
            "全市农民都来到了现场课堂。（刘磊 朱桂林）"
        ));
        assert!(ends_with_attribution("向更高处攀登。（红深）"));
        assert!(ends_with_attribution("同时废止。（新华社电）"));
        assert!(ends_with_attribution(
            "请党和人民放心。”（本报南沙3月2日零时电）"
        ));
        assert!(ends_with_attribution("今天开幕。（新华社北京5月8日电）"));
        assert!(!ends_with_attribution("今天开幕。（5月8日）"));
        assert!(!ends_with_attribution("（郑凯 付磊）"));
        assert!(!ends_with_attribution(
            "大桥今天通车。（新华社记者徐显辉摄）"
        ));
        assert!(!ends_with_attribution("大桥今天通车。（附图片1张）"));
        assert!(!ends_with_attribution("据介绍，此项工作（试点）已经展开"));
        assert!(is_unpunctuated_title("山东打假动了真格谁敢说情就地免职"));
        assert!(!is_unpunctuated_title("记者今天从有关部门获悉，大桥通车。"));
        assert!(!is_unpunctuated_title("（孙立伟韩梅）"));
        assert!(!is_unpunctuated_title("水清景美"));
        // Traditional characters.
        assert!(is_credit_caption(
            "報道稱，東山島演習始於多年前，演習地點選在東山島，是因為該島自古為兵家必爭之地。 本報記者 林國明 攝"
        ));
    }

    fn corpus(name: &str) -> String {
        let path = format!("{}/corpora/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn headline_after_body_moves_up() {
        let a = articles(&corpus("articles-headline-after-body.txt"));
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0][0], (Role::Title, "浏阳工信战疫情促发展".to_string()));
        assert_eq!(a[0][1].0, Role::Dateline);
        assert_eq!(a[0][3], (Role::Attribution, "（肖湘 袁利平）".to_string()));
        assert_eq!(a[1][0].0, Role::Dateline);
    }

    #[test]
    fn subtitle_far_away_attaches_by_overlap() {
        let a = articles(&corpus("articles-displaced-subtitle.txt"));
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[0][0].1, "沅陵整顿作风激发干事热情");
        assert_eq!(
            a[0][1],
            (Role::Subtitle, "向佛系型躺平式等10类顽疾宣战".to_string())
        );
        assert_eq!(a[2][0].1, "岳阳启动实景导读读书活动");
    }

    #[test]
    fn a_latin_byline_over_a_headline_closes_the_article_above() {
        // The credit set under an article's last paragraph, the next
        // article's headline under it: no byline stands over a headline.
        let s = "Harbour Lights Return\n\nThe old lighthouse on the north pier shines\nagain after two winters in the dark, the\nharbour office said on Monday.\n\nBy Ruth Ellery\n\nFerry Timetable Changes\n\nFerries to the islands will leave twenty\nminutes earlier from next week, when the\nsummer timetable starts.\n\nBy Tom Averill\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[0].last(),
            Some(&(Role::Attribution, "By Ruth Ellery".to_string())),
            "{a:?}"
        );
        assert_eq!(
            a[1][0],
            (Role::Title, "Ferry Timetable Changes".to_string())
        );
        assert_eq!(
            a[1].last(),
            Some(&(Role::Attribution, "By Tom Averill".to_string())),
            "{a:?}"
        );
        // Under its headline, a byline heads what follows.
        let top = "Harbour Lights Return\n\nBy Ruth Ellery\n\nThe old lighthouse on the north pier shines\nagain after two winters in the dark, the\nharbour office said on Monday.\n";
        let a = articles(top);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_ne!(a[0][1].0, Role::Attribution, "{a:?}");
    }

    #[test]
    fn a_latin_question_of_two_short_lines_heads_an_article() {
        // mutool split a heading at its stretched space (`GPS` / `or
        // Charts?`), each line short of the column: the question in title
        // case heads the article under it.
        let s = "The pilots read the tide tables\n\nbefore every crossing and log\n\nthe depth at noon:\n\nGPS\nor Charts?\n\nBoth matter to a skipper who\n\nsails out of the bay at night,\n\nand the pilots know it well.\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "GPS or Charts?".to_string()));
    }

    #[test]
    fn the_upper_of_two_latin_headings_under_a_headless_first_article_is_its_headline() {
        // The text opens with an article's body; its headline was printed
        // under it, over the next article's (blocks set apart by blank
        // lines, as mutool prints them): its words are the first
        // article's, the lower heading's the second's.
        let s = "The ferry timetables for the islands change\nnext week, when the summer ferry service\nstarts and the timetables add two boats\nin the morning and one late at night.\n\nFerry Timetables Change\n\nHarbour Lights Return\n\nThe old lighthouse on the north pier shines\nagain after two winters in the dark, and\nthe harbour lights along the quay are lit\nevery evening from now on.\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[0][0],
            (Role::Title, "Ferry Timetables Change".to_string())
        );
        assert!(a[0][1].1.starts_with("The ferry timetables"), "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "Harbour Lights Return".to_string()));
        // Where the upper heading's words are the lower article's, both
        // head it.
        let t = s.replace("Ferry Timetables Change", "Lighthouse Shines Again");
        let a = articles(&t);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[1][0],
            (Role::Title, "Lighthouse Shines Again".to_string())
        );
    }

    #[test]
    fn latin_headings_head_what_follows() {
        // The first section talks about stable updates more than the one
        // the heading opens: words do not place a Latin heading.
        let s = "Stable updates are published for the stable\nrelease as they come. Stable updates fix\nserious bugs that could not wait for the\nnext point release. Stable updates are\ntested by the release team before.\nProposed Updates\nOnce published, the Stable distribution is\nonly updated about once every two months,\nwith the fixes the team has collected.\n";
        let a = articles(s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "Proposed Updates".to_string()));
        // Numbers in it do not make it one to place by words either: the
        // document's title stays on top, though the next section's words
        // are its words (`Version 3, 12 May 2021`).
        let n = "HARBOUR BOARD RULES\nVersion 3, 12 May 2021\nPreamble\nEveryone who sails into the bay is asked to\nread what follows with care. The text explains\nwhat a skipper must do before entering and\nleaving, and what the pilots expect of the\ncrews they guide through the channel at night.\nTerms and Conditions\n1. These Harbour Board Rules of 12 May 2021\napply in the harbour. The Board may change the\nHarbour Board Rules at any time, and the Rules\nas changed apply from the day the Board\npublishes them in the harbour office of the\nBoard.\n2. The Harbour Board Rules of 12 May 2021 bind\nevery vessel in the harbour, and the Board\nenforces the Harbour Board Rules through its\nharbour masters.\n";
        let a = articles(n);
        assert!(a[0][0].1.starts_with("HARBOUR BOARD RULES"), "{a:?}");
        // A heading broken after a function word, which no line of it shows
        // alone, heads an article too.
        let s = s.replace(
            "tested by the release team before.\nProposed Updates\n",
            "tested first.\nMaintenance and\nUpdates: The APT Tools\n",
        );
        let a = articles(&s);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a[1][0],
            (
                Role::Title,
                "Maintenance and Updates: The APT Tools".to_string()
            )
        );
        // A heading may ask a question; a sentence that asks one is none.
        // The text with `from` replaced by `to` is two articles, the
        // second headed by `title`.
        let heads_second = |from: &str, to: &str, title: &str| {
            let a = articles(&s.replace(from, to));
            assert_eq!(a.len(), 2, "{a:?}");
            assert_eq!(a[1][0], (Role::Title, title.to_string()), "{a:?}");
        };
        let apt = "Maintenance and\nUpdates: The APT Tools\n";
        heads_second(apt, "RAID or LVM?\n", "RAID or LVM?");
        assert_eq!(articles(&s.replace(apt, "Why wait longer?\n")).len(), 1);
        // Or exclaim.
        heads_second(apt, "Ready, Steady, Release!\n", "Ready, Steady, Release!");
        // A heading in sentence case, clearly short, over a sentence's
        // capitalised function word heads an article too.
        heads_second(
            "Maintenance and\nUpdates: The APT Tools\nOnce published,",
            "What the release team checks\nThe published",
            "What the release team checks",
        );
        // So is one after a colon (what it announced was left out) over
        // any capital, when the line under it is prose that fills the
        // column.
        heads_second(
            "tested first.\nMaintenance and\nUpdates: The APT Tools\nOnce published,",
            "tested first, like this:\nSigning notes before upload\nReleases published",
            "Signing notes before upload",
        );
        // After a colon (what it announced was left out), a title-case
        // heading as wide as the column heads an article.
        heads_second(
            "tested first.\nMaintenance and\nUpdates: The APT Tools\n",
            "tested first, with:\nChecks the Release Team Makes Before Release\n",
            "Checks the Release Team Makes Before Release",
        );
    }

    #[test]
    fn headline_with_photo_note_is_a_title() {
        assert!(is_unpunctuated_title("新世纪第一天（附图片4张）"));
        assert!(is_unpunctuated_title("世界天然气发电方兴未艾（图片）"));
        assert!(!is_unpunctuated_title("（附图片4张）"));
    }

    #[test]
    fn caption_is_its_own_article() {
        let a = articles(&corpus("articles-caption.txt"));
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[1][0], (Role::Title, "水清景美".to_string()));
        assert_eq!(a[1][1].0, Role::Caption);
    }

    #[test]
    fn paragraphed_input_is_left_in_place() {
        // ocrclean's own output: headings already on top, nothing moves.
        let out = crate::clean(
            &corpus("articles-headline-after-body.txt"),
            &Config::default(),
        )
        .text;
        assert_eq!(crate::clean(&out, &Config::default()).text, out);
    }
}
