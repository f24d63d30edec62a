//! The file engine: inputs, parallel cleaning, atomic writes, outcomes.
//!
//! Nothing here prints: every file gets a [`Report`], and the binary decides
//! what to say. One bad file never stops a batch, and no file is written
//! unless its content changed; writes go to a temporary file in the same
//! folder that is then renamed over the target, so an interrupted run leaves
//! every file either old or new.

use crate::config::Config;
use crate::encoding::{self, Encoding};
use rayon::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a file could not be cleaned.
#[derive(Debug, Error)]
pub enum Error {
    /// Reading, writing or walking failed.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said. Part of the message, not a separate
        /// `source()`, so that a printed error chain names it once.
        error: io::Error,
    },
    /// The bytes are not valid in the chosen encoding.
    #[error("{}: invalid {encoding} at byte {offset} (try --encoding auto, gb18030, big5, or --lossy)", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
        /// The encoding tried.
        encoding: &'static str,
    },
    /// A NUL byte in the first 8 KiB.
    #[error("{}: binary file (NUL byte in the first 8 KiB), skipped", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// Walking a folder found a problem (a symlink loop, say).
    #[error("{}: {message}", path.display())]
    Walk {
        /// Where.
        path: PathBuf,
        /// What.
        message: String,
    },
    /// The glob pattern does not parse.
    #[error("bad --glob pattern: {0}")]
    Glob(String),
}

/// How input files are read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Their encoding.
    pub encoding: Encoding,
    /// Replace invalid sequences instead of failing.
    pub lossy: bool,
}

/// One input file and its path relative to the folder it was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// Where it is.
    pub path: PathBuf,
    /// Its path below the folder named on the command line (the file name
    /// for a file named directly): the output mirrors it.
    pub rel: PathBuf,
}

/// Find the input files: files as given, folders walked for `glob` (matched
/// against file names), sorted, without anything inside `exclude` (an
/// output folder inside an input folder is not read back).
pub fn collect(paths: &[PathBuf], glob: &str, exclude: Option<&Path>) -> (Vec<Input>, Vec<Error>) {
    let matcher = match globset::Glob::new(glob) {
        Ok(g) => g.compile_matcher(),
        Err(e) => return (Vec::new(), vec![Error::Glob(e.to_string())]),
    };
    let exclude = exclude.and_then(|p| fs::canonicalize(p).ok());
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(m) => m,
            Err(error) => {
                errors.push(Error::Io {
                    path: root.clone(),
                    error,
                });
                continue;
            }
        };
        if !meta.is_dir() {
            let rel = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| root.clone());
            inputs.push(Input {
                path: root.clone(),
                rel,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let mut it = walker;
        while let Some(entry) = it.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let message = if e.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else {
                        e.to_string()
                    };
                    errors.push(Error::Walk { path, message });
                    continue;
                }
            };
            if let Some(ex) = &exclude
                && entry.file_type().is_dir()
                && fs::canonicalize(entry.path()).is_ok_and(|p| &p == ex)
            {
                it.skip_current_dir();
                continue;
            }
            if !entry.file_type().is_file() || !matcher.is_match(entry.file_name()) {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| entry.path().to_path_buf());
            inputs.push(Input {
                path: entry.path().to_path_buf(),
                rel,
            });
        }
    }
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.dedup_by(|a, b| a.path == b.path);
    (inputs, errors)
}

/// Decode bytes read from `path` (for errors) with `opts`.
pub fn decode(path: &Path, bytes: Vec<u8>, opts: &ReadOptions) -> Result<(String, usize), Error> {
    let utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let utf16 = matches!(opts.encoding, Encoding::Utf16Le | Encoding::Utf16Be)
        || (opts.encoding == Encoding::Auto && utf16_bom);
    if !utf16 && encoding::looks_binary(&bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    if opts.encoding == Encoding::Utf8 && !opts.lossy {
        // The common case: no copy.
        let body_start = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        return match String::from_utf8(bytes) {
            Ok(mut s) => {
                s.drain(..body_start);
                Ok((s, 0))
            }
            Err(e) => Err(Error::Decode {
                path: path.to_path_buf(),
                offset: e.utf8_error().valid_up_to(),
                encoding: "utf-8",
            }),
        };
    }
    match encoding::decode(&bytes, opts.encoding, opts.lossy) {
        Ok(d) => Ok((d.text.into_owned(), d.replaced)),
        Err(e) => Err(Error::Decode {
            path: path.to_path_buf(),
            offset: e.offset,
            encoding: e.encoding,
        }),
    }
}

/// Read and decode a file.
pub fn read(path: &Path, opts: &ReadOptions) -> Result<(String, usize), Error> {
    let bytes = fs::read(path).map_err(|error| Error::Io {
        path: path.to_path_buf(),
        error,
    })?;
    decode(path, bytes, opts)
}

/// Write `content` to `path` atomically: a temporary file in the same
/// folder, synced to disk when it replaces a file, given the old file's
/// permissions, renamed over it. With
/// `backup`, the old file is first copied to `path` + `backup`.
///
/// A target that exists and is no regular file (`-o /dev/null`, a FIFO, a
/// terminal) is written to as it is: a file renamed over it would replace
/// the device. A symbolic link stays: the file it leads to is replaced.
pub fn write_atomic(path: &Path, content: &[u8], backup: Option<&str>) -> Result<(), Error> {
    if special(path) {
        return write_direct(path, content);
    }
    let resolved = resolve(path);
    let path = resolved.as_path();
    let io_err = |error| Error::Io {
        path: path.to_path_buf(),
        error,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io_err)?;
    let old_meta = fs::metadata(path).ok();
    if let (Some(suffix), Some(_)) = (backup, &old_meta) {
        let mut b = path.as_os_str().to_owned();
        b.push(suffix);
        fs::copy(path, PathBuf::from(b)).map_err(io_err)?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".ocrclean-")
        .tempfile_in(&dir)
        .map_err(io_err)?;
    tmp.write_all(content).map_err(io_err)?;
    // On disk before the rename when it replaces a file: a crash then
    // leaves the old content or the new, never an empty file. A new file
    // replaces nothing, and the sync would cost a batch into a fresh
    // output folder some 15% of its time.
    if old_meta.is_some() {
        tmp.as_file().sync_all().map_err(io_err)?;
    }
    if let Some(meta) = old_meta {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(io_err)?;
    }
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

/// Does `path` exist as something other than a regular file or a folder
/// (a device, a FIFO, a socket), following symbolic links?
fn special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Write `content` into what `path` names as it is, without a temporary
/// file.
fn write_direct(path: &Path, content: &[u8]) -> Result<(), Error> {
    let io_err = |error| Error::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut f = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io_err)?;
    f.write_all(content).map_err(io_err)
}

/// The file a symbolic link leads to, so that the link stays; any other
/// path as it is (also a link that leads nowhere).
fn resolve(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Write `content` to `path` only when the file does not already hold it.
/// Returns whether it wrote.
pub fn write_if_changed(path: &Path, content: &[u8], backup: Option<&str>) -> Result<bool, Error> {
    // (A device or a FIFO is not read first: reading may block or never
    // end, `/dev/zero`.)
    if special(path) {
        write_direct(path, content)?;
        return Ok(true);
    }
    if fs::read(path).is_ok_and(|old| old == content) {
        return Ok(false);
    }
    write_atomic(path, content, backup)?;
    Ok(true)
}

/// What to do with each cleaned file.
#[derive(Clone, Debug)]
pub enum Action {
    /// Write it below this folder at its relative path.
    OutDir(PathBuf),
    /// Replace the input (only when changed), keeping a backup with this
    /// suffix if given.
    InPlace(Option<String>),
    /// Only tell whether it would change.
    Check,
    /// Produce a unified diff.
    Diff {
        /// Colour the diff.
        color: bool,
    },
}

/// What happened to one file.
#[derive(Debug)]
pub struct Report {
    /// The input.
    pub input: Input,
    /// Bytes read.
    pub bytes: usize,
    /// Changed (cleaning changes the text), or the error.
    pub result: Result<bool, Error>,
    /// The diff, for [`Action::Diff`].
    pub diff: String,
    /// Invalid sequences replaced (with `lossy`).
    pub replaced: usize,
}

/// Clean one input and act on it.
pub fn process(input: &Input, cfg: &Config, read_opts: &ReadOptions, action: &Action) -> Report {
    let mut report = Report {
        input: input.clone(),
        bytes: 0,
        result: Ok(false),
        diff: String::new(),
        replaced: 0,
    };
    let (text, replaced) = match read(&input.path, read_opts) {
        Ok(t) => t,
        Err(e) => {
            report.result = Err(e);
            return report;
        }
    };
    report.bytes = text.len();
    report.replaced = replaced;
    let source = input.path.to_string_lossy();
    let cleaned = crate::clean_source(&text, cfg, Some(&source));
    let changed = cleaned.text != text;
    report.result = match action {
        Action::OutDir(dir) => {
            let mut out = dir.join(&input.rel);
            if cfg.format == crate::Format::Jsonl {
                out.set_extension("jsonl");
            } else if cfg.format == crate::Format::Markdown {
                out.set_extension("md");
            }
            write_if_changed(&out, cleaned.text.as_bytes(), None).map(|_| changed)
        }
        Action::InPlace(backup) => {
            if changed {
                write_atomic(&input.path, cleaned.text.as_bytes(), backup.as_deref()).map(|_| true)
            } else {
                Ok(false)
            }
        }
        Action::Check => Ok(changed),
        Action::Diff { color } => {
            let name = input.path.display().to_string();
            report.diff = crate::diff::unified(&text, &cleaned.text, &name, &name, *color);
            Ok(changed)
        }
    };
    report
}

/// Clean all inputs on `jobs` threads (0: all cores). Reports come back in
/// input order whatever the number of threads.
pub fn run(
    inputs: &[Input],
    cfg: &Config,
    read_opts: &ReadOptions,
    action: &Action,
    jobs: usize,
    on_done: &(dyn Fn(&Report) + Sync),
) -> Vec<Report> {
    let work = || {
        inputs
            .par_iter()
            .map(|inp| {
                let r = process(inp, cfg, read_opts, action);
                on_done(&r);
                r
            })
            .collect()
    };
    match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_permissions_and_backup() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, b"new", Some(".bak")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(dir.path().join("a.txt.bak")).unwrap(),
            "old"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert!(!write_if_changed(&p, b"new", None).unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_links_stay_what_they_are() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        // A link: the file it leads to gets the text, the link stays.
        let target = dir.path().join("page.txt");
        let link = dir.path().join("link.txt");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_if_changed(&link, b"new", None).unwrap());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        // A device (`-o /dev/null`): written to, not replaced by a file. A
        // null device of the test's own where one can be made (as root).
        let null = dir.path().join("null");
        let made = std::process::Command::new("mknod")
            .args(["-m", "666"])
            .arg(&null)
            .args(["c", "1", "3"])
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert!(write_if_changed(&null, b"text", None).unwrap());
            write_atomic(&null, b"text", Some(".bak")).unwrap();
            assert!(fs::metadata(&null).unwrap().file_type().is_char_device());
            assert!(!dir.path().join("null.bak").exists());
        }
    }

    #[test]
    fn collect_mirrors_and_excludes() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("x/y")).unwrap();
        fs::create_dir_all(dir.path().join("out")).unwrap();
        fs::write(dir.path().join("x/y/b.txt"), "b").unwrap();
        fs::write(dir.path().join("x/a.txt"), "a").unwrap();
        fs::write(dir.path().join("x/c.md"), "c").unwrap();
        fs::write(dir.path().join("out/o.txt"), "o").unwrap();
        let (inputs, errors) = collect(
            &[dir.path().to_path_buf()],
            "*.txt",
            Some(&dir.path().join("out")),
        );
        assert!(errors.is_empty());
        let rels: Vec<_> = inputs
            .iter()
            .map(|i| i.rel.to_string_lossy().into_owned())
            .collect();
        assert_eq!(rels, ["x/a.txt", "x/y/b.txt"]);
    }
}
