//! The whole pipeline on any text: no panic, nothing lost, stable output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::{Config, Format, clean};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cfg = Config::default();
    let out = clean(text, &cfg);
    // Rendering in every format must work too.
    for format in [Format::Markdown, Format::Jsonl] {
        let _ = clean(text, &Config { format, ..Config::default() });
    }
    assert!(out.text.is_empty() || out.text.ends_with('\n'));
    assert!(!out.text.contains(" \n"), "trailing space");
    // The output is a fixed point.
    assert_eq!(clean(&out.text, &cfg).text, out.text, "cleaning again changed it");
    // Cleaned in small pieces (cut at page breaks, blank lines, sentence
    // ends inside long lines) it works too.
    let pieces = clean(
        text,
        &Config {
            chunk_bytes: 64,
            ..Config::default()
        },
    );
    assert!(pieces.text.is_empty() || pieces.text.ends_with('\n'));
});
