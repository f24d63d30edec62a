//! Columns printed side by side: the reading order of a layout-preserving
//! extraction (`pdftotext -layout`, `mutool draw -F txt` with layout) is
//! restored before the text is parsed.
//!
//! Such an extractor writes every row of the page as one line, so the lines
//! of neighbouring columns (and of neighbouring articles) stand on one line
//! with a run of spaces between them. The page is cut the way a reader reads
//! it (a recursive XY cut on the grid of characters): at rows that are empty
//! across the region, at gutters (character positions that are empty in
//! every row of the region), and, where a headline or a wide line runs over
//! a gutter, above and below that line. Each region is written top to
//! bottom, the columns of a region left to right.
//!
//! Only pages that look like such output are touched: several rows with a
//! wide run of spaces between text, most of them at a shared gutter. A page
//! without one is returned as it is. Columns of CJK text that the extractor
//! set a single space apart, a cell or two off from row to row, are found by
//! where their runs of text start (`by_column_starts`); a table is read
//! row by row.
//!
//! pdftotext without `-layout` reads column by column but writes the first
//! rows of neighbouring columns as one line: those pieces go back to the
//! tops of their columns (`unmerge_first_rows`).
//!
//! OCR (tesseract) writes the rows of narrow columns as one line too, the
//! gutters runs of spaces or rules read as `|`, at positions that drift
//! from row to row: its runs of such rows are read by their cells
//! (`ocr_rows`).

use std::borrow::Cow;

/// Spaces between two columns at the least (pdftotext puts at least two).
const MIN_GUTTER: usize = 2;
/// Rows a region must have before it is cut into columns: two rows of
/// justified text can share a wide word space by chance.
const MIN_ROWS: usize = 3;
/// Characters a column of Latin text is wide at the least (a narrow
/// newspaper column holds some 18).
const MIN_LATIN_COLUMN: usize = 16;
/// Characters a column's rows hold on average at the least: fewer are
/// a table's cells.
const MIN_PROSE_ROW: usize = 5;
/// Characters in a row of a page, at the most.
const MAX_ROW: usize = 1000;

/// The text with the columns of every page that has them written one
/// after the other, and how many pages were reordered.
pub fn reorder(input: &str) -> (Cow<'_, str>, usize) {
    let wide_gaps = input.contains("   ");
    let cells = wide_gaps || may_have_cells(input);
    if !cells && !input.contains(' ') {
        return (Cow::Borrowed(input), 0);
    }
    let mut out = String::with_capacity(input.len());
    let mut pages = 0;
    for (n, page) in input.split('\x0c').enumerate() {
        if n > 0 {
            out.push('\x0c');
        }
        let reordered = if wide_gaps { reorder_page(page) } else { None };
        let reordered = reordered
            .or_else(|| unmerge_first_rows(page))
            .or_else(|| if cells { ocr_rows(page) } else { None });
        match reordered {
            Some(p) => {
                out.push_str(&p);
                pages += 1;
            }
            None => out.push_str(page),
        }
    }
    if pages == 0 {
        (Cow::Borrowed(input), 0)
    } else {
        (Cow::Owned(out), pages)
    }
}

/// Rows at least of a run of rows read across columns.
const MIN_CELL_ROWS: usize = 3;
/// Characters a cell of such rows holds on average at the least (a column
/// of prose; a table's cells are shorter).
const MIN_CELL_CHARS: usize = 5;

/// An OCR engine (tesseract) that takes the rows of neighbouring columns
/// for one line writes them as one, the gutter a run of spaces or the rule
/// between the columns read as `|` (`本报平壤1月1日电    论，号召新的一年
/// 国总统…`, `据了解，目前铁路客 “| 干线进行提速改造，力争。 | …`). Its
/// positions drift by a few cells from row to row, so no gutter is empty
/// on every row: the cells are what is left. In a run of such rows the
/// columns are as many as most rows have cells; three rows or more in a
/// row with as many cells (or more: a stray mark read apart), cells of
/// prose, are read column by column, each cell going to the column whose
/// start is nearest to its own. A row with fewer cells stays as it is:
/// OCR writes no spaces before a row's first cell, so which columns its
/// cells are in is unknown.
fn ocr_rows(page: &str) -> Option<String> {
    // Most pages have no three lines in a row with a gutter: they leave at
    // once.
    if !may_have_cells(page) {
        return None;
    }
    let mut run = 0;
    let found = page.split('\n').any(|l| {
        run = if may_have_cells(l) { run + 1 } else { 0 };
        run >= MIN_CELL_ROWS
    });
    if !found {
        return None;
    }
    let lines: Vec<&str> = page.split('\n').collect();
    let rows: Vec<Vec<(usize, &str)>> = lines.iter().map(|l| cells(l)).collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut changed = false;
    let mut k = 0;
    while k < lines.len() {
        let mut end = k;
        while end < lines.len() && rows[end].len() >= 2 {
            end += 1;
        }
        if end == k {
            out.push(lines[k].to_string());
            k += 1;
            continue;
        }
        // The columns: the most common count of cells (the larger of two
        // as common).
        let run = &rows[k..end];
        let count = |n: usize| run.iter().filter(|r| r.len() == n).count();
        let n = run
            .iter()
            .map(Vec::len)
            .max_by_key(|&n| (count(n), n))
            .unwrap_or(2);
        let mut j = k;
        while j < end {
            let mut e = j;
            while e < end && rows[e].len() >= n {
                e += 1;
            }
            match read_cells(&rows[j..e], n) {
                Some(read) => {
                    out.extend(read);
                    changed = true;
                }
                None => out.extend(lines[j..e].iter().map(|l| (*l).to_string())),
            }
            if e < end {
                out.push(lines[e].to_string());
            }
            j = e + 1;
        }
        k = end;
    }
    changed.then(|| out.join("\n"))
}

/// A block of rows of `n` cells or more, column by column, if it is one:
/// enough rows, cells of prose, two rows at least with `n` cells. (A row
/// with more has a stray mark read as a cell of its own, or a column's
/// words apart: those go to their nearest column with the cell before.)
fn read_cells(rows: &[Vec<(usize, &str)>], n: usize) -> Option<Vec<String>> {
    let full: Vec<&Vec<(usize, &str)>> = rows.iter().filter(|r| r.len() == n).collect();
    let (all, chars) = rows.iter().flatten().fold((0, 0), |(a, c), (_, t)| {
        (a + 1, c + t.chars().filter(|c| !c.is_whitespace()).count())
    });
    if rows.len() < MIN_CELL_ROWS || full.len() < 2 || chars < MIN_CELL_CHARS * all {
        return None;
    }
    let starts: Vec<usize> = (0..n)
        .map(|c| full.iter().map(|r| r[c].0).sum::<usize>() / full.len())
        .collect();
    // Columns are as wide as a few cells of prose, and the rows with a
    // cell in each start them within a third of that of each other: cells
    // that fall anywhere are scraps of a picture or of a table.
    let pitch = (starts[n - 1] - starts[0]) / (n - 1);
    if pitch < 2 * MIN_CELL_CHARS
        || full
            .iter()
            .any(|r| (0..n).any(|c| 3 * r[c].0.abs_diff(starts[c]) > pitch))
    {
        return None;
    }
    // Lines of prose fill their column, less the gutter and a paragraph's
    // last line now and then; a table's cells mostly fall short.
    let mut widths: Vec<usize> = rows
        .iter()
        .flatten()
        .map(|(_, t)| crate::chars::width(t))
        .collect();
    widths.sort_unstable();
    if 3 * widths[widths.len() / 2] < 2 * pitch {
        return None;
    }
    // And a newspaper's columns are as wide as each other: a table or a
    // list of terms and their definitions has a narrow column beside a
    // wide one.
    let medians: Vec<usize> = (0..n)
        .map(|c| {
            let mut w: Vec<usize> = full.iter().map(|r| crate::chars::width(r[c].1)).collect();
            w.sort_unstable();
            w[w.len() / 2]
        })
        .collect();
    let (lo, hi) = (medians.iter().min()?, medians.iter().max()?);
    if 2 * hi > 3 * lo {
        return None;
    }
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); n];
    for row in rows {
        let mut next: usize = 0;
        for (j, &(at, text)) in row.iter().enumerate() {
            // The nearest column that leaves room for the cells after it
            // (in a row of more cells than columns, any from the last).
            let (first, last) = if row.len() > n {
                (next.saturating_sub(1), n - 1)
            } else {
                (next, n - (row.len() - j))
            };
            let c = (first..=last).min_by_key(|&c| starts[c].abs_diff(at))?;
            if c + 1 == next
                && let Some(prev) = columns[c].last_mut()
            {
                prev.push(' ');
                prev.push_str(text);
                continue;
            }
            columns[c].push(text.to_string());
            next = c + 1;
        }
    }
    Some(columns.into_iter().flatten().collect())
}

/// Could the line hold two cells: a run of spaces, a tab or a rule in it.
fn may_have_cells(line: &str) -> bool {
    line.contains("  ") || line.contains('|') || line.contains('\t') || line.contains('｜')
}

/// The cells of an OCR line: its text between runs of two spaces or more
/// (or a tab) and vertical rules read as `|`, with where each starts in
/// display cells. A quote mark before a rule is the rule's top, read apart
/// (`据俄通社一塔斯社报 “|`).
fn cells(line: &str) -> Vec<(usize, &str)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if !may_have_cells(line) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |s: usize, at: usize, e: usize, rule: bool| {
        let mut t = line[s..e].trim_end();
        if rule
            && let Some(r) = t.strip_suffix(['“', '"'])
            && (r.ends_with(char::is_whitespace) || r.is_empty())
        {
            t = r.trim_end();
        }
        if !t.is_empty() {
            out.push((at, t));
        }
    };
    let mut start: Option<(usize, usize)> = None; // byte, display cell
    let mut pos = 0;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let w = crate::chars::char_width(c);
        if c == '|' || c == '｜' {
            if let Some((s, at)) = start.take() {
                push(s, at, i, true);
            }
        } else if c == '\t' || (c == ' ' && it.peek().is_some_and(|&(_, d)| d == ' ' || d == '\t'))
        {
            if let Some((s, at)) = start.take() {
                push(s, at, i, false);
            }
        } else if !c.is_whitespace() && start.is_none() {
            start = Some((i, pos));
        }
        pos += if c == '\t' { 8 - pos % 8 } else { w };
    }
    if let Some((s, at)) = start {
        push(s, at, line.len(), false);
    }
    out
}

/// pdftotext (without `-layout`) reads a page column by column, blocks
/// apart, but writes the first rows of neighbouring columns that share a
/// baseline as one line, a space between them: `新世纪的第一天，记者在…布
/// 西藏自治区党委书记…他说： 京市与江苏省的…一年一个`. Each piece as wide as
/// the column goes back to the top of its column: the first stays, the
/// others open the blocks that follow, in order.
fn unmerge_first_rows(page: &str) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut changed = false;
    let mut i = 0;
    // Most pages have no such line: they are left at once, when no space
    // stands between two wide characters, or no line is such a row.
    let b = page.as_bytes();
    let wide_space = page
        .match_indices(' ')
        .any(|(i, _)| i > 0 && b[i - 1] >= 0x80 && b.get(i + 1).is_some_and(|&x| x >= 0xE0));
    if !wide_space || !page.split('\n').any(|l| merged_row(l).is_some()) {
        return None;
    }
    loop {
        let source: Vec<&str> = if changed {
            lines.iter().map(String::as_str).collect()
        } else {
            page.split('\n').collect()
        };
        let Some((at, pieces, starts)) = (i..source.len()).find_map(|k| {
            let (pieces, width) = merged_row(source[k])?;
            let starts = block_starts(&source, k, pieces.len(), width)?;
            Some((k, pieces, starts))
        }) else {
            break;
        };
        let mut next: Vec<String> = Vec::with_capacity(source.len() + pieces.len());
        let mut pieces = pieces.into_iter();
        for (k, line) in source.iter().enumerate() {
            if k == at {
                next.push(pieces.next().unwrap_or_default());
                continue;
            }
            if starts.contains(&k) {
                next.push(pieces.next().unwrap_or_default());
            }
            next.push((*line).to_string());
        }
        lines = next;
        changed = true;
        i = at + 1;
    }
    changed.then(|| lines.join("\n"))
}

/// The pieces of a line made of two to six runs of wide characters as wide
/// as each other (within a character), single spaces between them, and
/// the widest piece's display width.
fn merged_row(line: &str) -> Option<(Vec<String>, usize)> {
    // Two pieces of eight wide characters at least: 48 bytes and more, a
    // space between (most lines are turned away here).
    if line.len() < 48 || !line.contains(' ') {
        return None;
    }
    let t = line.trim_end_matches('\r').trim();
    if t.contains("  ") {
        return None;
    }
    // Each piece measured as it comes: a line stretched by spaces fails
    // at its first piece of a character or two.
    let (mut n, mut lo, mut hi) = (0, usize::MAX, 0);
    for p in t.split(' ') {
        n += 1;
        let (mut w, mut narrow) = (0, 0);
        for c in p.chars() {
            let cw = crate::chars::char_width(c);
            w += cw;
            narrow += usize::from(cw < 2);
        }
        if n > 6 || w < 16 || narrow * 8 > w {
            return None;
        }
        lo = lo.min(w);
        hi = hi.max(w);
    }
    (n >= 2 && hi - lo <= 4).then(|| (t.split(' ').map(str::to_string).collect(), hi))
}

/// After the merged line at `at`, the first lines of the `n - 1` blocks
/// (runs of lines between blank lines) that follow the first one, when
/// the first block's lines are as wide as the pieces (the column).
fn block_starts(lines: &[&str], at: usize, n: usize, width: usize) -> Option<Vec<usize>> {
    let blank = |k: usize| lines[k].trim().is_empty();
    let mut starts = Vec::with_capacity(n - 1);
    let mut k = at + 1;
    let mut first_block = Vec::new();
    while k < lines.len() && !blank(k) {
        first_block.push(
            lines[k]
                .chars()
                .map(crate::chars::char_width)
                .sum::<usize>(),
        );
        k += 1;
    }
    if first_block.len() < 2 {
        return None;
    }
    first_block.sort_unstable();
    let median = first_block[first_block.len() / 2];
    if median.abs_diff(width) > 4 {
        return None;
    }
    while starts.len() < n - 1 {
        while k < lines.len() && blank(k) {
            k += 1;
        }
        if k >= lines.len() {
            return None;
        }
        starts.push(k);
        while k < lines.len() && !blank(k) {
            k += 1;
        }
    }
    Some(starts)
}

/// One page's rows as characters.
struct Grid {
    rows: Vec<Vec<char>>,
}

impl Grid {
    fn at(&self, r: usize, c: usize) -> bool {
        self.rows[r].get(c).is_some_and(|ch| !ch.is_whitespace())
    }

    /// Is row `r` empty between columns `c0` and `c1`?
    fn row_empty(&self, r: usize, c0: usize, c1: usize) -> bool {
        let row = &self.rows[r];
        row.get(c0..c1.min(row.len()))
            .is_none_or(|s| s.iter().all(|c| c.is_whitespace()))
    }
}

/// Does this page look like layout output: rows with text, a wide run of
/// spaces (or, between CJK columns set one space apart, a single space
/// between runs of wide characters), text, in a number that excludes a
/// table or two stray lines? A quarter of the rows at least: in running
/// text a space between two CJK phrases (a byline's names, parallel
/// phrases) stands on a row now and then, not on every fourth.
fn looks_like_columns(grid: &Grid) -> bool {
    let mut filled = 0;
    let mut split = 0;
    for row in &grid.rows {
        let first = row.iter().position(|c| !c.is_whitespace());
        let last = row.iter().rposition(|c| !c.is_whitespace());
        let (Some(a), Some(b)) = (first, last) else {
            continue;
        };
        filled += 1;
        let text = &row[a..=b];
        // (A row whose text starts far in, past a column's width of
        // spaces, is a column's where the column beside it has none: the
        // rows of columns whose baselines differ alternate.)
        if a >= MIN_LATIN_COLUMN
            || text.windows(3).any(|w| w == [' ', ' ', ' '])
            || cjk_gaps(text) >= 1
        {
            split += 1;
        }
    }
    split >= 4 && split * 4 >= filled
}

/// Single spaces between runs of three wide characters or more (ideographs,
/// CJK punctuation, full-width digits): a gutter between CJK columns
/// (justification spreads every character, autospace stands next to
/// Latin letters or digits).
fn cjk_gaps(text: &[char]) -> usize {
    let wide = |c: &char| crate::chars::char_width(*c) == 2;
    let mut gaps = 0;
    let mut before = 0; // wide characters right before the position
    let mut pending = false; // a space after a run of three or more
    for c in text {
        if *c == ' ' {
            pending = before >= 3;
            before = 0;
        } else if wide(c) {
            before += 1;
            if pending && before == 3 {
                gaps += 1;
                pending = false;
            }
        } else {
            before = 0;
            pending = false;
        }
    }
    gaps
}

fn reorder_page(page: &str) -> Option<String> {
    // A row of a printed page holds a few hundred characters at most: a
    // longer one is no page's row (and the grid would be huge).
    if page.split('\n').any(|l| l.len() > 4 * MAX_ROW) {
        return None;
    }
    // Extractors place text by its position on the page in cells of about
    // one character.
    let rows: Vec<Vec<char>> = page
        .split('\n')
        .map(|l| {
            let l = l.strip_suffix('\r').unwrap_or(l);
            l.chars().map(|c| if c == '\t' { ' ' } else { c }).collect()
        })
        .collect();
    let grid = Grid { rows };
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    if width > MAX_ROW || !looks_like_columns(&grid) {
        return None;
    }
    let mut reader = Reader {
        grid: &grid,
        out: Vec::new(),
        cuts: 0,
    };
    reader.cut(0, grid.rows.len(), 0, width);
    if reader.cuts == 0 {
        return None;
    }
    let mut text = reader.out.join("\n");
    // The page's last line end (or its absence) as it was.
    if !page.ends_with('\n') {
        while text.ends_with('\n') {
            text.pop();
        }
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    Some(text)
}

/// Reads a page's grid region by region: the lines in reading order and
/// how many cuts it made.
struct Reader<'g> {
    grid: &'g Grid,
    out: Vec<String>,
    cuts: usize,
}

impl Reader<'_> {
    /// Cut the region rows `r0..r1` × characters `c0..c1` and write its lines
    /// in reading order to `out`.
    fn cut(&mut self, r0: usize, r1: usize, c0: usize, c1: usize) {
        let grid = self.grid;
        // Empty rows at the edges are no part of the region.
        let (mut r0, mut r1) = (r0, r1);
        while r0 < r1 && grid.row_empty(r0, c0, c1) {
            r0 += 1;
        }
        while r1 > r0 && grid.row_empty(r1 - 1, c0, c1) {
            r1 -= 1;
        }
        if r0 == r1 {
            return;
        }
        // Rows empty across the region: bands one after the other, with the
        // blank line between them kept.
        let empty: Vec<usize> = (r0..r1).filter(|&r| grid.row_empty(r, c0, c1)).collect();
        let occ: Vec<usize> = (c0..c1)
            .map(|c| (r0..r1).filter(|&r| grid.at(r, c)).count())
            .collect();
        // Gutters: runs of empty positions with text on both sides.
        let gutters = if r1 - r0 >= MIN_ROWS {
            columns_apart(grid, r0, r1, c0, &occ, runs(&occ, |n| n == 0))
        } else {
            Vec::new()
        };
        if !empty.is_empty() {
            // Columns whose text flows on over a row empty across the
            // region are cut into columns first: cut into bands there, a
            // column's lines would be read after the next band's.
            if !gutters.is_empty() && self.flows_over_empty_rows(r0, r1, c0, c1, &gutters, &empty) {
                return self.cut_columns(r0, r1, c0, c1, &gutters);
            }
            return self.bands(r0, r1, c0, c1, &empty);
        }
        if r1 - r0 >= MIN_ROWS {
            // A lone line over a gutter that the other rows keep clear,
            // with nothing beside it, is a headline over the columns under
            // it: a row of the page's articles ends above it, another
            // starts below (`…的气氛中进行。` / `南京地铁南北线工程…` over
            // two columns / `本报南京1月1日电`). The page is cut there before
            // it is cut into columns: cut first, the columns would run on
            // through the next row's articles. (A line with text beside it,
            // a column's that goes on, is left to the gutters.)
            if !gutters.is_empty() {
                // A heading centred over three columns or more may stand
                // inside the middle one's width (`Security Updates`):
                // its rows go above them, not into that column.
                let head = self.centred_head_rows(r0, r1, c0, c1, &occ, &gutters);
                if head > 0 {
                    self.cuts += 1;
                    self.cut(r0, r0 + head, c0, c1);
                    return self.cut(r0 + head, r1, c0, c1);
                }
                let sep = self.headline_rows(r0, r1, c0, c1, &occ);
                if sep.iter().any(|&s| s) && !sep.iter().all(|&s| s) {
                    self.cuts += 1;
                    return self.alike(r0, c0, c1, &sep);
                }
                return self.cut_columns(r0, r1, c0, c1, &gutters);
            }
            // A gutter that a few rows run over (a headline over columns, a
            // caption): those rows are a band of their own, above and below
            // them the columns are cut. (In Latin text justification leaves a
            // gap at one place in most rows of a column by chance: the columns
            // it would leave must be wide enough.)
            let few = ((r1 - r0) / 8).max(1);
            let mut blocked = vec![false; r1 - r0];
            let mut any = false;
            for (a, b) in columns_apart(grid, r0, r1, c0, &occ, runs(&occ, |n| n <= few)) {
                // A gutter of prose columns is as clear over most rows.
                for r in r0..r1 {
                    if (c0 + a..c0 + b).any(|c| grid.at(r, c)) {
                        blocked[r - r0] = true;
                        any = true;
                    }
                }
            }
            if any && blocked.iter().any(|b| !b) {
                self.cuts += 1;
                return self.alike(r0, c0, c1, &blocked);
            }
        }
        self.emit(r0, r1, c0, c1);
    }

    /// Write the region's columns, cut at `gutters` (offsets from `c0`),
    /// one after the other.
    fn cut_columns(
        &mut self,
        r0: usize,
        r1: usize,
        c0: usize,
        c1: usize,
        gutters: &[(usize, usize)],
    ) {
        self.cuts += 1;
        for (a, b) in column_spans(c0, c1, gutters) {
            self.cut(r0, r1, a, b);
        }
    }

    /// Does the text of the region's columns (cut at `gutters`) flow on
    /// over its rows empty across it (`empty`)? A column's text goes on at
    /// the top of the next one ([`Self::flows_into_next_column`]), or, in
    /// Latin columns whose rows alternate, a column's sentence goes on
    /// over such a row: the last line above it in the column ends no
    /// sentence, the first below starts in lower case.
    fn flows_over_empty_rows(
        &self,
        r0: usize,
        r1: usize,
        c0: usize,
        c1: usize,
        gutters: &[(usize, usize)],
        empty: &[usize],
    ) -> bool {
        let grid = self.grid;
        let pieces = column_spans(c0, c1, gutters);
        if pieces
            .windows(2)
            .any(|w| self.flows_into_next_column(w[0], w[1], r0, r1, empty))
        {
            return true;
        }
        if !mostly_latin(grid, r0, r1, c0, c1) {
            return false;
        }
        // The columns' rows alternate (their baselines differ): most rows
        // hold one column's text. Columns whose rows line up and that a
        // row empty across them ends are a band of their own (a section
        // set over the columns, the next section's under it).
        let (mut one, mut more) = (0, 0);
        for r in r0..r1 {
            match pieces
                .iter()
                .filter(|&&(a, b)| !grid.row_empty(r, a, b))
                .count()
            {
                0 => {}
                1 => one += 1,
                _ => more += 1,
            }
        }
        if one < 2 * more {
            return false;
        }
        pieces.iter().any(|&(a, b)| {
            empty.iter().any(|&e| {
                let above = (r0..e).rev().find_map(|r| self.row_text(r, a, b));
                let below = (e + 1..r1).find_map(|r| self.row_text(r, a, b));
                let (Some((_, _, up)), Some((_, _, down))) = (above, below) else {
                    return false;
                };
                !ends_sentence(up)
                    && up.last() != Some(&':')
                    && down.first().is_some_and(|c| c.is_ascii_lowercase())
            })
        })
    }

    /// Does the text of column `left` (its cells `left.0..left.1`) go on at
    /// the top of column `right`, past rows empty across the region: the
    /// right column ends above such a row while the left one goes on
    /// below it, the left column's last line ends no sentence, its last
    /// line beside the right column's top does, and the right column's
    /// top line is no paragraph's first (not set in)? Then the columns
    /// run down the page (`…據新華社揭露，馳` / `名海內外的…`), and read
    /// band by band the right column's top would follow a finished
    /// sentence of another article.
    fn flows_into_next_column(
        &self,
        left: (usize, usize),
        right: (usize, usize),
        r0: usize,
        r1: usize,
        empty: &[usize],
    ) -> bool {
        let text = |r: usize, (a, b): (usize, usize)| self.row_text(r, a, b);
        let Some(top) = (r0..r1).find(|&r| text(r, right).is_some()) else {
            return false;
        };
        let Some(bottom) = (r0..r1).rfind(|&r| text(r, right).is_some()) else {
            return false;
        };
        let Some(last) = (r0..r1).rfind(|&r| text(r, left).is_some()) else {
            return false;
        };
        // The band the right column's top stands in ends at an empty row,
        // and the right column ends before the left one, past such a row.
        let Some(&band_end) = empty.iter().find(|&&e| e > top) else {
            return false;
        };
        if !empty.iter().any(|&e| e > bottom && e < last) {
            return false;
        }
        let Some(beside) = (r0..band_end).rfind(|&r| text(r, left).is_some()) else {
            return false;
        };
        let ends = |r: usize| text(r, left).is_some_and(|(_, _, t)| ends_sentence(t));
        let set_in = text(top, right).is_some_and(|(a, _, _)| a >= 2);
        !set_in && ends(beside) && !ends(last)
    }

    /// The rows of the region that are one piece of text (no run of spaces
    /// as wide as a gutter inside it, nor a single space between runs of
    /// ideographs: CJK columns set one space apart) running across a
    /// gutter, from the column before it into the one after, that most
    /// rows keep clear (all but an eighth) and some row does not. (A row
    /// that only reaches into the gutter is a column's long line.)
    fn headline_rows(
        &self,
        r0: usize,
        r1: usize,
        c0: usize,
        c1: usize,
        occ: &[usize],
    ) -> Vec<bool> {
        let grid = self.grid;
        let few = ((r1 - r0) / 8).max(1);
        let crossed: Vec<(usize, usize)> =
            columns_apart(grid, r0, r1, c0, occ, runs(occ, |n| n <= few))
                .into_iter()
                .filter(|&(a, b)| occ[a..b].iter().any(|&n| n > 0))
                .collect();
        if crossed.is_empty() {
            return vec![false; r1 - r0];
        }
        (r0..r1)
            .map(|r| {
                let Some((a, b, text)) = self.row_text(r, c0, c1) else {
                    return false;
                };
                // (Whether it crosses a gutter is asked first: most rows
                // do not.)
                crossed.iter().any(|&(ga, gb)| a < ga && b >= gb)
                    && one_piece(text)
                    && cjk_gaps(text) == 0
            })
            .collect()
    }

    /// How many rows at the top of the region (two at most) hold a lone
    /// run of text centred on the region within half a column (its
    /// columns' text may end ragged), set in from
    /// the start of the column it stands in, over three columns or more
    /// (`gutters`, offsets from `c0`): a heading over them all.
    fn centred_head_rows(
        &self,
        r0: usize,
        r1: usize,
        c0: usize,
        c1: usize,
        occ: &[usize],
        gutters: &[(usize, usize)],
    ) -> usize {
        if gutters.len() < 2 {
            return 0;
        }
        let (Some(lo), Some(hi)) = (
            occ.iter().position(|&n| n > 0),
            occ.iter().rposition(|&n| n > 0),
        ) else {
            return 0;
        };
        let mut n = 0;
        while n < 2 && r0 + n + MIN_ROWS < r1 {
            let Some((a, b, text)) = self.row_text(r0 + n, c0, c1) else {
                break;
            };
            let lone = one_piece(text);
            // The column it stands in: from the gutter before it.
            let start = gutters
                .iter()
                .filter(|g| g.1 <= a)
                .map(|g| g.1)
                .max()
                .unwrap_or(lo);
            let inside = gutters.iter().all(|g| b < g.0 || a >= g.1);
            let centred = (a + b).abs_diff(lo + hi) <= (hi - lo) / (gutters.len() + 1);
            if !(lone && inside && a >= start + 2 && centred) {
                break;
            }
            n += 1;
        }
        n
    }

    /// Row `r`'s text between characters `c0` and `c1`: where it starts
    /// and ends (offsets from `c0`, the end inclusive) and the text
    /// between; `None` for a row empty there.
    fn row_text(&self, r: usize, c0: usize, c1: usize) -> Option<(usize, usize, &[char])> {
        let row = &self.grid.rows[r];
        let text = row.get(c0..c1.min(row.len()))?;
        let a = text.iter().position(|c| !c.is_whitespace())?;
        let b = text.iter().rposition(|c| !c.is_whitespace())?;
        Some((a, b, &text[a..=b]))
    }

    /// Cut the region into the bands between the `empty` rows, one after the
    /// other with a blank line between them.
    fn bands(&mut self, r0: usize, r1: usize, c0: usize, c1: usize, empty: &[usize]) {
        // Rows of text one empty row apart, most of them (a column whose
        // baselines fall between those of the column beside it, or text
        // set with double spacing): a single empty row is line spacing,
        // two or more are a gap.
        let singles = empty
            .iter()
            .enumerate()
            .filter(|&(i, &r)| {
                (i == 0 || empty[i - 1] + 1 != r) && empty.get(i + 1).is_none_or(|&n| n != r + 1)
            })
            .count();
        let text_rows = r1 - r0 - empty.len();
        let spaced = text_rows >= MIN_ROWS && 3 * singles >= 2 * text_rows;
        let mut start = r0;
        let mut gap = 0;
        for &r in empty.iter().chain([&r1]) {
            if r > start {
                if start > r0 && (!spaced || gap >= 2) {
                    self.out.push(String::new());
                }
                self.cut(start, r, c0, c1);
                gap = 0;
            }
            gap += 1;
            start = r + 1;
        }
    }

    /// Cut the region of rows from `r0`, one `flag` a row, into runs of
    /// rows alike in it (rows that run over a gutter, rows that do not),
    /// one after the other.
    fn alike(&mut self, r0: usize, c0: usize, c1: usize, flag: &[bool]) {
        for (a, b) in alike_runs(flag) {
            self.cut(r0 + a, r0 + b, c0, c1);
        }
    }

    /// Write the region as it stands, unless its columns are found by where
    /// their runs of text start (`by_column_starts`).
    fn emit(&mut self, r0: usize, r1: usize, c0: usize, c1: usize) {
        let grid = self.grid;
        let rows: Vec<&[char]> = (r0..r1)
            .map(|r| {
                let row = &grid.rows[r];
                row.get(c0..c1.min(row.len())).unwrap_or_default()
            })
            .collect();
        match by_column_starts(&rows) {
            Some(Plan::Columns(cols)) => {
                self.cuts += 1;
                for col in cols {
                    self.out.extend(col);
                }
                return;
            }
            Some(Plan::Bands(span)) => {
                self.cuts += 1;
                return self.alike(r0, c0, c1, &span);
            }
            Some(Plan::Split(pieces)) => {
                self.cuts += 1;
                for piece in pieces {
                    match piece {
                        Piece::Lines(lines) => self.out.extend(lines),
                        Piece::Region(a, b) => self.cut(r0 + a, r0 + b, c0, c1),
                    }
                }
                return;
            }
            None => {}
        }
        for row in rows {
            let s: String = row.iter().collect();
            self.out.push(s.trim_end().to_string());
        }
    }
}

/// Columns of CJK text whose gutter is a single space that the extractor
/// did not keep at one place from row to row (it counts the space before a
/// column in narrow cells, the ideographs in wide ones): no position is
/// empty in every row, but the columns' first characters line up within a
/// cell or two, in character count or in display width. The rows are cut
/// into runs of text at spaces, the positions where many runs start are
/// the columns, and each run goes to the column it starts in. `None` when
/// the region is not CJK text or no such columns stand out.
fn by_column_starts(rows: &[&[char]]) -> Option<Plan> {
    use crate::chars::{self, Class};
    if rows.len() < 6 {
        return None;
    }
    let (mut han, mut latin) = (0, 0);
    for c in rows.iter().flat_map(|r| r.iter()) {
        match chars::class(*c) {
            Class::Han => han += 1,
            Class::Letter => latin += 1,
            _ => {}
        }
    }
    if han < 4 * latin.max(1) {
        return None;
    }
    [false, true]
        .into_iter()
        .filter_map(|wide| column_starts(rows, wide))
        .max_by_key(|(matched, _)| *matched)
        .map(|(_, plan)| plan)
}

/// [`by_column_starts`] in one measure of position: how many runs start at
/// a column, and the columns' rows.
fn column_starts(rows: &[&[char]], wide: bool) -> Option<(usize, Plan)> {
    /// Cells a column's first characters may stray by.
    const SLACK: usize = 2;
    /// Columns are at least this many cells apart (more than an indent).
    const APART: usize = 8;
    // Runs of text: (row, start cell, end cell, text).
    let mut runs: Vec<(usize, usize, usize, String)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut pos = 0;
        let mut cur: Option<(usize, String)> = None;
        for &c in row.iter() {
            let w = if wide {
                crate::chars::char_width(c).max(1)
            } else {
                1
            };
            if c.is_whitespace() {
                if let Some((start, text)) = cur.take() {
                    runs.push((r, start, pos, text));
                }
            } else {
                cur.get_or_insert_with(|| (pos, String::new())).1.push(c);
            }
            pos += w;
        }
        if let Some((start, text)) = cur {
            runs.push((r, start, pos, text));
        }
    }
    let width = runs.iter().map(|r| r.2).max()? + SLACK + 1;
    let mut starts = vec![0usize; width];
    // Rows with a run starting within the slack of each position (a row
    // counts once: a line stretched by spaces has runs everywhere).
    let mut near = vec![0usize; width];
    let mut seen = vec![usize::MAX; width];
    // Only runs of three characters or more tell: a line stretched by
    // spaces is runs of one or two (`基    是   在   议   会`).
    for run in runs.iter().filter(|r| r.3.chars().count() >= 3) {
        starts[run.1] += 1;
        for p in run.1.saturating_sub(SLACK)..(run.1 + SLACK + 1).min(width) {
            if seen[p] != run.0 {
                seen[p] = run.0;
                near[p] += 1;
            }
        }
    }
    let need = (rows.len() * 2 / 5).max(4);
    let mut by_count: Vec<(usize, usize)> = (0..width).map(|p| (near[p], p)).collect();
    by_count.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut cols: Vec<usize> = Vec::new();
    for (n, p) in by_count {
        if n < need {
            break;
        }
        if cols.iter().all(|&c| c.abs_diff(p) >= APART) {
            cols.push(p);
        }
    }
    if cols.len() < 2 {
        return None;
    }
    cols.sort_unstable();
    // Where most of a column's rows start: a run further in is indented.
    let edge: Vec<usize> = cols
        .iter()
        .map(|&c| {
            (c.saturating_sub(SLACK)..(c + SLACK + 1).min(width))
                .max_by_key(|&p| (starts[p], std::cmp::Reverse(p)))
                .unwrap_or(c)
        })
        .collect();
    // Each run to the column it starts in; runs that run far into the next
    // column say that these are no columns.
    let mut out: Vec<Vec<String>> = vec![vec![String::new(); rows.len()]; cols.len()];
    let mut overrun = vec![false; rows.len()];
    // Rows with a run of text that starts where a column does.
    let mut at_column = vec![false; rows.len()];
    let mut matched = 0;
    // The run before in the same row: (row, column, end, short, gap before).
    let mut prev: Option<(usize, usize, usize, bool, Option<usize>)> = None;
    for (r, start, end, text) in &runs {
        let mut j = cols.iter().rposition(|&c| c <= start + SLACK).unwrap_or(0);
        // A run that starts a little short of the next column and runs on
        // as far into it as a line of its own is that column's: the
        // extractor set it off by a few cells after a short line (`我们…`
        // / `…是我们` at 16 where the column starts at 19).
        if let Some(&next) = cols.get(j + 1)
            && *end > next + SLACK
            && start + (next - cols[j]) / 4 >= next
            && end - start + (next - cols[j]) / 4 >= next - cols[j]
        {
            j += 1;
        }
        let short = text.chars().count() < 3;
        let mut gap = None;
        if let Some((pr, pj, pend, pshort, pgap)) = prev
            && pr == *r
        {
            gap = Some(start - pend);
            // A line stretched by even spaces goes on in its column though
            // its next character stands where the next column starts.
            if j > pj && short && pshort && pgap == gap {
                j = pj;
            }
        }
        prev = Some((*r, j, *end, short, gap));
        if cols.iter().any(|&c| c.abs_diff(*start) <= SLACK) {
            matched += 1;
        }
        if edge.iter().any(|&e| start.abs_diff(e) <= SLACK) {
            at_column[*r] = true;
        }
        if cols.get(j + 1).is_some_and(|&next| *end > next + SLACK) {
            overrun[*r] = true;
        }
        let cell = &mut out[j][*r];
        if !cell.is_empty() {
            cell.push(' ');
        } else if *start >= edge[j] + if j == 0 { 2 } else { 2 + SLACK } {
            // The paragraph indent, which rejoin reads (past the slack of a
            // column whose start strays).
            cell.extend(std::iter::repeat_n(' ', (start - edge[j]).min(4)));
        }
        cell.push_str(text);
    }
    // A row whose text runs over a column's start is no row of columns: a
    // few may be (a headline over them), most must not.
    let over = overrun.iter().filter(|&&o| o).count();
    if matched * 2 < runs.len() || over * 2 > rows.len() {
        return None;
    }
    if over * 5 > rows.len() {
        // Headlines over the columns, or the columns of another article
        // below: those rows apart, the rest are cut again.
        return Some((matched, Plan::Bands(overrun)));
    }
    // A row whose text starts at no column, a run of three characters or
    // more in it, is a headline set in the middle of the columns under it
    // (`全国统` / `计系统表彰先进` over the second and third columns): the
    // articles above it end there, those below start.
    let last = edge[edge.len() - 1];
    let span = last + (last - edge[edge.len() - 2]);
    // Each row's runs of text inside the columns' span: (start, end, runs
    // of three characters or more).
    let mut lone: Vec<Option<(usize, usize)>> = vec![None; rows.len()];
    let mut long = vec![0usize; rows.len()];
    let mut any = vec![0usize; rows.len()];
    for (r, start, end, text) in &runs {
        if *start >= span {
            continue;
        }
        any[*r] += 1;
        if text.chars().count() >= 3 {
            long[*r] += 1;
            lone[*r] = Some((*start, *end));
        }
    }
    // A headline row: one run of text, starting at no column, left of the
    // last one, with rows of the columns below it (a line under them is
    // the end of one of them, an attribution set apart).
    let below = at_column.iter().rposition(|&a| a).unwrap_or(0);
    let mut headline: Vec<bool> = (0..rows.len())
        .map(|r| {
            r < below
                && !at_column[r]
                && long[r] == 1
                && lone[r].is_some_and(|(start, _)| start < last)
        })
        .collect();
    // The line above a headline's, centred as it is and alone in its row,
    // is the headline's first (`墨释放首` / `批萨帕塔分子`), wherever it
    // starts.
    for r in (1..rows.len()).rev() {
        if let (true, Some((a, b)), Some((pa, pb))) = (headline[r], lone[r], lone[r - 1])
            && !headline[r - 1]
            && any[r - 1] == 1
            && (a + b).abs_diff(pa + pb) <= 2 * SLACK
        {
            headline[r - 1] = true;
        }
    }
    if headline.iter().any(|&h| h) && !headline.iter().all(|&h| h) {
        // Each band of rows between headlines is read column by column
        // (too few rows to find the columns in alone), the headline rows
        // are cut as a region of their own, and so is a band with text
        // beside the columns (another article's column beyond a wide
        // gutter).
        let mut outside = vec![false; rows.len()];
        for (r, start, _, _) in &runs {
            if *start >= span {
                outside[*r] = true;
            }
        }
        let pieces = alike_runs(&headline)
            .into_iter()
            .map(|(a, b)| {
                if headline[a] || outside[a..b].contains(&true) {
                    return Piece::Region(a, b);
                }
                let mut lines = Vec::new();
                for col in &mut out {
                    lines.extend(
                        col[a..b]
                            .iter_mut()
                            .filter(|s| !s.is_empty())
                            .map(std::mem::take),
                    );
                }
                Piece::Lines(lines)
            })
            .collect();
        return Some((matched, Plan::Split(pieces)));
    }
    Some((
        matched,
        Plan::Columns(
            out.into_iter()
                .map(|col| col.into_iter().filter(|s| !s.is_empty()).collect())
                .collect(),
        ),
    ))
}

/// The spans (start, end) of the columns of cells `c0..c1` that `gutters`
/// (offsets from `c0`) set apart.
fn column_spans(c0: usize, c1: usize, gutters: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(gutters.len() + 1);
    let mut from = c0;
    for &(a, b) in gutters {
        spans.push((from, c0 + a));
        from = c0 + b;
    }
    spans.push((from, c1));
    spans
}

/// Does a row's text end a sentence ([`crate::chars::ends_sentence`])?
fn ends_sentence(text: &[char]) -> bool {
    crate::chars::ends_sentence_rev(text.iter().rev().copied())
}

/// Is this text one piece: no run of spaces as wide as a gutter inside?
fn one_piece(text: &[char]) -> bool {
    !text
        .windows(MIN_GUTTER)
        .any(|w| w.iter().all(|c| c.is_whitespace()))
}

/// The runs of rows alike in `flag`, (start, end) in order.
fn alike_runs(flag: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for r in 1..=flag.len() {
        if r == flag.len() || flag[r] != flag[r - 1] {
            out.push((start, r));
            start = r;
        }
    }
    out
}

/// How [`by_column_starts`] reads a region.
enum Plan {
    /// The lines of each column, left to right.
    Columns(Vec<Vec<String>>),
    /// Rows that run over the columns (true) and rows that do not: each
    /// run of rows alike is a region of its own.
    Bands(Vec<bool>),
    /// Pieces one after the other: lines read, or rows to cut again.
    Split(Vec<Piece>),
}

/// A piece of a [`Plan::Split`].
enum Piece {
    Lines(Vec<String>),
    /// Rows (offsets into the region) to cut as a region of their own.
    Region(usize, usize),
}

/// The gutters that leave columns of prose on both sides: a run of Latin
/// text narrower than [`MIN_LATIN_COLUMN`] is a word that justification
/// set apart in a few rows alike, not a column (ideographs are set in
/// columns of a few characters).
fn columns_apart(
    grid: &Grid,
    r0: usize,
    r1: usize,
    c0: usize,
    occ: &[usize],
    mut gutters: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    loop {
        // The pieces between the gutters, as offsets into `occ`.
        let pieces = column_spans(0, occ.len(), &gutters);
        // A column of figures or short cells is a table's: a table is read
        // row by row, not cut.
        if pieces.len() > 1
            && pieces
                .iter()
                .any(|&(a, b)| table_column(grid, r0, r1, c0 + a, c0 + b))
        {
            return Vec::new();
        }
        let narrow = pieces.iter().position(|&(a, b)| {
            let first = (a..b).find(|&c| occ[c] > 0).unwrap_or(b);
            let last = (a..b).rfind(|&c| occ[c] > 0).map_or(a, |c| c + 1);
            if last <= first {
                return false;
            }
            last - first < MIN_LATIN_COLUMN && mostly_latin(grid, r0, r1, c0 + first, c0 + last)
        });
        let Some(i) = narrow else {
            return gutters;
        };
        // Merge the narrow piece with a neighbour: drop the gutter on one
        // side of it, the side that leaves the columns most alike in width
        // (the columns of a page are).
        if gutters.is_empty() {
            return gutters;
        }
        let widest_without = |g: usize| {
            let mut w = 0;
            let mut from = 0;
            for (k, &(a, b)) in gutters.iter().enumerate() {
                if k != g {
                    w = w.max(a - from);
                    from = b;
                }
            }
            w.max(occ.len() - from)
        };
        let drop = match (i.checked_sub(1), (i < gutters.len()).then_some(i)) {
            (Some(l), Some(r)) if widest_without(r) < widest_without(l) => r,
            (Some(l), _) => l,
            (None, Some(r)) => r,
            (None, None) => return gutters,
        };
        gutters.remove(drop);
    }
}

/// Do most rows of the region hold text, fewer than [`MIN_PROSE_ROW`]
/// characters on average (a table's column)?
fn table_column(grid: &Grid, r0: usize, r1: usize, c0: usize, c1: usize) -> bool {
    let (mut rows, mut ink) = (0, 0);
    for row in &grid.rows[r0..r1] {
        let cells = row.get(c0..c1.min(row.len())).unwrap_or_default();
        let n = cells.iter().filter(|c| !c.is_whitespace()).count();
        if n > 0 {
            rows += 1;
            ink += n;
        }
    }
    // Cells in most rows (the last lines of paragraphs are short too, but
    // few).
    rows >= 3 && 3 * rows >= 2 * (r1 - r0) && ink < MIN_PROSE_ROW * rows
}

/// Are most characters of the region Latin letters (not ideographs,
/// digits or punctuation)?
fn mostly_latin(grid: &Grid, r0: usize, r1: usize, c0: usize, c1: usize) -> bool {
    let (mut latin, mut other) = (0, 0);
    for row in &grid.rows[r0..r1] {
        for &ch in row.get(c0..c1.min(row.len())).unwrap_or_default() {
            if ch.is_alphabetic() && crate::chars::char_width(ch) == 1 {
                latin += 1;
            } else if !ch.is_whitespace() {
                other += 1;
            }
        }
    }
    latin > other
}

/// Runs (start, end) of at least [`MIN_GUTTER`] positions where `gap`
/// holds, with positions that do not on both sides.
fn runs(occ: &[usize], gap: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut seen_text = false;
    for (i, &n) in occ.iter().enumerate() {
        if gap(n) {
            if seen_text && start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take()
                && i - s >= MIN_GUTTER
            {
                out.push((s, i));
            }
            seen_text = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_rows_across_columns_are_read_column_by_column() {
        // Tesseract wrote the rows of three columns as one line each, the
        // gutters a run of spaces or a rule read as `|` (with the rule's
        // top read as a quote), the cells a few positions off from row to
        // row, and a speck read as a cell of its own (`研`), which goes with
        // the cell after it, the nearer.
        let page = "\
春节前夕市场供应充足
本报长沙1月1日电    春节临近，本市各大商    居民购物热情高涨，
(记者 王小明)       场的年货供应十分 “| 超市里人头攒动，蔬
全市各农贸市场的肉      充足，价格总体平稳。 | 菜肉类销售比平日
禽蛋菜货源充足，品   研   据市商务局介绍，今年    增加了三成左右。
种丰富，价格稳定。  节日期间的物资储备  | 市民普遍感到满意。
";
        let out = ocr_rows(page).expect("read by columns");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "春节前夕市场供应充足",
                "本报长沙1月1日电",
                "(记者 王小明)",
                "全市各农贸市场的肉",
                "禽蛋菜货源充足，品",
                "种丰富，价格稳定。",
                "春节临近，本市各大商",
                "场的年货供应十分",
                "充足，价格总体平稳。",
                "研 据市商务局介绍，今年",
                "节日期间的物资储备",
                "居民购物热情高涨，",
                "超市里人头攒动，蔬",
                "菜肉类销售比平日",
                "增加了三成左右。",
                "市民普遍感到满意。",
            ]
        );
    }

    #[test]
    fn ocr_rows_that_are_no_columns_stay_as_they_are() {
        // A table's short cells, read row by row.
        let table = "\
品种        单价      涨幅
猪肉        二十元    一成
鸡蛋        八元      两成
白菜        两元      三成
";
        assert_eq!(ocr_rows(table), None);
        // Terms and their definitions: a narrow column beside a wide one.
        let terms = "\
  --all        do not ignore entries that start with a dot
  --almost     do not list the entries for this and the parent
  --author     print the author of each file with its entry
  --escape     print escapes for the characters that are not graphic
";
        assert_eq!(ocr_rows(terms), None);
        // Cells that fall anywhere: scraps of a picture.
        let scraps = "\
络计算机的功能强大的计算 | 好例子。自从使用新的系统 | 有一些参考书叫做指南和
后就不再会有问题了。    解但给出了太多    细节反而让人看不懂了
版权历史                                            简体中文翻译 |第一章教程
";
        assert_eq!(ocr_rows(scraps), None);
        // A row with fewer cells: which columns they are in is unknown
        // (OCR writes no spaces before a row's first cell).
        let short = "\
本报长沙1月1日电    春节临近，本市各大商    居民购物热情高涨，
(记者 王小明)       场的年货供应十分 “| 超市里人头攒动，蔬
全市各农贸市场的肉      充足，价格总体平稳。
";
        assert_eq!(ocr_rows(short), None);
    }

    #[test]
    fn two_columns_read_one_after_the_other() {
        let page = "\
The first column starts here     and the second column
and it goes on for a few         goes on below it for
lines of text that a reader      as many lines as the
reads before the second.         first one has.
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "The first column starts here",
                "and it goes on for a few",
                "lines of text that a reader",
                "reads before the second.",
                "and the second column",
                "goes on below it for",
                "as many lines as the",
                "first one has.",
            ]
        );
    }

    #[test]
    fn a_headline_over_the_columns_stays_on_top() {
        let page = "\
        A Headline That Runs Over Both Columns
The first column starts here     and the second column
and it goes on for a few         goes on below it for
lines of text that a reader      as many lines as the
reads before the second.         first one has.
";
        let (out, _) = reorder(page);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0].trim(), "A Headline That Runs Over Both Columns");
        assert_eq!(lines[1], "The first column starts here");
        assert_eq!(lines[5], "and the second column");
    }

    #[test]
    fn cjk_columns() {
        let page = "\
本报长沙４月２７日讯     十七届哈尔滨国际冰雪节
今天的北国冰城哈尔滨     在欢呼声中于松花江畔拉
欢歌笑语此起彼伏。第     开帷幕，冰城人以自己特
有的方式喜迎新世纪。     有的方式喜迎新世纪的到
";
        let (out, _) = reorder(page);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[3], "有的方式喜迎新世纪。");
        assert_eq!(lines[4], "十七届哈尔滨国际冰雪节");
    }

    #[test]
    fn cjk_columns_that_stray_by_a_cell() {
        // pdftotext's one-space gutter, a cell or two off from row to row
        // (no position is empty in every row), a stretched line, an indent.
        let page = "\
本报南京１０月２４ 台、中央人民广播电 展势头，经济结构的
日讯（记者 廖建冬 台和中央电视台，向 战略性调整顺利部署
严洋超）          全国各族人民，向香 实施。西部大开发取
  女 士 们 ， 先 生 港特别行政区同胞、 得良好开端。精神文
们，同志们，朋友 澳门特别行政区同胞 明建设和民主法制建
们：            和台湾同胞、海外侨 设进一步加强。我们
  ２００１年新年 胞，向世界各国的朋 在过去几年取得成绩
钟声即将敲响。人类 友们，致以新世纪第 的基础上，胜利完成
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "本报南京１０月２４");
        assert_eq!(lines[3], "  女 士 们 ， 先 生");
        assert_eq!(lines[7], "钟声即将敲响。人类");
        assert_eq!(lines[8], "台、中央人民广播电");
        assert_eq!(lines[16], "展势头，经济结构的");
        assert_eq!(lines.len(), 24);
    }

    #[test]
    fn two_cjk_columns_one_space_apart() {
        // Two columns set a single space apart in most rows (pdftotext
        // -layout of justified CJK text): three spaces stand on few rows.
        let page = "\
世界各国领导人近日纷纷发表 人高兴的是失业状况有了明显
新年贺词，回顾过去，展望未 的改善，全年共创造了五十万
来，表示将迎接新的一年里所 个新的工作岗位。德国在新的
面临的各种挑战。           一年里将继续采取有力措施。
俄罗斯总统普京晚间通过电视 日本首相森喜朗在新年伊始向
台发表新年贺词，祝愿全国人 驻首相官邸记者谈了新一年的
民在新的一年里健康和睦顺遂 日本外交内政方针。森喜朗说
和成功。普京说，过去的一年 外交方面，日本政府将在解决
是欢乐和不幸相伴而至的一年 北方四岛归属问题的方针下，
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "世界各国领导人近日纷纷发表");
        assert_eq!(lines[3].trim_end(), "面临的各种挑战。");
        assert_eq!(lines[9].trim_end(), "人高兴的是失业状况有了明显");
        assert_eq!(lines.len(), 18);
    }

    #[test]
    fn a_column_line_set_early_after_a_short_line_stays_in_its_column() {
        // After a paragraph's short last line the extractor set the next
        // column's line six cells early (and the digits of other rows put
        // the columns at no one character count): the line runs as far
        // into that column as its other lines do, and is read there.
        let page = "\
世界各国领导人近日纷纷发表 人高兴的是失业状况有了明显
在2000年12月31日晚间，     的改善，全年共创造了五十万
来，表示将迎接2001年里所   个新的工作岗位。德国在新的
各种挑战             一年里将继续采取有力措施。
俄罗斯总统普京在12月31日   日本首相森喜朗在新年伊始向
台发表新年贺词，祝愿全国人 驻首相官邸记者谈了新一年的
民在2001年里健康和睦顺遂   日本外交内政方针。森喜朗说
和成功。普京说，2000年     外交方面，日本政府将在解决
是欢乐和不幸相伴而至的一年 北方四岛归属问题的方针下，
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[3].trim_end(), "各种挑战");
        assert_eq!(lines[12], "一年里将继续采取有力措施。");
        assert_eq!(lines.len(), 18);
    }

    #[test]
    fn a_heading_centred_inside_the_middle_column_goes_above_the_columns() {
        // Three columns under a heading centred on the page: it stands
        // within the middle column's width, crossing no gutter.
        // (Rows written apart: a string's line continuation would eat
        // the heading's indent.)
        let page = [
            "                            Weekly Notes",
            "The council met on    members asked for a     The next meeting is",
            "Monday to discuss     new crossing near the   set for the first",
            "the budget for the    school, which the       Monday of the month",
            "coming year, and      mayor promised to       at the town hall.",
            "approved it at once.  study this spring.      All are welcome.",
        ]
        .join("\n");
        let (out, pages) = reorder(&page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        assert_eq!(lines[0], "Weekly Notes");
        assert_eq!(lines[1], "The council met on");
        assert_eq!(lines[6], "members asked for a");
        assert_eq!(lines.len(), 16);
    }

    #[test]
    fn a_headline_in_the_middle_of_cjk_columns_ends_the_articles_above_it() {
        // pdftotext -layout of two articles in three columns set one space
        // apart, each under a headline set in the middle of the page: a
        // headline row starts at no column. Each article is read column
        // by column under its headline; the columns do not run on through
        // the next article.
        let page = "
             甲乙丙丁戊
子一二三四五六七 丑一二三四五六七 寅一二三四五六七
一二三四五六七八 一二三四五六七八 一二三四五六七八
一二三四五六七八 一二三四五六七八 一二三。
一二三。         一二三四五六七八
             己庚辛壬
            癸甲乙丙丁
卯一二三四五六七 辰一二三四五六七 巳一二三四五六七
一二三四五六七八 一二三四五六七八 一二三四五六七八
一二三四五六七八 一二三四五六七八 一二三四五六七八
一二三四五六七八 一二三四五六七八 一二三四五六七八
一二三四五六七八 一二三四五六七八 一二三四五六七八
一二三。         一二三。         一二三。
";
        let order: String = reading_order(page)
            .chars()
            .filter(|c| !matches!(c, '一'))
            .collect();
        assert_eq!(order, "甲子丑寅己癸卯辰巳");
    }

    #[test]
    fn paragraphs_starting_side_by_side_are_no_headline() {
        // Both columns start a paragraph in the same row, each indented: the
        // row starts at no column but holds two runs of text, so it is no
        // headline; the attribution under the first column (a lone line
        // with no columns below it) is none either. Read column by column.
        let page = "\
子一二三四五六七八九 丑一二三四五六七八九
一二三四五六七八九十 一二三四五六七八九十
一二三四。           一二三四五。
   寅二三四五六七       卯二三四五六七
一二三四五六七八九十 一二三四五六七八九十
一二三四五六七八九十 一二三四五六七八九十
一二三四五六七八九十 一二三四五六七八九十
一二三四。           一二三四五。
      （辰二三四）
";
        let order: String = reading_order(page)
            .chars()
            .filter(|c| !matches!(c, '一'))
            .collect();
        assert_eq!(order, "子寅（丑卯");
    }

    #[test]
    fn a_word_that_justification_set_apart_is_no_column() {
        // In three rows the left column's last word stands alone after a
        // wide justification gap at the same place: it stays in its line.
        let page = "\
However, backing up          this           Backing up the configuration is
configuration is             encouraged     therefore important, if only for
because this detection       isn't          reference. The standard way to
fail-proof, and it is        only           expected do it is by editing it.
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "However, backing up          this");
        assert_eq!(lines[2], "because this detection       isn't");
        assert_eq!(lines[4], "Backing up the configuration is");
    }

    #[test]
    fn a_table_is_read_row_by_row() {
        let page = "\
Item                 2021      2022      Change
Revenue              120       150       +25%
Costs                80        90        +12%
Profit               40        60        +50%
Staff                12        14        +2
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 0, "{out}");
    }

    #[test]
    fn first_rows_of_columns_on_one_line_go_back_to_their_columns() {
        let page = "\
百米哈达献北京
新世纪的第一天，记者在世界上海拔最高的广场布 西藏自治区党委书记郭金龙在哈达上签了名。他说： 京市与江苏省的无私支援下，拉萨城区面貌一年一个
达拉宫广场见到了一条长１００米的巨幅哈达，上面用
藏汉英三种文字写着：西藏各族各界人民支持北京申办
满成功。

“这表达了西藏２５０万各族人民维护祖国统一，加强
民族团结，在新世纪和全国各族人民一道求发展、求进
诉记者，近年来，在中央的关怀和对口支援拉萨市的北

样，老百姓的日子也越过越红火，“家家有电视，电话
不稀奇”。
";
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "新世纪的第一天，记者在世界上海拔最高的广场布");
        assert_eq!(lines[2], "达拉宫广场见到了一条长１００米的巨幅哈达，上面用");
        assert_eq!(lines[6], "西藏自治区党委书记郭金龙在哈达上签了名。他说：");
        assert_eq!(lines[7], "“这表达了西藏２５０万各族人民维护祖国统一，加强");
        assert_eq!(lines[11], "京市与江苏省的无私支援下，拉萨城区面貌一年一个");
        assert_eq!(lines[12], "样，老百姓的日子也越过越红火，“家家有电视，电话");
        // Parallel phrases in a headline are no merged rows.
        let (_, pages) = reorder(
            "聆诵四种精神 传承湖湘文化\n正文第一行很长很长很长很长\n正文第二行很长很长很长很长\n",
        );
        assert_eq!(pages, 0);
    }

    /// A row of three CJK columns, three spaces apart.
    fn row3(a: &str, b: &str, c: &str) -> String {
        format!("{a}   {b}   {c}\n")
    }

    /// The first character of every line of the reordered page.
    #[test]
    fn columns_whose_rows_alternate_are_read_one_after_the_other() {
        // The columns' baselines differ: each row holds one column's line,
        // the right column's set in by the left one's width.
        let pad = " ".repeat(34);
        let left = [
            "The first column starts here",
            "and it goes on for a few",
            "lines of text that a reader",
            "reads before the second.",
            "It has a second paragraph",
            "that ends on this line.",
        ];
        let right = [
            "and the second column",
            "goes on below it for",
            "as many lines as the",
            "first one has, and then",
            "a few more words to end",
            "its last paragraph.",
        ];
        let mut rows = Vec::new();
        for (l, r) in left.iter().zip(&right) {
            rows.push(format!("{pad}{r}"));
            rows.push(l.to_string());
        }
        let page = rows.join("\n") + "\n";
        let (out, pages) = reorder(&page);
        assert_eq!(pages, 1);
        let lines: Vec<&str> = out.lines().map(str::trim).collect();
        let want: Vec<&str> = left.iter().chain(&right).copied().collect();
        assert_eq!(lines, want);
    }

    #[test]
    fn alternating_columns_flow_over_a_row_empty_across_both() {
        // The left column's paragraph gap falls on a row that the right
        // column, its baselines between the left one's, leaves empty too:
        // the right column's sentence goes on below it.
        let pad = |s: &str| format!("{:34}{s}", "");
        let rows = [
            pad("and the second column"),
            "The first column starts here".to_string(),
            pad("goes on below it for"),
            "and it ends its paragraph.".to_string(),
            pad("as many lines as the"),
            "It has a second paragraph".to_string(),
            pad("first one has, and then"),
            "that ends on this line.".to_string(),
            pad("a few more words to"),
            String::new(),
            "A heading".to_string(),
            pad("end its last paragraph"),
            "Then a third paragraph".to_string(),
            pad("on this line."),
            "in the first column.".to_string(),
        ];
        let page = rows.join("\n") + "\n";
        let lines = reordered_lines(&page);
        let pos = |s: &str| lines.iter().position(|l| l == s).unwrap();
        // The right column read whole after the left one.
        assert!(
            pos("in the first column.") < pos("and the second column"),
            "{lines:?}"
        );
        assert_eq!(
            pos("end its last paragraph"),
            pos("a few more words to") + 1
        );
    }

    #[test]
    fn a_column_that_goes_on_at_the_top_of_the_next_one_is_read_down_the_page() {
        // The left column runs on below a row empty across the page, the
        // right one ended above it: the left column's last line goes on at
        // the right column's top (the band above ends the left column's
        // text beside it with a finished sentence).
        let row = |l: &str, r: &str| {
            let pad = 14 - l.chars().count();
            format!("{l}{}{r}", " ".repeat(pad)).trim_end().to_string()
        };
        let page = [
            row("今天天气很好，大家都", "里有很多人在锻炼身体"),
            row("出门散步去了，街上人", "，有人跑步，有人打拳"),
            row("来人往，到处是欢声笑", "，气氛十分热烈，令人"),
            row("语。", "感到非常高兴。"),
            String::new(),
            row("公园新闻", ""),
            row("本周末，市中心的公园", ""),
        ]
        .join("\n")
            + "\n";
        let lines = reordered_lines(&page);
        let at = lines.iter().position(|l| l == "本周末，市中心的公园");
        assert_eq!(
            at.and_then(|i| lines.get(i + 1)).map(String::as_str),
            Some("里有很多人在锻炼身体"),
            "{lines:?}"
        );
        // Had the left column's text above ended in mid-sentence, the
        // bands would be read one after the other.
        let page = page.replacen("语。", "语，", 1);
        let (out, _) = reorder(&page);
        assert!(out.find("里有很多人").unwrap() < out.find("公园新闻").unwrap());
    }

    /// The lines of a page read in column order (one page reordered),
    /// trimmed, blank lines left out.
    fn reordered_lines(page: &str) -> Vec<String> {
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        out.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn reading_order(page: &str) -> String {
        let (out, pages) = reorder(page);
        assert_eq!(pages, 1);
        out.lines()
            .filter_map(|l| l.trim().chars().next())
            .collect()
    }

    #[test]
    fn a_headline_over_columns_ends_the_row_of_articles_above_it() {
        // Two articles of three columns each, the second one's headline
        // over its second and third columns only: the gutter left of it is
        // clear from top to bottom, yet the page is read article by article.
        let mut page = String::new();
        page += &row3("甲栏第一行文字", "乙栏第一行文字", "丙栏第一行文字");
        page += &row3("甲栏第二行文字", "乙栏第二行文字", "丙栏第二行文字");
        page += &row3("甲栏第三行文字", "乙栏第三行文字", "丙栏第三行文字");
        page += "            新闻标题横跨两栏在此处\n";
        page += &row3("丁栏第一行文字", "戊栏第一行文字", "己栏第一行文字");
        page += &row3("丁栏第二行文字", "戊栏第二行文字", "己栏第二行文字");
        page += &row3("丁栏第三行文字", "戊栏第三行文字", "己栏第三行文字");
        assert_eq!(
            reading_order(&page),
            "甲甲甲乙乙乙丙丙丙新丁丁丁戊戊戊己己己"
        );
    }

    #[test]
    fn a_column_that_goes_on_beside_a_headline_is_read_whole() {
        // The first column is one article from top to bottom; the headline
        // of the second row's article stands beside its text, over the
        // other two columns only.
        let mut page = String::new();
        page += &row3("甲栏第一行文字", "乙栏第一行文字", "丙栏第一行文字");
        page += &row3("甲栏第二行文字", "乙栏第二行文字", "丙栏第二行文字");
        page += &row3("甲栏第三行文字", "乙栏第三行文字", "丙栏第三行文字");
        page += "甲栏第四行文字     新闻标题横跨两栏在此处\n";
        for (a, b, c) in [("五", "一", "一"), ("六", "二", "二"), ("七", "三", "三")] {
            page += &row3(
                &format!("甲栏第{a}行文字"),
                &format!("戊栏第{b}行文字"),
                &format!("己栏第{c}行文字"),
            );
        }
        assert_eq!(
            reading_order(&page),
            "甲甲甲甲甲甲甲乙乙乙丙丙丙新戊戊戊己己己"
        );
    }

    #[test]
    fn text_without_columns_is_untouched() {
        for s in [
            "one line\nanother line\n",
            "a table   with   wide\nspaces   in   two rows\n",
            "电 （ 记 者 马 晓 霖 ）\n本 报 讯\n",
            "",
        ] {
            let (out, pages) = reorder(s);
            assert_eq!(pages, 0);
            assert!(matches!(out, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn nothing_is_lost() {
        let page = "a    b\n\ncc   dd  e\n   f    g\x0cxx    yy\nz";
        let (out, _) = reorder(page);
        let mut a: Vec<char> = page.chars().filter(|c| !c.is_whitespace()).collect();
        let mut b: Vec<char> = out.chars().filter(|c| !c.is_whitespace()).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }
}
