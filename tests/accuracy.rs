//! Accuracy on the bundled sample page, scored against its hand-made
//! reference with the metric of FORMAT.md (`ocrclean::score`, the same
//! figures as `bench/score.py`). The minimums below only go up: each stage
//! issue raised them to what it reached.

use ocrclean::{Config, Stage, clean, score};
use std::path::Path;

struct Min {
    cer_max: f64,
    space_f1: f64,
    para_f1: f64,
    article_f1: f64,
}

/// What the pipeline reaches on the sample page (figures in CHANGELOG.md).
const MIN: Min = Min {
    cer_max: 0.002,
    space_f1: 0.99,
    para_f1: 0.99,
    article_f1: 0.95,
};

fn sample() -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let input = std::fs::read_to_string(root.join("hunan-daily-2022-04-28.txt")).unwrap();
    let truth = std::fs::read_to_string(root.join("reference/hunan-daily-2022-04-28.txt")).unwrap();
    (input, truth)
}

fn figures(label: &str, truth: &str, out: &str) -> score::Report {
    let r = score::score(truth, out).report();
    println!(
        "{label:<22} cer {:.5}  space_f1 {:.4} (p {:.4} r {:.4})  para_f1 {:.4} (p {:.4} r {:.4})  article_f1 {:.4}  gap_acc {:.5}",
        r.cer,
        r.space_f1,
        r.space_p,
        r.space_r,
        r.para_f1,
        r.para_p,
        r.para_r,
        r.article_f1,
        r.gap_acc
    );
    r
}

#[test]
fn sample_page_meets_minimums() {
    let (input, truth) = sample();
    let raw = figures("raw input", &truth, &input);
    let out = clean(&input, &Config::default()).text;
    let r = figures("ocrclean", &truth, &out);
    assert!(r.cer <= MIN.cer_max, "cer {} > {}", r.cer, MIN.cer_max);
    assert!(
        r.space_f1 >= MIN.space_f1,
        "space_f1 {} < {}",
        r.space_f1,
        MIN.space_f1
    );
    assert!(
        r.para_f1 >= MIN.para_f1,
        "para_f1 {} < {}",
        r.para_f1,
        MIN.para_f1
    );
    assert!(
        r.article_f1 >= MIN.article_f1,
        "article_f1 {} < {}",
        r.article_f1,
        MIN.article_f1
    );
    // Every figure better than the untouched input.
    assert!(
        r.cer < raw.cer
            && r.space_f1 > raw.space_f1
            && r.para_f1 > raw.para_f1
            && r.article_f1 > raw.article_f1
    );
}

#[test]
fn each_stage_adds_to_the_score() {
    // Stopping earlier must not score better on what the later stage fixes.
    let (input, truth) = sample();
    let upto = |s: Stage| {
        let cfg = Config {
            stop_after: Some(s),
            ..Config::default()
        };
        figures(&format!("after {s}"), &truth, &clean(&input, &cfg).text)
    };
    let despace = upto(Stage::Despace);
    let rejoin = upto(Stage::Rejoin);
    let all = upto(Stage::Articles);
    // despace removes every artifact space; the byline spaces that stand
    // at line ends come back when rejoin joins the lines.
    assert!(despace.space_p >= 0.99, "despace removes layout spaces");
    assert!(
        rejoin.space_f1 >= MIN.space_f1,
        "rejoin keeps byline spaces across lines"
    );
    assert!(rejoin.para_f1 > despace.para_f1, "rejoin finds paragraphs");
    assert!(
        all.cer < rejoin.cer,
        "articles moves headlines back: less text out of place"
    );
    assert!(
        all.article_f1 > rejoin.article_f1,
        "articles finds article boundaries"
    );
}

#[test]
fn scorer_matches_score_py_on_fixed_pairs() {
    // Expected figures computed with ../shared/bench/score.py.
    let r = score::score("甲乙 丙丁\n戊己\n\n庚辛", "甲乙丙丁戊己\n\n庚 辛壬").report();
    assert_eq!(
        (r.cer, r.gap_acc, r.space_f1, r.para_f1, r.article_f1),
        (0.125, 0.57143, 0.0, 0.6667, 1.0)
    );
    // The raw sample page against its reference: a whole page, with
    // headlines out of place, so the alignment's choices matter.
    let (input, truth) = sample();
    let r = score::score(&truth, &input).report();
    assert_eq!(
        (
            r.cer,
            r.gap_acc,
            r.space_f1,
            r.space_p,
            r.para_f1,
            r.para_p,
            r.article_f1
        ),
        (0.04358, 0.85038, 0.1008, 0.0538, 0.3281, 0.197, 0.0736)
    );
}
