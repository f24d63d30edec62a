//! The `ocrclean` command: arguments, reporting, exit codes. All the work is
//! in the library.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use ocrclean::batch::{self, Action, Input, ReadOptions, Report};
use ocrclean::encoding::Encoding;
use ocrclean::{CjkLatinSpace, Config, Dehyphenate, Fold, Folds, Format, Stage};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Clean the text that PDF extractors and OCR engines produce.
///
/// Reads standard input when no path (or `-`) is given and writes standard
/// output. Folders are walked for `--glob` files and cleaned in parallel.
#[derive(Parser, Debug)]
#[command(name = "ocrclean", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    clean: CleanArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score a cleaned text against a reference (the metric of FORMAT.md).
    Score(ScoreArgs),
    /// Pin cleaned outputs: `check` compares, `bless` writes.
    Golden {
        #[command(subcommand)]
        action: GoldenAction,
    },
}

#[derive(Subcommand, Debug)]
enum GoldenAction {
    /// Clean every input and compare with the file of the same relative path
    /// under GOLDEN; print diffs; exit 1 on any mismatch.
    Check(GoldenArgs),
    /// Clean every input and write the result under GOLDEN.
    Bless(GoldenArgs),
}

#[derive(Args, Debug)]
struct GoldenArgs {
    /// Input file or folder.
    inputs: PathBuf,
    /// Folder of golden outputs.
    golden: PathBuf,
    #[command(flatten)]
    opts: PipelineArgs,
    /// Glob of input files inside folders.
    #[arg(long, default_value = "*.txt")]
    glob: String,
}

#[derive(Args, Debug)]
struct ScoreArgs {
    /// The reference text (with --dir: unused).
    reference: Option<PathBuf>,
    /// The cleaned text (`-`: standard input).
    cleaned: Option<PathBuf>,
    /// A folder of case folders, each with truth.txt and input.*.txt.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// With --dir: a shell command to clean each input (stdin to stdout);
    /// default: ocrclean itself, in process; `raw`: the inputs untouched.
    #[arg(long)]
    cmd: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug, Clone)]
struct PipelineArgs {
    /// Do not run this stage (repeatable).
    #[arg(long, value_name = "STAGE")]
    skip: Vec<Stage>,
    /// Stop after this stage and print the text as it stands.
    #[arg(long, value_name = "STAGE")]
    stop_after: Option<Stage>,
    /// Turn off a character fold of the normalize stage (repeatable):
    /// radicals, fullwidth-ascii, cjk-punct, dashes, ligatures, invisible,
    /// spaces, controls, nfc.
    #[arg(long, value_name = "NAME")]
    no_fold: Vec<Fold>,
    /// Spaces between CJK and digits/Latin.
    #[arg(long, value_name = "MODE", default_value = "auto", value_parser = parse_conv)]
    cjk_latin_space: CjkLatinSpace,
    /// Latin words hyphenated at line ends.
    #[arg(long, value_name = "MODE", default_value = "safe", value_parser = parse_dehyph)]
    dehyphenate: Dehyphenate,
    /// Output format: text, markdown, jsonl.
    #[arg(long, default_value = "text", value_parser = parse_format)]
    format: Format,
    /// Input encoding: utf-8, auto, gb18030, big5, utf-16le, utf-16be.
    #[arg(long, default_value = "utf-8", value_parser = parse_encoding)]
    encoding: Encoding,
    /// Replace invalid byte sequences with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,
    /// One pass of the pipeline only: about a quarter faster, but cleaning
    /// the output again may change it (by default the output is a fixed
    /// point).
    #[arg(long)]
    single_pass: bool,
    /// Leave columns printed side by side (`pdftotext -layout`) as they
    /// are; by default each page's columns are read one after the other,
    /// and an attribution printed inside the next column's dateline is
    /// put back before it.
    #[arg(long)]
    keep_columns: bool,
    /// Clean text output of large inputs in pieces of about this many
    /// bytes (cut at page breaks or blank lines), which keeps memory a
    /// small multiple of the input; 0 cleans every input whole.
    #[arg(long, value_name = "BYTES", default_value_t = ocrclean::CHUNK_BYTES)]
    chunk_size: usize,
}

fn parse_conv(s: &str) -> Result<CjkLatinSpace, String> {
    s.parse()
}
fn parse_dehyph(s: &str) -> Result<Dehyphenate, String> {
    s.parse()
}
fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}
fn parse_encoding(s: &str) -> Result<Encoding, String> {
    s.parse()
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
struct CleanArgs {
    /// Files or folders; none or `-` for standard input.
    paths: Vec<PathBuf>,
    /// Output file (one input) or folder (several inputs, folders).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Rewrite the inputs (atomically, only when changed).
    #[arg(long, conflicts_with_all = ["output", "check", "diff"])]
    in_place: bool,
    /// With --in-place: keep the original as PATH + SUFFIX.
    #[arg(long, value_name = "SUFFIX", requires = "in_place")]
    backup: Option<String>,
    /// Exit 1 and list the files that cleaning would change.
    #[arg(long, conflicts_with = "diff")]
    check: bool,
    /// Print a unified diff of input vs cleaned; exit 1 when any.
    #[arg(long)]
    diff: bool,
    /// Colour in diffs.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Glob of input files inside folders.
    #[arg(long, default_value = "*.txt")]
    glob: String,
    /// Threads (default: all cores): files of a folder cleaned in parallel,
    /// and the pieces of a large input.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Print every decision (stage, rule, line, evidence) on stderr.
    #[arg(long)]
    explain: bool,
    /// Format of --explain output.
    #[arg(long, value_enum, default_value = "text")]
    explain_format: ExplainFormat,
    /// No summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

impl PipelineArgs {
    fn config(&self, explain: bool) -> Config {
        let mut folds = Folds::default();
        for f in &self.no_fold {
            folds = folds.without(*f);
        }
        Config {
            skip: self.skip.clone(),
            stop_after: self.stop_after,
            explain,
            folds,
            cjk_latin_space: self.cjk_latin_space,
            dehyphenate: self.dehyphenate,
            format: self.format,
            single_pass: self.single_pass,
            columns: !self.keep_columns,
            chunk_bytes: self.chunk_size,
        }
    }

    fn read_opts(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            lossy: self.lossy,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Score(a)) => score(a),
        Some(Command::Golden { action }) => golden(action),
        None => clean(cli.clean),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("ocrclean: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn write_stdout(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn print_explain(decisions: &[ocrclean::Decision], format: ExplainFormat, source: &str) {
    let mut err = io::stderr().lock();
    for d in decisions {
        let _ = match format {
            ExplainFormat::Text => writeln!(
                err,
                "{source}:{}: {} {}: {}",
                d.line, d.stage, d.rule, d.evidence
            ),
            ExplainFormat::Json => {
                let v = serde_json::json!({"source": source, "stage": d.stage, "rule": d.rule, "line": d.line, "evidence": d.evidence});
                writeln!(err, "{v}")
            }
        };
    }
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Run `f` on a pool of `jobs` threads (0: all cores): a large input's
/// pieces are cleaned in parallel on it.
fn with_jobs<T: Send>(jobs: usize, f: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}

/// Clean `text` with its output written to standard output piece by piece
/// as it is made: a large input's output is never held whole beside it.
fn clean_to_stdout(
    text: &str,
    cfg: &ocrclean::Config,
    source: Option<&str>,
    jobs: usize,
) -> Result<ocrclean::Cleaned> {
    let mut failed: Option<io::Error> = None;
    let out = with_jobs(jobs, || {
        let stdout = io::stdout();
        ocrclean::clean_source_into(text, cfg, source, &mut |s| {
            if failed.is_none()
                && let Err(e) = stdout.lock().write_all(s.as_bytes())
            {
                failed = Some(e);
            }
        })
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    io::stdout().lock().flush()?;
    Ok(out)
}

fn clean(a: CleanArgs) -> Result<u8> {
    let cfg = a.pipeline.config(a.explain);
    let read_opts = a.pipeline.read_opts();
    let stdin_only = a.paths.is_empty() || (a.paths.len() == 1 && a.paths[0] == Path::new("-"));
    if stdin_only {
        if a.in_place {
            bail!("--in-place needs files, not standard input");
        }
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        let (text, replaced) = batch::decode(Path::new("<stdin>"), bytes, &read_opts)?;
        if replaced > 0 && !a.quiet {
            eprintln!("ocrclean: <stdin>: {replaced} invalid sequences replaced with U+FFFD");
        }
        if !a.check && !a.diff && a.output.is_none() {
            let out = clean_to_stdout(&text, &cfg, None, a.jobs)?;
            if a.explain {
                print_explain(&out.decisions, a.explain_format, "<stdin>");
            }
            return Ok(0);
        }
        let out = with_jobs(a.jobs, || ocrclean::clean_source(&text, &cfg, None));
        if a.explain {
            print_explain(&out.decisions, a.explain_format, "<stdin>");
        }
        let changed = out.text != text;
        if a.check {
            if changed {
                println!("<stdin>");
            }
            return Ok(u8::from(changed));
        }
        if a.diff {
            write_stdout(&ocrclean::diff::unified(
                &text,
                &out.text,
                "<stdin>",
                "<stdin>",
                use_color(a.color),
            ))?;
            return Ok(u8::from(changed));
        }
        match &a.output {
            Some(p) => {
                batch::write_if_changed(p, out.text.as_bytes(), None)?;
            }
            None => write_stdout(&out.text)?,
        }
        return Ok(0);
    }
    if a.paths.iter().any(|p| p == Path::new("-")) {
        bail!("`-` (standard input) cannot be mixed with paths");
    }
    let single_file = a.paths.len() == 1 && !a.paths[0].is_dir();
    if single_file
        && !a.in_place
        && !a.check
        && !a.diff
        && !a.output.as_ref().is_some_and(|o| o.is_dir())
    {
        // One file: to stdout or to -o FILE.
        let path = &a.paths[0];
        let (text, replaced) = batch::read(path, &read_opts)?;
        if replaced > 0 && !a.quiet {
            eprintln!(
                "ocrclean: {}: {replaced} invalid sequences replaced with U+FFFD",
                path.display()
            );
        }
        let source = path.to_string_lossy();
        if a.output.is_none() {
            let out = clean_to_stdout(&text, &cfg, Some(&source), a.jobs)?;
            if a.explain {
                print_explain(&out.decisions, a.explain_format, &source);
            }
            return Ok(0);
        }
        let out = with_jobs(a.jobs, || {
            ocrclean::clean_source(&text, &cfg, Some(&source))
        });
        if a.explain {
            print_explain(&out.decisions, a.explain_format, &source);
        }
        match &a.output {
            Some(p) => {
                batch::write_if_changed(p, out.text.as_bytes(), None)?;
            }
            None => write_stdout(&out.text)?,
        }
        return Ok(0);
    }
    let action = if a.in_place {
        Action::InPlace(a.backup.clone())
    } else if a.check {
        Action::Check
    } else if a.diff {
        Action::Diff {
            color: use_color(a.color),
        }
    } else if let Some(o) = &a.output {
        Action::OutDir(o.clone())
    } else {
        bail!("several inputs or a folder need -o OUTDIR, --in-place, --check or --diff");
    };
    let exclude = match &action {
        Action::OutDir(o) => Some(o.as_path()),
        _ => None,
    };
    let started = Instant::now();
    let (inputs, walk_errors) = batch::collect(&a.paths, &a.glob, exclude);
    for e in &walk_errors {
        eprintln!("ocrclean: {e}");
    }
    let bar = (io::stderr().is_terminal() && inputs.len() > 1 && !a.quiet).then(|| {
        let b = ProgressBar::new(inputs.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    });
    let tick = |_: &Report| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let explain_cfg = cfg.clone();
    let reports = batch::run(&inputs, &explain_cfg, &read_opts, &action, a.jobs, &tick);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let mut failed = walk_errors.len();
    let mut changed = 0;
    let mut bytes = 0;
    let mut out = io::stdout().lock();
    for r in &reports {
        bytes += r.bytes;
        match &r.result {
            Ok(ch) => {
                if *ch {
                    changed += 1;
                    match &action {
                        Action::Check => writeln!(out, "{}", r.input.path.display())?,
                        Action::Diff { .. } => out.write_all(r.diff.as_bytes())?,
                        _ => {}
                    }
                }
                if r.replaced > 0 && !a.quiet {
                    eprintln!(
                        "ocrclean: {}: {} invalid sequences replaced with U+FFFD",
                        r.input.path.display(),
                        r.replaced
                    );
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("ocrclean: {e}");
            }
        }
        if a.explain {
            explain_file(&r.input, &cfg, &read_opts, a.explain_format);
        }
    }
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    if !a.quiet {
        let verb = match action {
            Action::Check | Action::Diff { .. } => "would change",
            _ => "changed",
        };
        eprintln!(
            "ocrclean: {} files, {} bytes, {changed} {verb}, {failed} failed, {:.2}s, {:.1} MB/s",
            reports.len(),
            bytes,
            secs,
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 {
        2
    } else if changed > 0 && matches!(action, Action::Check | Action::Diff { .. }) {
        1
    } else {
        0
    })
}

/// With --explain in batch mode, decisions are printed file by file, in
/// input order, after the batch (so they do not interleave).
fn explain_file(input: &Input, cfg: &Config, read_opts: &ReadOptions, format: ExplainFormat) {
    if let Ok((text, _)) = batch::read(&input.path, read_opts) {
        let source = input.path.to_string_lossy();
        let out = ocrclean::clean_source(&text, cfg, Some(&source));
        print_explain(&out.decisions, format, &source);
    }
}

fn golden(action: GoldenAction) -> Result<u8> {
    let (args, bless) = match action {
        GoldenAction::Check(a) => (a, false),
        GoldenAction::Bless(a) => (a, true),
    };
    let cfg = args.opts.config(false);
    let read_opts = args.opts.read_opts();
    let (inputs, errors) = batch::collect(
        std::slice::from_ref(&args.inputs),
        &args.glob,
        Some(&args.golden),
    );
    let mut failed = errors.len();
    for e in &errors {
        eprintln!("ocrclean: {e}");
    }
    let mut mismatched = 0;
    let color = use_color(Color::Auto);
    let mut out = io::stdout().lock();
    for inp in &inputs {
        let text = match batch::read(&inp.path, &read_opts) {
            Ok((t, _)) => t,
            Err(e) => {
                eprintln!("ocrclean: {e}");
                failed += 1;
                continue;
            }
        };
        let cleaned = ocrclean::clean(&text, &cfg).text;
        let gpath = args.golden.join(&inp.rel);
        if bless {
            match batch::write_if_changed(&gpath, cleaned.as_bytes(), None) {
                Ok(true) => writeln!(out, "blessed {}", gpath.display())?,
                Ok(false) => {}
                Err(e) => {
                    eprintln!("ocrclean: {e}");
                    failed += 1;
                }
            }
            continue;
        }
        let want = std::fs::read_to_string(&gpath).unwrap_or_default();
        if !gpath.exists() {
            writeln!(
                out,
                "missing golden {} for {}",
                gpath.display(),
                inp.path.display()
            )?;
            mismatched += 1;
        } else if want != cleaned {
            mismatched += 1;
            out.write_all(
                ocrclean::diff::unified(
                    &want,
                    &cleaned,
                    &gpath.display().to_string(),
                    &format!("cleaned {}", inp.path.display()),
                    color,
                )
                .as_bytes(),
            )?;
        }
    }
    if !bless {
        eprintln!(
            "ocrclean golden: {} inputs, {mismatched} mismatched, {failed} failed",
            inputs.len()
        );
    }
    Ok(if failed > 0 {
        2
    } else if mismatched > 0 {
        1
    } else {
        0
    })
}

fn score(a: ScoreArgs) -> Result<u8> {
    if let Some(dir) = &a.dir {
        return score_dir(dir, a.cmd.as_deref(), a.json);
    }
    let (Some(r), Some(c)) = (&a.reference, &a.cleaned) else {
        bail!("give REFERENCE and CLEANED, or --dir DIR");
    };
    let truth = std::fs::read_to_string(r).with_context(|| format!("{}", r.display()))?;
    let hyp = if c == Path::new("-") {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s)?;
        s
    } else {
        std::fs::read_to_string(c).with_context(|| format!("{}", c.display()))?
    };
    let rep = ocrclean::score::score(&truth, &hyp).report();
    if a.json {
        println!("{}", serde_json::to_string(&rep)?);
    } else {
        print_table(&[("file".to_string(), rep)]);
    }
    Ok(0)
}

fn print_table(rows: &[(String, ocrclean::score::Report)]) {
    println!(
        "{:<16}{:>10}{:>10}{:>10}{:>10}{:>11}{:>11}",
        "input", "cer", "gap_acc", "space_f1", "para_f1", "article_f1", "ref_chars"
    );
    for (k, r) in rows {
        println!(
            "{:<16}{:>10}{:>10}{:>10}{:>10}{:>11}{:>11}",
            k, r.cer, r.gap_acc, r.space_f1, r.para_f1, r.article_f1, r.ref_chars
        );
    }
}

fn score_dir(dir: &Path, cmd: Option<&str>, json: bool) -> Result<u8> {
    use std::collections::BTreeMap;
    let mut per: BTreeMap<String, ocrclean::score::Counts> = BTreeMap::new();
    let mut total = ocrclean::score::Counts::default();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("truth.txt").is_file())
        .collect();
    cases.sort();
    let cfg = Config::default();
    for case in cases {
        let truth = std::fs::read_to_string(case.join("truth.txt"))?;
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&case)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("input.") && n.ends_with(".txt"))
            })
            .collect();
        inputs.sort();
        for inp in inputs {
            let name = inp.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let kind = name["input.".len()..name.len() - ".txt".len()].to_string();
            let data = std::fs::read_to_string(&inp)?;
            let hyp = match cmd {
                None => ocrclean::clean(&data, &cfg).text,
                Some("raw") => data,
                Some(c) => run_cmd(c, &data)?,
            };
            let c = ocrclean::score::score(&truth, &hyp);
            per.entry(kind).or_default().add(&c);
            total.add(&c);
        }
    }
    if json {
        let by: BTreeMap<_, _> = per.iter().map(|(k, v)| (k.clone(), v.report())).collect();
        println!(
            "{}",
            serde_json::json!({"total": total.report(), "by_input": by})
        );
    } else {
        let mut rows: Vec<_> = per.iter().map(|(k, v)| (k.clone(), v.report())).collect();
        rows.push(("TOTAL".to_string(), total.report()));
        print_table(&rows);
    }
    Ok(0)
}

fn run_cmd(cmd: &str, input: &str) -> Result<String> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {cmd}"))?;
    let mut stdin = child.stdin.take().context("stdin")?;
    let data = input.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output()?;
    let _ = writer.join();
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
