//! Unified diffs with the changed characters marked inside lines.
//!
//! Used by `--diff`, `ocrclean golden check` and the golden tests. With
//! colour, removed characters are shown in reverse red and added ones in
//! reverse green; without colour, changed runs inside a changed line are
//! wrapped in `[-…-]` and `{+…+}` (as `git diff --word-diff` does), so a
//! diff in a CI log still shows which character moved.

use similar::{ChangeTag, TextDiff};
use std::fmt::Write;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const REV_RED: &str = "\x1b[7;31m";
const REV_GREEN: &str = "\x1b[7;32m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// A unified diff of `old` and `new` (3 lines of context), or an empty
/// string when they are equal.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str, color: bool) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::new();
    let _ = writeln!(out, "--- {old_name}\n+++ {new_name}");
    for group in diff.grouped_ops(3) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let (o, n) = (first.old_range().start, first.new_range().start);
        let (oe, ne) = (last.old_range().end, last.new_range().end);
        let hunk = format!("@@ -{},{} +{},{} @@", o + 1, oe - o, n + 1, ne - n);
        if color {
            let _ = writeln!(out, "{CYAN}{hunk}{RESET}");
        } else {
            let _ = writeln!(out, "{hunk}");
        }
        for op in &group {
            for change in diff.iter_inline_changes(op) {
                let (sign, base, strong) = match change.tag() {
                    ChangeTag::Delete => ('-', RED, REV_RED),
                    ChangeTag::Insert => ('+', GREEN, REV_GREEN),
                    ChangeTag::Equal => (' ', "", ""),
                };
                let emphasized = change.iter_strings_lossy().any(|(e, _)| e);
                let mut line = String::new();
                for (emph, text) in change.iter_strings_lossy() {
                    let text = text.trim_end_matches('\n');
                    if emph && color {
                        let _ = write!(line, "{strong}{text}{RESET}{base}");
                    } else if emph && emphasized && change.tag() != ChangeTag::Equal {
                        let (l, r) = if sign == '-' {
                            ("[-", "-]")
                        } else {
                            ("{+", "+}")
                        };
                        let _ = write!(line, "{l}{text}{r}");
                    } else {
                        line.push_str(text);
                    }
                }
                if color && sign != ' ' {
                    let _ = writeln!(out, "{base}{sign}{line}{RESET}");
                } else {
                    let _ = writeln!(out, "{sign}{line}");
                }
                if change.missing_newline() {
                    out.push_str("\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_characters() {
        let d = unified("a\n规 模\nc\n", "a\n规模\nc\n", "in", "out", false);
        assert!(d.starts_with("--- in\n+++ out\n@@ -1,3 +1,3 @@\n"), "{d}");
        assert!(d.contains("-规 模") || d.contains("[-"), "{d}");
        assert!(d.contains("+规模") || d.contains("{+"), "{d}");
        assert_eq!(unified("x\n", "x\n", "a", "b", false), "");
        let c = unified("ab\n", "ac\n", "a", "b", true);
        assert!(c.contains("\x1b[7;31m"), "{c:?}");
    }
}
