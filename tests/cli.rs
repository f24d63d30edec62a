//! The command-line contract, tried as a user would.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const STRETCHED: &str = "的责任感和使命感，积极作为，多举措\n\n并 进 ，有 效 应 对 疫 情 带 来 的 冲 击 和 影\n\n响，迎来了一季度工业发展的“开门红”。\n";
const CLEANED: &str = "的责任感和使命感，积极作为，多举措并进，有效应对疫情带来的冲击和影响，迎来了一季度工业发展的“开门红”。\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ocrclean"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(p: &Path, s: &str) {
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, s).unwrap();
}

#[test]
fn stdin_to_stdout() {
    for args in [&[][..], &["-"][..]] {
        let o = run(args, STRETCHED.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), CLEANED);
    }
    // Clean text goes through unchanged.
    let o = run(&[], CLEANED.as_bytes());
    assert_eq!(stdout(&o), CLEANED);
}

#[test]
fn file_to_stdout_and_to_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("page.txt");
    write(&f, STRETCHED);
    let o = run(&[f.to_str().unwrap()], b"");
    assert_eq!(stdout(&o), CLEANED);
    let out = dir.path().join("out.txt");
    let o = run(&[f.to_str().unwrap(), "-o", out.to_str().unwrap()], b"");
    assert!(o.status.success());
    assert_eq!(fs::read_to_string(out).unwrap(), CLEANED);
}

#[test]
fn directory_mirrored_and_identical_for_any_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for i in 0..12 {
        write(
            &input.join(format!("sub{}/page{i}.txt", i % 3)),
            &STRETCHED.repeat(i % 4 + 1),
        );
    }
    write(&input.join("notes.md"), "not matched by the glob");
    let (o1, o2) = (dir.path().join("o1"), dir.path().join("o2"));
    let batch = |out: &Path, jobs: &str| {
        run(
            &[
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "-j",
                jobs,
            ],
            b"",
        )
    };
    let (a, b) = (batch(&o1, "1"), batch(&o2, "2"));
    assert!(a.status.success() && b.status.success(), "{}", stderr(&a));
    assert!(stderr(&a).contains("12 files"), "summary: {}", stderr(&a));
    for i in 0..12 {
        let rel = format!("sub{}/page{i}.txt", i % 3);
        let x = fs::read_to_string(o1.join(&rel)).unwrap();
        let y = fs::read_to_string(o2.join(&rel)).unwrap();
        assert_eq!(x, y);
        assert!(x.starts_with("的责任感和使命感"));
    }
    assert!(!o1.join("notes.md").exists());
    // --glob picks other files.
    let o3 = dir.path().join("o3");
    let c = run(
        &[
            input.to_str().unwrap(),
            "-o",
            o3.to_str().unwrap(),
            "--glob",
            "*.md",
        ],
        b"",
    );
    assert!(c.status.success());
    assert!(o3.join("notes.md").exists());
}

#[test]
fn output_folder_inside_input_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), STRETCHED);
    let out = dir.path().join("out");
    let o = run(
        &[dir.path().to_str().unwrap(), "-o", out.to_str().unwrap()],
        b"",
    );
    assert!(o.status.success());
    let again = run(
        &[dir.path().to_str().unwrap(), "-o", out.to_str().unwrap()],
        b"",
    );
    assert!(stderr(&again).contains("1 files"), "{}", stderr(&again));
    assert!(!out.join("out").exists());
}

#[test]
fn check_and_diff_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = dir.path().join("dirty.txt");
    let clean = dir.path().join("clean.txt");
    write(&dirty, STRETCHED);
    write(&clean, CLEANED);
    let o = run(
        &["--check", dirty.to_str().unwrap(), clean.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("dirty.txt") && !stdout(&o).contains("clean.txt"));
    let o = run(&["--check", clean.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0));
    let o = run(
        &["--diff", "--color", "never", dirty.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let d = stdout(&o);
    assert!(
        d.contains("--- ") && d.contains("+++ ") && d.contains("@@"),
        "{d}"
    );
    let o = run(&["--diff", clean.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    // stdin too
    assert_eq!(
        run(&["--check"], STRETCHED.as_bytes()).status.code(),
        Some(1)
    );
    assert_eq!(run(&["--check"], CLEANED.as_bytes()).status.code(), Some(0));
}

#[test]
fn in_place_writes_only_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = dir.path().join("dirty.txt");
    let clean = dir.path().join("clean.txt");
    write(&dirty, STRETCHED);
    write(&clean, CLEANED);
    let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(&clean)
        .unwrap()
        .set_modified(past)
        .unwrap();
    let o = run(
        &[
            "--in-place",
            "--backup",
            ".orig",
            dir.path().to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&dirty).unwrap(), CLEANED);
    assert_eq!(
        fs::read_to_string(dir.path().join("dirty.txt.orig")).unwrap(),
        STRETCHED
    );
    assert_eq!(
        fs::metadata(&clean).unwrap().modified().unwrap(),
        past,
        "unchanged file untouched"
    );
    assert!(!dir.path().join("clean.txt.orig").exists());
    // No temporary files left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn a_bad_file_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input.join("a.txt"), STRETCHED);
    fs::write(input.join("b.txt"), b"ok\xFF\xFEbroken").unwrap();
    fs::write(input.join("c.txt"), b"binary\0data").unwrap();
    write(&input.join("d.txt"), STRETCHED);
    let out = dir.path().join("out");
    let o = run(&[input.to_str().unwrap(), "-o", out.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("b.txt") && err.contains("byte 2"), "{err}");
    assert!(err.contains("c.txt") && err.contains("binary"), "{err}");
    assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), CLEANED);
    assert_eq!(fs::read_to_string(out.join("d.txt")).unwrap(), CLEANED);
    // A missing path is reported, the rest cleaned.
    let out2 = dir.path().join("out2");
    let o = run(
        &[
            input.join("a.txt").to_str().unwrap(),
            "/no/such/file.txt",
            "-o",
            out2.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/file.txt"));
    assert!(out2.join("a.txt").exists());
    // A missing file named alone: one line naming the path, the system's
    // reason said once.
    let o = run(&["/no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("ocrclean: /no/such/file.txt: "), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[test]
fn encodings() {
    let (gb, _, _) = encoding_rs::GB18030.encode(STRETCHED);
    let gb = gb.into_owned();
    let o = run(&[], &gb);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid utf-8 at byte"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--encoding", "gb18030"], &gb);
    assert_eq!(stdout(&o), CLEANED);
    let o = run(&["--encoding", "auto"], &gb);
    assert_eq!(stdout(&o), CLEANED);
    let o = run(&["--lossy"], b"ab\xFFcd\n");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "ab\u{FFFD}cd\n");
    assert!(stderr(&o).contains("1 invalid"));
}

#[test]
fn empty_and_crlf_input() {
    assert_eq!(stdout(&run(&[], b"")), "");
    assert_eq!(stdout(&run(&[], b"  \n\n \t\n")), "");
    let crlf = STRETCHED.replace('\n', "\r\n");
    assert_eq!(stdout(&run(&[], crlf.as_bytes())), CLEANED);
}

#[test]
fn closed_pipe_is_quiet() {
    let big = STRETCHED.repeat(20_000);
    let mut child = bin()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    drop(child.stdout.take()); // the reader goes away, like `| head`
    let o = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn stages_explain_and_formats() {
    let o = run(&["--stop-after", "despace"], STRETCHED.as_bytes());
    assert!(
        stdout(&o).contains("并进，有效应对疫情带来的冲击和影\n"),
        "{}",
        stdout(&o)
    );
    let o = run(&["--skip", "despace"], STRETCHED.as_bytes());
    assert!(stdout(&o).contains("并 进"));
    let o = run(&["--explain"], STRETCHED.as_bytes());
    let e = stderr(&o);
    assert!(
        e.contains("despace stretched") && e.contains("rejoin"),
        "{e}"
    );
    let o = run(
        &["--explain", "--explain-format", "json"],
        STRETCHED.as_bytes(),
    );
    let first = stderr(&o).lines().next().unwrap().to_string();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert!(v["stage"].is_string() && v["rule"].is_string() && v["line"].is_number());
    let o = run(&["--format", "markdown"], "安仁集中招商\n湖南日报4月28日讯（记者 李四）安仁县举行招商签约活动，总投资达六十四亿元。\n".as_bytes());
    assert!(
        stdout(&o).starts_with("# 安仁集中招商\n\n湖南日报"),
        "{}",
        stdout(&o)
    );
    let o = run(&["--no-fold", "radicals"], "⼈类\n".as_bytes());
    assert_eq!(stdout(&o), "⼈类\n");
    let o = run(&["--skip", "nonsense"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn golden_check_and_bless() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    let golden = dir.path().join("golden");
    write(&inputs.join("x/a.txt"), STRETCHED);
    let golden_cmd = |verb: &str| {
        run(
            &[
                "golden",
                verb,
                inputs.to_str().unwrap(),
                golden.to_str().unwrap(),
            ],
            b"",
        )
    };
    let o = golden_cmd("check");
    assert_eq!(o.status.code(), Some(1), "missing golden is a mismatch");
    let o = golden_cmd("bless");
    assert!(o.status.success());
    assert_eq!(fs::read_to_string(golden.join("x/a.txt")).unwrap(), CLEANED);
    let o = golden_cmd("check");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    write(&golden.join("x/a.txt"), "something else\n");
    let o = golden_cmd("check");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("-something else"), "{}", stdout(&o));
}

#[test]
fn score_command() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.txt");
    let h = dir.path().join("h.txt");
    write(&t, "甲乙 丙丁\n戊己\n\n庚辛");
    write(&h, "甲乙丙丁戊己\n\n庚 辛壬");
    let o = run(
        &["score", t.to_str().unwrap(), h.to_str().unwrap(), "--json"],
        b"",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["cer"], 0.125);
    assert_eq!(v["para_f1"], 0.6667);
}

#[test]
fn output_is_a_fixed_point_unless_single_pass() {
    // Junk a single pass leaves unstable: a digit run that a joined line
    // puts after CJK reads as OCR-spread digits only on the next pass.
    let junk = "一\n0\u{a0}0a一aa ”";
    let once = stdout(&run(&[], junk.as_bytes()));
    assert_eq!(stdout(&run(&[], once.as_bytes())), once);
    let single = stdout(&run(&["--single-pass"], junk.as_bytes()));
    assert_ne!(stdout(&run(&["--single-pass"], single.as_bytes())), single);
    // --check after cleaning finds nothing to do.
    let o = run(&["--check"], once.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // On ordinary text the two agree.
    assert_eq!(
        stdout(&run(&["--single-pass"], STRETCHED.as_bytes())),
        CLEANED
    );
    assert_eq!(stdout(&run(&[], STRETCHED.as_bytes())), CLEANED);
}

#[test]
fn columns_side_by_side_are_read_one_after_the_other() {
    // pdftotext -layout: two columns of one paragraph on the same rows.
    let page = "\
Most of the meta-data concerning RAID          the kernel would be able to detect
volumes are saved directly on the disks        and reassemble the pairs properly
that make up these arrays, so that the         when the disks had been moved to
kernel can detect the arrays and their         a new server with the same names.
components and assemble them when the
system starts up. If the disks moved,
";
    let o = run(&[], page.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Most of the meta-data concerning RAID volumes are saved directly on the disks \
         that make up these arrays, so that the kernel can detect the arrays and their \
         components and assemble them when the system starts up. If the disks moved, \
         the kernel would be able to detect and reassemble the pairs properly when the \
         disks had been moved to a new server with the same names.\n"
    );
    // --keep-columns leaves the rows as they are: the columns interleave.
    let o = run(&["--keep-columns"], page.as_bytes());
    assert!(stdout(&o).contains("RAID the kernel"), "{}", stdout(&o));
}

/// The characters of `s` other than white space.
fn ink(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn jsonl_articles_have_their_fields_and_byte_ranges_point_at_the_input() {
    // Two headlines printed side by side as one line, each its article's
    // title; a headline beside its dateline; blank lines between articles.
    let input = "今冬鄱阳湖畔飞来的候鸟比往年\n多了三成，湖区的村民自发组成\n护鸟队，日夜巡护候鸟栖息的湖\n滩和草洲，让远方的客人安心过\n冬，迎接新春。\n（林晓 周平）\n湖畔候鸟迎新春 山村学堂添新书\n一批新书日前运抵山区，十几所\n山村学堂的图书室添了上千册新\n书，孩子们在课间捧着新书读得\n入神，山村学堂的老师说，这是\n孩子们最好的新年礼物。\n（陈明 刘芳）\n";
    let o = run(&["--format", "jsonl"], input.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    let arts: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(arts.len(), 2, "{out}");
    for (n, a) in arts.iter().enumerate() {
        assert_eq!(a["index"], n);
        assert_eq!(a["kind"], "article");
        for key in ["subtitle", "byline", "paragraphs", "units"] {
            assert!(a[key].is_array(), "{key}: {a}");
        }
        assert!(a["changes"].is_object(), "{a}");
        assert!(a["attribution"].is_string(), "{a}");
        for u in a["units"].as_array().unwrap() {
            let b = u["bytes"].as_array().unwrap();
            let (lo, hi) = (
                b[0].as_u64().unwrap() as usize,
                b[1].as_u64().unwrap() as usize,
            );
            // Every unit's range holds exactly its text (these lines need
            // no character repairs): the two titles each their own half of
            // the line they share.
            assert_eq!(ink(&input[lo..hi]), ink(u["text"].as_str().unwrap()), "{u}");
        }
    }
    assert_eq!(arts[0]["title"], "湖畔候鸟迎新春");
    assert_eq!(arts[1]["title"], "山村学堂添新书");
    assert_eq!(arts[1]["attribution"], "（陈明 刘芳）");
    // On the sample page every range lies within the input, starts and
    // ends on character boundaries, and begins with the unit's first
    // character or one that folds to it (radicals, full-width forms).
    let page = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/hunan-daily-2022-04-28.txt"),
    )
    .unwrap();
    let o = run(&["--format", "jsonl"], page.as_bytes());
    let mut units = 0;
    for l in stdout(&o).lines() {
        let a: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(a["title"].is_string() || a["kind"] != "article", "{a}");
        for u in a["units"].as_array().unwrap() {
            let b = u["bytes"].as_array().unwrap();
            let (lo, hi) = (
                b[0].as_u64().unwrap() as usize,
                b[1].as_u64().unwrap() as usize,
            );
            assert!(lo < hi && hi <= page.len(), "{u}");
            let slice = page.get(lo..hi).expect("ranges on character boundaries");
            let text = u["text"].as_str().unwrap();
            let first = slice.trim_start().chars().next().unwrap();
            let folded = stdout(&run(
                &["--stop-after", "normalize"],
                first.to_string().as_bytes(),
            ));
            assert_eq!(
                folded.trim().chars().next(),
                text.chars().next(),
                "{u} starts at {slice:?}"
            );
            units += 1;
        }
    }
    assert!(units > 50, "{units} units");
}
