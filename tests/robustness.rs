//! Whatever a user feeds ocrclean, it gives a clear outcome and never loses
//! their data: huge lines, many tiny lines, vanished files, symlink loops,
//! read-only files in a batch.

use ocrclean::{Config, clean};
use std::fs;
use std::process::{Command, Output};

mod common;
use common::multiset;

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ocrclean"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn one_huge_line() {
    // 2 MB with no line break: stretched CJK, digits, Latin, punctuation.
    let piece =
        "并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影 响，迎来了 2022 年一季度 GDP 增长 17.7%。";
    let s = piece.repeat(2_000_000 / piece.len());
    let out = clean(&s, &Config::default()).text;
    assert_eq!(out.lines().count(), 1);
    assert_eq!(multiset(&out), multiset(&s));
}

#[test]
fn many_one_character_lines() {
    // 200,000 lines of one character each (a vertical headline gone wild).
    let s = "字\n".repeat(200_000);
    let out = clean(&s, &Config::default()).text;
    assert_eq!(out.chars().filter(|&c| c == '字').count(), 200_000);
    // And alternating with blank lines, as mutool prints them.
    let s = "字\n\n".repeat(100_000);
    let out = clean(&s, &Config::default()).text;
    assert_eq!(out.chars().filter(|&c| c == '字').count(), 100_000);
}

#[test]
fn pathological_patterns_do_not_blow_up() {
    // Long runs that regexes and backtracking would hate.
    for s in [
        "（".repeat(100_000),
        "本报".repeat(50_000) + "讯",
        "a-\n".repeat(50_000),
        " ".repeat(100_000) + "中",
        "1 ".repeat(100_000) + "年",
        "（记者 ".repeat(20_000),
        "\x0c".repeat(10_000) + "— 1 —",
        // One printed line in 50,000 pieces, as mutool splits a line at
        // its spaces (each piece's width is filled in once).
        "word \n".repeat(50_000),
    ] {
        let out = clean(&s, &Config::default()).text;
        // Only page furniture (the page number) may go.
        let (kept, given) = (
            multiset(&out).values().sum::<usize>(),
            multiset(&s).values().sum::<usize>(),
        );
        assert!(kept <= given && kept + 5 >= given, "{kept} of {given}");
    }
}

#[test]
fn vanished_and_read_only_files_in_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("a.txt"), "并 进 ，有 效 应 对\n").unwrap();
    fs::write(input.join("c.txt"), "并 进 ，有 效 应 对\n").unwrap();
    // A link to a file that is not there (a file that vanished).
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), input.join("b.txt")).unwrap();
    let out = dir.path().join("out");
    let o = bin(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("b.txt"), "{}", stderr(&o));
    assert!(out.join("a.txt").exists() && out.join("c.txt").exists());
}

#[cfg(unix)]
#[test]
fn read_only_folder_for_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir_all(&ro).unwrap();
    let f = ro.join("a.txt");
    fs::write(&f, "并 进 ，有 效 应 对\n").unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let o = bin(&["--in-place", ro.to_str().unwrap()]);
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    // Root may write anyway; otherwise the error names the file and the
    // original is untouched.
    if o.status.code() == Some(2) {
        assert!(stderr(&o).contains("a.txt"), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(&f).unwrap(), "并 进 ，有 效 应 对\n");
    } else {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(fs::read_to_string(&f).unwrap(), "并进，有效应对\n");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("sub/a.txt"), "并 进 ，有 效 应 对\n").unwrap();
    std::os::unix::fs::symlink(&input, input.join("sub/loop")).unwrap();
    let out = dir.path().join("out");
    let o = bin(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(stderr(&o).contains("loop"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(2));
    assert!(out.join("sub/a.txt").exists());
}

#[test]
fn whitespace_only_and_empty_give_empty_output() {
    for s in ["", " ", "\n\n\n", "\u{3000}\t \r\n", "\x0c\x0c"] {
        assert_eq!(clean(s, &Config::default()).text, "", "{s:?}");
    }
}
