//! Throughput benches (bytes per second): each stage alone and the whole
//! pipeline, on the sample page, on a 50 MB corpus built from the project's
//! corpora, and on a 20 MB file that is one huge line.
//!
//! `cargo bench --bench pipeline`; `DIVAN_SAMPLE_COUNT=…` to change samples.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use ocrclean::doc::Document;
use ocrclean::{Config, Trace, stages};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static SAMPLE: LazyLock<String> = LazyLock::new(|| {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpora/hunan-daily-2022-04-28.txt"
    ))
    .unwrap()
});

/// All corpora, concatenated and repeated to about 50 MB (pages separated
/// by form feeds, as pdftotext writes them).
static CORPUS_50MB: LazyLock<String> = LazyLock::new(|| {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        // Real text only: the robust-* cases are fuzzer-made junk.
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("robust-"))
        })
        .collect();
    files.sort();
    let mut one = String::new();
    for f in files {
        one.push_str(&std::fs::read_to_string(f).unwrap());
        one.push('\x0c');
    }
    let mut s = String::with_capacity(50 << 20);
    while s.len() < 50 << 20 {
        s.push_str(&one);
    }
    s
});

/// The sample page's text with every line break removed: 20 MB, one line.
static HUGE_LINE: LazyLock<String> = LazyLock::new(|| {
    let flat: String = SAMPLE.chars().filter(|&c| c != '\n').collect();
    let mut s = String::with_capacity(20 << 20);
    while s.len() < 20 << 20 {
        s.push_str(&flat);
    }
    s
});

fn input(name: &str) -> &'static str {
    match name {
        "sample" => &SAMPLE,
        "corpus-50mb" => &CORPUS_50MB,
        _ => &HUGE_LINE,
    }
}

/// The whole pipeline on one thread (a large input's pieces would
/// otherwise be cleaned on all cores).
#[divan::bench(args = ["sample", "corpus-50mb", "huge-line-20mb"], sample_count = 5)]
fn pipeline(bencher: Bencher, name: &str) {
    let text = input(name);
    let cfg = Config::default();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| one.install(|| black_box(ocrclean::clean(black_box(text), &cfg))));
}

/// The whole pipeline with a large input's pieces on all cores.
#[divan::bench(args = ["corpus-50mb"], sample_count = 5)]
fn pipeline_all_cores(bencher: Bencher, name: &str) {
    let text = input(name);
    let cfg = Config::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| black_box(ocrclean::clean(black_box(text), &cfg)));
}

#[divan::bench(args = ["sample", "corpus-50mb"], sample_count = 5)]
fn parse(bencher: Bencher, name: &str) {
    let text = input(name);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| black_box(Document::parse(black_box(text))));
}

/// One stage on a document prepared up to it (the preparation is not timed).
fn stage_bench(bencher: Bencher, name: &str, upto: usize) {
    let text = input(name);
    let cfg = Config::default();
    let mut base = Document::parse(text);
    let mut t = Trace::new(false);
    let steps: [fn(&mut Document, &Config, &mut Trace); 4] = [
        stages::normalize::run,
        stages::despace::run,
        stages::rejoin::run,
        stages::articles::run,
    ];
    for step in &steps[..upto] {
        step(&mut base, &cfg, &mut t);
    }
    bencher
        .counter(BytesCount::of_str(text))
        .with_inputs(|| base.clone())
        .bench_local_values(|mut doc| {
            let mut t = Trace::new(false);
            steps[upto](&mut doc, &cfg, &mut t);
            doc
        });
}

#[divan::bench(args = ["sample", "corpus-50mb"], sample_count = 5)]
fn normalize(bencher: Bencher, name: &str) {
    stage_bench(bencher, name, 0);
}

#[divan::bench(args = ["sample", "corpus-50mb"], sample_count = 5)]
fn despace(bencher: Bencher, name: &str) {
    stage_bench(bencher, name, 1);
}

#[divan::bench(args = ["sample", "corpus-50mb"], sample_count = 5)]
fn rejoin(bencher: Bencher, name: &str) {
    stage_bench(bencher, name, 2);
}

#[divan::bench(args = ["sample", "corpus-50mb"], sample_count = 5)]
fn articles(bencher: Bencher, name: &str) {
    stage_bench(bencher, name, 3);
}
