//! Checks over the dev set in ../shared/bench/dev (typeset-and-extracted
//! pages), skipped when it is not there. Nothing of it is copied here.

use ocrclean::stages::normalize::radical;
use ocrclean::{Config, Dehyphenate, clean};

mod common;
use common::multiset;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/dev");
    let Ok(cases) = std::fs::read_dir(&dev) else {
        eprintln!("{} not present: dev-set checks skipped", dev.display());
        return Vec::new();
    };
    let mut out = Vec::new();
    for case in cases.filter_map(|e| e.ok().map(|e| e.path())) {
        if let Ok(files) = std::fs::read_dir(&case) {
            for f in files.filter_map(|e| e.ok().map(|e| e.path())) {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.starts_with("input.") && name.ends_with(".txt") {
                    out.push(f);
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_radical_code_points_survive() {
    for f in inputs()
        .iter()
        .filter(|f| f.to_string_lossy().ends_with("input.mutool.txt"))
    {
        let text = std::fs::read_to_string(f).unwrap();
        let out = clean(&text, &Config::default()).text;
        let left: Vec<char> = out.chars().filter(|&c| radical(c).is_some()).collect();
        assert!(left.is_empty(), "{}: radicals left: {left:?}", f.display());
    }
}

#[test]
fn nothing_lost_and_stable() {
    let cfg = Config {
        dehyphenate: Dehyphenate::None,
        ..Config::default()
    };
    let norm = Config {
        stop_after: Some(ocrclean::Stage::Normalize),
        ..Config::default()
    };
    let files = inputs();
    let mut unstable = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let out = clean(&text, &cfg);
        // One page each: no page furniture to drop, so every character of
        // the normalized input is in the output, and nothing else.
        assert_eq!(
            multiset(&out.text),
            multiset(&clean(&text, &norm).text),
            "{}",
            f.display()
        );
        if clean(&out.text, &cfg).text != out.text {
            unstable.push(f.display().to_string());
        }
    }
    // A second pass over the output changes nothing.
    assert!(unstable.is_empty(), "{unstable:#?}");
}

/// Dev-set totals per extractor, scored with `ocrclean::score` (the figures
/// of `bench/score.py`), never below the floors reached so far and always
/// above the untouched inputs. The floors only go up (figures in
/// CHANGELOG.md); they guard against regressions, they tune nothing.
#[test]
fn dev_set_floors() {
    use ocrclean::score;
    use std::collections::BTreeMap;
    // (extractor, space_f1, para_f1, article_f1, cer at most)
    const FLOORS: [(&str, f64, f64, f64, f64); 4] = [
        ("mutool", 0.987, 0.976, 0.928, 0.0079),
        ("pdftotext", 0.953, 0.976, 0.909, 0.0556),
        ("pdftotext-raw", 0.984, 0.953, 0.928, 0.0094),
        ("tesseract", 0.939, 0.937, 0.936, 0.0943),
    ];
    let mut ours: BTreeMap<String, score::Counts> = BTreeMap::new();
    let mut raw: BTreeMap<String, score::Counts> = BTreeMap::new();
    for f in inputs() {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let ext = name
            .trim_start_matches("input.")
            .trim_end_matches(".txt")
            .to_string();
        let truth = std::fs::read_to_string(f.with_file_name("truth.txt")).unwrap();
        let text = std::fs::read_to_string(&f).unwrap();
        let out = clean(&text, &Config::default()).text;
        ours.entry(ext.clone())
            .or_default()
            .add(&score::score(&truth, &out));
        raw.entry(ext)
            .or_default()
            .add(&score::score(&truth, &text));
    }
    for (ext, space, para, article, cer) in FLOORS {
        let (Some(o), Some(r)) = (ours.get(ext), raw.get(ext)) else {
            continue;
        };
        let (o, r) = (o.report(), r.report());
        println!(
            "{ext:<14} cer {:.5} space_f1 {:.4} para_f1 {:.4} article_f1 {:.4}",
            o.cer, o.space_f1, o.para_f1, o.article_f1
        );
        assert!(o.space_f1 >= space, "{ext}: space_f1 {}", o.space_f1);
        assert!(o.para_f1 >= para, "{ext}: para_f1 {}", o.para_f1);
        assert!(
            o.article_f1 >= article,
            "{ext}: article_f1 {}",
            o.article_f1
        );
        assert!(o.cer <= cer, "{ext}: cer {}", o.cer);
        assert!(
            o.space_f1 > r.space_f1 && o.para_f1 > r.para_f1 && o.article_f1 > r.article_f1,
            "{ext}: not better than the raw input"
        );
    }
}
