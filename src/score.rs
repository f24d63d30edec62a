//! The accuracy metric of FORMAT.md, as `bench/score.py` computes it.
//!
//! Both texts are reduced to their non-whitespace characters and a label for
//! every gap between neighbours (0 none, 1 space, 2 line, 3 blank line); the
//! character sequences are aligned with Levenshtein edit operations; each
//! gap is projected onto the other text through the alignment; precision is
//! counted over the hypothesis's gaps and recall over the reference's.

use serde::Serialize;

/// Gap labels.
pub const NONE: u8 = 0;
/// Spaces or tabs only.
pub const SPACE: u8 = 1;
/// One line break.
pub const LINE: u8 = 2;
/// Two or more line breaks.
pub const BLANK: u8 = 3;

/// Python's `str.isspace()`, plus U+200B and U+FEFF as score.py treats them.
fn py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1C}'..='\u{1F}' | '\u{200B}' | '\u{FEFF}')
}

/// Non-whitespace characters and the labels of the gaps between them.
pub fn parse(text: &str) -> (Vec<char>, Vec<u8>) {
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut gaps = Vec::with_capacity(text.len() / 2);
    let mut pending: Option<u8> = None;
    for c in text.chars() {
        if py_space(c) {
            if matches!(c, '\n' | '\x0c' | '\r' | '\u{2028}' | '\u{2029}') {
                if c == '\r' {
                    continue;
                }
                pending = Some(if matches!(pending, None | Some(NONE) | Some(SPACE)) {
                    LINE
                } else {
                    BLANK
                });
            } else if matches!(pending, None | Some(NONE)) {
                pending = Some(SPACE);
            }
            continue;
        }
        if !chars.is_empty() {
            gaps.push(pending.unwrap_or(NONE));
        }
        chars.push(c);
        pending = Some(NONE);
    }
    (chars, gaps)
}

/// Levenshtein alignment: for each character of `a`, the index of the equal
/// character of `b` it is matched with (or -1), the same for `b`, and the
/// edit distance.
///
/// Among the many optimal alignments this picks the one `bench/score.py`
/// gets from rapidfuzz: the bit-parallel matrix of Hyyrö ("A Note on
/// Bit-Parallel Alignment Computation", 2004) walked back from the end,
/// preferring a deletion, then an insertion, then the diagonal. Memory is
/// two bits per cell pair, so whole pages align in a few megabytes.
pub fn align(a: &[char], b: &[char]) -> (Vec<i64>, Vec<i64>, usize) {
    // Strip the common prefix and suffix: they align trivially.
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (s1, s2) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut a2b = vec![-1i64; a.len()];
    let mut b2a = vec![-1i64; b.len()];
    for k in 0..pre {
        a2b[k] = k as i64;
        b2a[k] = k as i64;
    }
    for k in 0..suf {
        let (i, j) = (a.len() - 1 - k, b.len() - 1 - k);
        a2b[i] = j as i64;
        b2a[j] = i as i64;
    }
    let (n, m) = (s1.len(), s2.len());
    if n == 0 || m == 0 {
        return (a2b, b2a, n.max(m));
    }
    // Bit-parallel columns over s1, one row per character of s2.
    let words = n.div_ceil(64);
    let mut peq: std::collections::HashMap<char, Vec<u64>> = std::collections::HashMap::new();
    for (i, &c) in s1.iter().enumerate() {
        peq.entry(c).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
    }
    let zero = vec![0u64; words];
    let mut vp = vec![!0u64; words];
    let mut vn = vec![0u64; words];
    let mut rows_vp = Vec::with_capacity(m * words);
    let mut rows_vn = Vec::with_capacity(m * words);
    let last = (n - 1) % 64;
    let mut dist = n;
    for &ch in s2 {
        let pm = peq.get(&ch).unwrap_or(&zero);
        let mut add_carry = 0u64;
        let mut hp_carry = 1u64;
        let mut hn_carry = 0u64;
        for w in 0..words {
            let x = pm[w];
            let (t1, c1) = (x & vp[w]).overflowing_add(vp[w]);
            let (t2, c2) = t1.overflowing_add(add_carry);
            add_carry = u64::from(c1 || c2);
            let d0 = (t2 ^ vp[w]) | x | vn[w];
            let hp = vn[w] | !(d0 | vp[w]);
            let hn = d0 & vp[w];
            if w == words - 1 {
                dist += usize::from(hp >> last & 1 == 1);
                dist -= usize::from(hn >> last & 1 == 1);
            }
            let hps = (hp << 1) | hp_carry;
            let hns = (hn << 1) | hn_carry;
            hp_carry = hp >> 63;
            hn_carry = hn >> 63;
            vp[w] = hns | !(d0 | hps);
            vn[w] = hps & d0;
        }
        rows_vp.extend_from_slice(&vp);
        rows_vn.extend_from_slice(&vn);
    }
    let bit =
        |rows: &[u64], row: usize, col: usize| rows[row * words + col / 64] >> (col % 64) & 1 == 1;
    let (mut col, mut row) = (n, m);
    while row != 0 && col != 0 {
        if bit(&rows_vp, row - 1, col - 1) {
            col -= 1; // deletion
        } else {
            row -= 1;
            if row != 0 && bit(&rows_vn, row - 1, col - 1) {
                // insertion
            } else {
                col -= 1;
                if s1[col] == s2[row] {
                    a2b[pre + col] = (pre + row) as i64;
                    b2a[pre + row] = (pre + col) as i64;
                }
            }
        }
    }
    (a2b, b2a, dist)
}

/// For each gap of one text, the label of the corresponding place in the
/// other (see score.py's `_project`).
fn project(matched: &[i64], other: &[u8], n_other: usize) -> Vec<Option<u8>> {
    let n = matched.len();
    let mut prev = vec![-1i64; n];
    let mut last = -1;
    for k in 0..n {
        if matched[k] >= 0 {
            last = matched[k];
        }
        prev[k] = last;
    }
    let mut next = vec![-1i64; n];
    last = -1;
    for k in (0..n).rev() {
        if matched[k] >= 0 {
            last = matched[k];
        }
        next[k] = last;
    }
    let mut out = Vec::with_capacity(n.saturating_sub(1));
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (prev[i], next[i + 1]);
        if a < 0 || b < 0 {
            out.push(None);
        } else if b == a + 1 {
            out.push(Some(other[a as usize]));
        } else if b > a + 1 {
            out.push(other[a as usize..b as usize].iter().copied().max());
        } else {
            let after = if (a as usize) < n_other.saturating_sub(1) {
                other[a as usize]
            } else {
                BLANK
            };
            let before = if b >= 1 { other[b as usize - 1] } else { BLANK };
            out.push(Some(after.min(before)));
        }
    }
    out
}

/// Raw counts, summable over files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Reference length (non-whitespace characters).
    pub ref_len: usize,
    /// Edit distance.
    pub edits: usize,
    /// Reference gaps compared.
    pub compared: usize,
    /// Reference gaps whose label matched.
    pub equal: usize,
    /// True positives seen from the reference (space, para, article).
    pub tp: [usize; 3],
    /// Predicted positives (hypothesis gaps of the class).
    pub pp: [usize; 3],
    /// Actual positives (reference gaps of the class).
    pub ap: [usize; 3],
    /// True positives seen from the hypothesis.
    pub tpp: [usize; 3],
}

/// The figures of one comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub cer: f64,
    pub gap_acc: f64,
    pub space_f1: f64,
    pub space_p: f64,
    pub space_r: f64,
    pub para_f1: f64,
    pub para_p: f64,
    pub para_r: f64,
    pub article_f1: f64,
    pub article_p: f64,
    pub article_r: f64,
    pub ref_chars: usize,
}

fn is_class(k: usize, g: u8) -> bool {
    match k {
        0 => g == SPACE,
        1 => g >= LINE,
        _ => g == BLANK,
    }
}

fn round(x: f64, d: i32) -> f64 {
    let f = 10f64.powi(d);
    (x * f).round() / f
}

impl Counts {
    /// Add another file's counts.
    pub fn add(&mut self, o: &Counts) {
        self.ref_len += o.ref_len;
        self.edits += o.edits;
        self.compared += o.compared;
        self.equal += o.equal;
        for k in 0..3 {
            self.tp[k] += o.tp[k];
            self.pp[k] += o.pp[k];
            self.ap[k] += o.ap[k];
            self.tpp[k] += o.tpp[k];
        }
    }

    /// The figures, rounded as score.py rounds them.
    pub fn report(&self) -> Report {
        let f1 = |k: usize| {
            let p = if self.pp[k] > 0 {
                self.tpp[k] as f64 / self.pp[k] as f64
            } else if self.ap[k] == 0 {
                1.0
            } else {
                0.0
            };
            let r = if self.ap[k] > 0 {
                self.tp[k] as f64 / self.ap[k] as f64
            } else {
                1.0
            };
            let f = if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            };
            (round(f, 4), round(p, 4), round(r, 4))
        };
        let (sf, sp, sr) = f1(0);
        let (pf, pp, pr) = f1(1);
        let (af, ap, ar) = f1(2);
        Report {
            cer: if self.ref_len > 0 {
                round(self.edits as f64 / self.ref_len as f64, 5)
            } else {
                0.0
            },
            gap_acc: if self.compared > 0 {
                round(self.equal as f64 / self.compared as f64, 5)
            } else {
                0.0
            },
            space_f1: sf,
            space_p: sp,
            space_r: sr,
            para_f1: pf,
            para_p: pp,
            para_r: pr,
            article_f1: af,
            article_p: ap,
            article_r: ar,
            ref_chars: self.ref_len,
        }
    }
}

/// Compare a cleaned text with its reference.
pub fn score(truth: &str, hyp: &str) -> Counts {
    let (tc, tg) = parse(truth);
    let (hc, hg) = parse(hyp);
    let (t2h, h2t, dist) = align(&tc, &hc);
    let mut c = Counts {
        ref_len: tc.len(),
        edits: dist,
        ..Counts::default()
    };
    for (&t, h) in tg.iter().zip(project(&t2h, &hg, hc.len())) {
        let h = h.unwrap_or(NONE);
        c.compared += 1;
        c.equal += usize::from(t == h);
        for k in 0..3 {
            if is_class(k, t) {
                c.ap[k] += 1;
                c.tp[k] += usize::from(is_class(k, h));
            }
        }
    }
    for (&h, t) in hg.iter().zip(project(&h2t, &tg, tc.len())) {
        let t = t.unwrap_or(NONE);
        for k in 0..3 {
            if is_class(k, h) {
                c.pp[k] += 1;
                c.tpp[k] += usize::from(is_class(k, t));
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_labels() {
        let (c, g) = parse("ab c\nd\n\ne \r\nf");
        assert_eq!(c.iter().collect::<String>(), "abcdef");
        assert_eq!(g, [NONE, SPACE, LINE, BLANK, LINE]);
    }

    #[test]
    fn identical_is_perfect() {
        let r = score("甲乙 丙\n丁\n\n戊", "甲乙 丙\n丁\n\n戊").report();
        assert_eq!(
            (r.cer, r.space_f1, r.para_f1, r.article_f1, r.gap_acc),
            (0.0, 1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn known_figures() {
        // Figures from ../shared/bench/score.py on the same pair.
        let r = score("甲乙 丙丁\n戊己\n\n庚辛", "甲乙丙丁戊己\n\n庚 辛壬").report();
        assert_eq!(r.cer, 0.125);
        assert_eq!(r.space_f1, 0.0);
        assert_eq!(r.para_f1, 0.6667);
        assert_eq!(r.article_f1, 1.0);
        assert_eq!(r.gap_acc, 0.57143);
        assert_eq!((r.para_p, r.para_r), (1.0, 0.5));
    }
}
