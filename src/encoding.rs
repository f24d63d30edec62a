//! Decoding input bytes: UTF-8 by default, legacy CJK encodings on request.
//!
//! Invalid UTF-8 is an error naming the byte offset, unless the caller asks
//! for another encoding, for `auto` detection (BOM, then UTF-8, then GB18030
//! or Big5 by validity and by how common the decoded characters are) or for
//! lossy decoding (invalid sequences become U+FFFD, counted).

use std::borrow::Cow;
use std::str::FromStr;

/// How input bytes are decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM is accepted and dropped).
    #[default]
    Utf8,
    /// BOM, then UTF-8, then GB18030 or Big5.
    Auto,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Big5 (with HKSCS).
    Big5,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
}

impl FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "auto" => Encoding::Auto,
            "gb18030" | "gbk" | "gb2312" => Encoding::Gb18030,
            "big5" => Encoding::Big5,
            "utf-16le" | "utf16le" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            _ => {
                return Err(format!(
                    "unknown encoding `{s}` (auto, utf-8, gb18030, big5, utf-16le, utf-16be)"
                ));
            }
        })
    }
}

/// Bytes that are not valid in the chosen encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// Offset of the first invalid byte.
    pub offset: usize,
    /// The encoding that was tried.
    pub encoding: &'static str,
}

/// Decoded text and how many invalid sequences were replaced.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static str,
    /// Invalid sequences replaced with U+FFFD (only with `lossy`).
    pub replaced: usize,
}

/// Does the data look binary (a NUL byte in its first 8 KiB)? UTF-16 text
/// has NULs too, so that check comes after a UTF-16 BOM.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

fn rs(enc: Encoding) -> &'static encoding_rs::Encoding {
    match enc {
        Encoding::Utf8 | Encoding::Auto => encoding_rs::UTF_8,
        Encoding::Gb18030 => encoding_rs::GB18030,
        Encoding::Big5 => encoding_rs::BIG5,
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
    }
}

/// Decode with one encoding: strict (error at the first invalid byte) or lossy.
fn decode_with<'a>(
    bytes: &'a [u8],
    enc: &'static encoding_rs::Encoding,
    lossy: bool,
) -> Result<Decoded<'a>, Invalid> {
    if enc == encoding_rs::UTF_8 {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: "utf-8",
                replaced: 0,
            }),
            Err(e) if lossy => {
                let _ = e;
                let text = String::from_utf8_lossy(body);
                let replaced = count_replacements(body);
                Ok(Decoded {
                    text,
                    encoding: "utf-8",
                    replaced,
                })
            }
            Err(e) => Err(Invalid {
                offset: e.valid_up_to() + (bytes.len() - body.len()),
                encoding: "utf-8",
            }),
        };
    }
    let body = match enc.name() {
        "UTF-16LE" => bytes.strip_prefix(b"\xFF\xFE").unwrap_or(bytes),
        "UTF-16BE" => bytes.strip_prefix(b"\xFE\xFF").unwrap_or(bytes),
        _ => bytes,
    };
    let name: &'static str = enc.name();
    if lossy {
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let replaced = if had_errors {
            text.matches('\u{FFFD}').count()
        } else {
            0
        };
        return Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding: name,
            replaced,
        });
    }
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding: name,
            replaced: 0,
        }),
        None => Err(Invalid {
            offset: first_invalid(body, enc),
            encoding: name,
        }),
    }
}

/// Offset of the first byte that does not decode in `enc`.
fn first_invalid(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(64);
    let mut read = 0;
    while read < bytes.len() {
        out.clear();
        let end = (read + 32).min(bytes.len());
        let (res, n) = decoder.decode_to_string_without_replacement(
            &bytes[read..end],
            &mut out,
            end == bytes.len(),
        );
        match res {
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                return (read + n).saturating_sub(bad as usize + after as usize);
            }
            encoding_rs::DecoderResult::OutputFull => {
                out.reserve(64);
                read += n;
            }
            encoding_rs::DecoderResult::InputEmpty => read += n,
        }
    }
    bytes.len()
}

fn count_replacements(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.utf8_chunks() {
        if !chunk.invalid().is_empty() {
            n += 1;
        }
    }
    n
}

/// Share of decoded characters that are common in running text (ASCII,
/// CJK punctuation, the most used ideographs): wrong guesses give rare ones.
fn commonness(s: &str) -> f64 {
    let mut common = 0usize;
    let mut all = 0usize;
    for c in s.chars() {
        all += 1;
        let u = c as u32;
        if c.is_ascii()
            || (0x3000..=0x303F).contains(&u)
            || (0xFF00..=0xFFEF).contains(&u)
            || (0x4E00..=0x9FA5).contains(&u)
        {
            common += 1;
        }
    }
    if all == 0 {
        1.0
    } else {
        common as f64 / all as f64
    }
}

/// Decode `bytes` as `enc`.
pub fn decode(bytes: &[u8], enc: Encoding, lossy: bool) -> Result<Decoded<'_>, Invalid> {
    match enc {
        Encoding::Auto => {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                return decode_with(bytes, encoding_rs::UTF_8, lossy);
            }
            if bytes.starts_with(b"\xFF\xFE") {
                return decode_with(bytes, encoding_rs::UTF_16LE, lossy);
            }
            if bytes.starts_with(b"\xFE\xFF") {
                return decode_with(bytes, encoding_rs::UTF_16BE, lossy);
            }
            if let Ok(d) = decode_with(bytes, encoding_rs::UTF_8, false) {
                return Ok(d);
            }
            let gb = decode_with(bytes, encoding_rs::GB18030, false);
            let big5 = decode_with(bytes, encoding_rs::BIG5, false);
            match (gb, big5) {
                (Ok(g), Ok(b)) => Ok(if commonness(&b.text) > commonness(&g.text) {
                    b
                } else {
                    g
                }),
                (Ok(g), Err(_)) => Ok(g),
                (Err(_), Ok(b)) => Ok(b),
                (Err(e), Err(_)) => {
                    if lossy {
                        decode_with(bytes, encoding_rs::UTF_8, true)
                    } else {
                        let utf8 = decode_with(bytes, encoding_rs::UTF_8, false)
                            .err()
                            .unwrap_or(e);
                        Err(utf8)
                    }
                }
            }
        }
        other => decode_with(bytes, rs(other), lossy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_offset() {
        let bytes = b"abc\xFFdef";
        let e = decode(bytes, Encoding::Utf8, false).err().unwrap();
        assert_eq!(e.offset, 3);
        let d = decode(bytes, Encoding::Utf8, true).unwrap();
        assert_eq!(d.text, "abc\u{FFFD}def");
        assert_eq!(d.replaced, 1);
    }

    #[test]
    fn legacy_encodings() {
        let (gb, _, _) =
            encoding_rs::GB18030.encode("湖南日报讯，浏阳市工信局紧紧围绕工信中心工作。");
        assert_eq!(
            decode(&gb, Encoding::Gb18030, false).unwrap().text,
            "湖南日报讯，浏阳市工信局紧紧围绕工信中心工作。"
        );
        assert_eq!(
            decode(&gb, Encoding::Auto, false).unwrap().text,
            "湖南日报讯，浏阳市工信局紧紧围绕工信中心工作。"
        );
        let (b5, _, _) = encoding_rs::BIG5.encode("本港約有露宿者，其中近四分之一在深水區。");
        let d = decode(&b5, Encoding::Auto, false).unwrap();
        assert_eq!(d.text, "本港約有露宿者，其中近四分之一在深水區。");
        assert_eq!(d.encoding, "Big5");
        assert_eq!(
            decode("\u{FEFF}bom".as_bytes(), Encoding::Utf8, false)
                .unwrap()
                .text,
            "bom"
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("中a".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le, Encoding::Auto, false).unwrap().text, "中a");
        assert!(decode(b"\x81", Encoding::Gb18030, false).is_err());
    }

    #[test]
    fn binary() {
        assert!(looks_binary(b"ab\0cd"));
        assert!(!looks_binary("中文".as_bytes()));
    }
}
