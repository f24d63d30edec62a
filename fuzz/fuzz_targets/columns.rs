//! Reading columns side by side: no panic, every character kept, and the
//! pipeline's output of such a page a fixed point. Each input byte below
//! 0x20 becomes a wide gap, so that column-like pages are frequent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::{Config, clean, columns};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{1}'..='\u{8}' => "      ".to_string(),
            _ => c.to_string(),
        })
        .collect();
    let (out, _) = columns::reorder(&text);
    let sorted = |t: &str| {
        let mut v: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        v.sort_unstable();
        v
    };
    assert_eq!(sorted(&out), sorted(&text), "a character lost or added");
    let cfg = Config::default();
    let cleaned = clean(&text, &cfg).text;
    assert_eq!(clean(&cleaned, &cfg).text, cleaned, "cleaning again changed it");
});
