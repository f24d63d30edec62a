//! The parser and the decoder on any bytes: no panic, spans inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::doc::Document;
use ocrclean::encoding::{Encoding, decode};

fuzz_target!(|data: &[u8]| {
    for enc in [Encoding::Auto, Encoding::Gb18030, Encoding::Big5, Encoding::Utf16Le] {
        let _ = decode(data, enc, true);
        let _ = decode(data, enc, false);
    }
    let text = String::from_utf8_lossy(data);
    let doc = Document::parse(&text);
    for line in &doc.lines {
        assert!(line.span.end <= text.len());
        assert_eq!(&text[line.span.clone()], line.text);
    }
});
