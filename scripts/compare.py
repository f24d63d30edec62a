#!/usr/bin/env python3
"""Side-by-side comparison of ocrclean with its peers, on the same inputs.

For every tool it measures, in one run on this machine:

  1T MB/s   one big file (the project's corpora repeated to --mb MB),
            standard input to standard output, one process on one thread
            (ocrclean: -j 1);
  1 file    the same file with all cores (ocrclean cleans a large input's
            pieces in parallel; the peers are one-thread scripts);
  dir MB/s  a directory of 200 files with all cores (ocrclean: one process
            with -j N; the Python peers: one process per file, N at a time);
  1T dir    the same directory with one core, and the ratio of the two;
  peak MB   the peak resident memory of the one-thread one-file run, and
            its ratio to the input size;
  dev F1    space, paragraph and article F1 on the dev set (needs
            ../shared/bench; skipped without it).

Peers: the Python scripts in ../shared/bench/baselines (each needs its
package: rapidfuzz for the scorer, ftfy, unstructured, autocorrect-py) and
any peer CLI on PATH (autocorrect). A peer whose package is missing is
listed as such. Usage:

    cargo build --release
    python3 scripts/compare.py [--mb 20] [--files 200] [--shared ../shared]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus_text():
    parts = []
    # Real text only: the robust-* cases are fuzzer-made junk.
    for f in sorted(glob.glob(os.path.join(ROOT, "corpora", "*.txt"))):
        if os.path.basename(f).startswith("robust-"):
            continue
        with open(f, encoding="utf-8") as fh:
            parts.append(fh.read())
    return "\f".join(parts) + "\f"


def build_inputs(work, mb, files):
    one = corpus_text()
    big = os.path.join(work, "big.txt")
    n = max(1, (mb << 20) // len(one.encode()))
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(n):
            fh.write(one)
    d = os.path.join(work, "dir")
    os.makedirs(d)
    # (Rounded: the folder holds about as much as the one file.)
    per = max(1, (n + files // 2) // files)
    for i in range(files):
        with open(os.path.join(d, f"page{i:03}.txt"), "w", encoding="utf-8") as fh:
            fh.write(one * per)
    return big, d


def timed(cmd, stdin=None, timeout=600):
    """Run a shell command; (seconds, peak RSS in KB or None, ok)."""
    t = shutil.which("time") or "/usr/bin/time"
    full = [t, "-f", "%M", "sh", "-c", cmd]
    t0 = time.perf_counter()
    try:
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp:
            res = subprocess.run(full, stdin=inp, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, False
    dt = time.perf_counter() - t0
    last = res.stderr.decode(errors="replace").strip().splitlines()
    peak = int(last[-1]) if last and last[-1].isdigit() else None
    return dt, peak, res.returncode == 0


def dir_cmd(tool_cmd, d, out, jobs):
    return (f"cd {d} && ls | xargs -P {jobs} -I{{}} sh -c '{tool_cmd} < {{}} > {out}/{{}}'")


def dev_scores(shared, cmd):
    score = os.path.join(shared, "bench", "score.py")
    dev = os.path.join(shared, "bench", "dev")
    if not (os.path.exists(score) and os.path.isdir(dev)):
        return None
    res = subprocess.run([sys.executable, score, "--dir", dev, "--cmd", cmd, "--json"],
                         capture_output=True, timeout=1800)
    try:
        return json.loads(res.stdout.decode().strip().splitlines()[-1])["total"]
    except (ValueError, IndexError, KeyError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=20, help="size of the one-file input (MB)")
    ap.add_argument("--files", type=int, default=200, help="files in the directory input")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--timeout", type=int, default=600, help="seconds per run")
    ap.add_argument("--no-dev", action="store_true", help="skip the dev-set scores")
    args = ap.parse_args()

    exe = os.path.join(ROOT, "target", "release", "ocrclean")
    if not os.path.exists(exe):
        sys.exit("build first: cargo build --release")
    jobs = os.cpu_count() or 1
    tools = [("ocrclean", exe)]
    base = os.path.join(args.shared, "bench", "baselines")
    for name in ("regex_cjk", "simple_join", "ftfy_fix", "unstructured_clean", "autocorrect_fmt"):
        script = os.path.join(base, name + ".py")
        if os.path.exists(script):
            tools.append((name + ".py", f"{sys.executable} {script}"))
    if shutil.which("autocorrect"):
        tools.append(("autocorrect (CLI)", "autocorrect --stdin"))

    work = tempfile.mkdtemp(prefix="ocrclean-compare-")
    try:
        big, d = build_inputs(work, args.mb, args.files)
        size = os.path.getsize(big) / 1e6
        dsize = sum(os.path.getsize(p) for p in glob.glob(os.path.join(d, "*"))) / 1e6
        rows = []
        for name, cmd in tools:
            # A peer whose package is missing fails at once on empty input.
            probe = subprocess.run(cmd, shell=True, input=b"", capture_output=True)
            if probe.returncode != 0:
                rows.append((name, "not installed: " + probe.stderr.decode(errors="replace").strip().splitlines()[-1][:60]))
                continue
            one = f"{cmd} -j 1" if name == "ocrclean" else cmd
            dt, peak, ok = timed(one, stdin=big, timeout=args.timeout)
            dall = timed(cmd, stdin=big, timeout=args.timeout)[0] if name == "ocrclean" else None
            out = os.path.join(work, "out-" + name.split()[0])
            os.makedirs(out)
            if name == "ocrclean":
                dn, _, _ = timed(f"{exe} {d} -o {out} -j {jobs} --quiet", timeout=args.timeout)
                d1, _, _ = timed(f"{exe} {d} -o {out}1 -j 1 --quiet", timeout=args.timeout)
            else:
                dn, _, _ = timed(dir_cmd(cmd, d, out, jobs), timeout=args.timeout)
                os.makedirs(out + "1")
                d1, _, _ = timed(dir_cmd(cmd, d, out + "1", 1), timeout=args.timeout)
            scores = None if args.no_dev else dev_scores(args.shared, cmd)
            rows.append((name, dt, dall, peak, dn, d1, scores))
        print(f"inputs: one file of {size:.1f} MB; {args.files} files, {dsize:.1f} MB in all; "
              f"{jobs} cores; {time.strftime('%Y-%m-%d')}")
        print()
        print("| tool | 1T MB/s | 1 file, N cores MB/s | dir MB/s (N cores) | dir MB/s (1 core) | speed-up | peak MB | peak/input | space F1 | para F1 | article F1 | cer |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            if len(r) == 2:
                print(f"| {r[0]} | {r[1]} | | | | | | | | | | |")
                continue
            name, dt, dall, peak, dn, d1, sc = r
            f = lambda x, s: f"{s / x:.1f}" if x else "timeout"
            pk = f"{peak / 1024:.0f}" if peak else "?"
            ratio = f"{peak / 1024 / size:.1f}x" if peak else "?"
            up = f"{d1 / dn:.2f}x" if dn and d1 else "?"
            if sc:
                dev = f"{sc['space_f1']:.3f} | {sc['para_f1']:.3f} | {sc['article_f1']:.3f} | {sc['cer']:.4f}"
            else:
                dev = "| | |"
            alln = f(dall, size) if dall is not None else "—"
            print(f"| {name} | {f(dt, size)} | {alln} | {f(dn, dsize)} | {f(d1, dsize)} | {up} | {pk} | {ratio} | {dev} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
