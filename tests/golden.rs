//! Golden tests: every `corpora/<case>.txt` cleaned with the default
//! configuration must equal `golden/<case>.txt`, and cleaning the output a
//! second time must change nothing.
//!
//! `SNAPSHOTS=overwrite cargo test --test golden` rewrites the goldens
//! (refused when `CI` is set); review them with `git diff golden/`.

use ocrclean::{Config, clean, diff};
use std::fs;
use std::path::{Path, PathBuf};

mod common;

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn corpora_match_goldens_and_are_stable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpora = root.join("corpora");
    let golden = root.join("golden");
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    if overwrite && std::env::var_os("CI").is_some() {
        panic!(
            "SNAPSHOTS=overwrite is refused when CI is set: bless goldens locally and commit them"
        );
    }
    let cfg = Config::default();
    let mut failures = Vec::new();
    let inputs = cases(&corpora);
    assert!(
        inputs.len() >= 20,
        "the corpora hold at least one case per artifact"
    );
    for input in &inputs {
        let name = input.file_name().unwrap();
        let text = fs::read_to_string(input).unwrap();
        let out = clean(&text, &cfg).text;
        let again = clean(&out, &cfg).text;
        if again != out {
            failures.push(format!(
                "{}: cleaning the output again changes it\n{}",
                name.to_string_lossy(),
                diff::unified(&out, &again, "first pass", "second pass", false)
            ));
        }
        let gpath = golden.join(name);
        if overwrite {
            fs::create_dir_all(&golden).unwrap();
            if fs::read_to_string(&gpath).ok().as_deref() != Some(out.as_str()) {
                fs::write(&gpath, &out).unwrap();
                eprintln!("blessed {}", gpath.display());
            }
            continue;
        }
        match fs::read_to_string(&gpath) {
            Ok(want) if want == out => {}
            Ok(want) => failures.push(diff::unified(
                &want,
                &out,
                &format!("golden/{}", name.to_string_lossy()),
                &format!("cleaned corpora/{}", name.to_string_lossy()),
                false,
            )),
            Err(_) => failures.push(format!(
                "golden/{} is missing (bless with SNAPSHOTS=overwrite)",
                name.to_string_lossy()
            )),
        }
    }
    // Nothing lost on any corpus.
    for input in &inputs {
        if let Err(e) = common::nothing_lost(&fs::read_to_string(input).unwrap()) {
            failures.push(format!("{}: {e}", input.display()));
        }
    }
    // A golden without its corpus file is stale.
    for g in cases(&golden) {
        if !corpora.join(g.file_name().unwrap()).exists() {
            failures.push(format!("{} has no corpus file", g.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden failure(s):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
