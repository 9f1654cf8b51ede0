"""Tables of a PDF page rebuilt from its ruling lines, and tables that continue on the next page joined.

1. Ruling segments that touch each other form a region (one table fragment per region).
2. The region's column and row boundaries are the x of its vertical and the y of its horizontal segments
   (clustered); two neighbouring elementary cells belong to the same merged cell when no ruling separates
   them along their common edge. A cell is therefore a box drawn on the page, whatever the baselines of the
   text inside it (the 洪泽区 row labels sit a few points below their values).
3. Characters are assigned to cells by their centre; a cell's text is its lines joined without separators.
4. A fragment that ends a page and one that starts the next page with the same outer edges are one table:
   their cells are laid on one grid, a header row printed again on the new page is dropped, an empty label
   cell at the top of the continuation extends the label above it, and a label cut by the page break
   (``（四）无`` / ``法提供``) is joined when the two halves make a label of the form.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from gongkai.model.form import (
    APPLICANT_HEADER,
    BALANCE_NOTE,
    FORM_2019,
    FORM_2021,
    ORGANISATION_HEADER,
    RESULTS_LABEL,
    SUIT_HEADER,
    Table3Group,
    Table4Column,
    Table4Group,
)
from gongkai.model.labels import normalize
from gongkai.read.pdf_page import Char, PageContent, Segment
from gongkai.read.pdf_text import cell_text, is_dashed_page_number

#: points within which two ruling coordinates are the same line
SNAP = 2.0
#: a ruling covers a cell edge when it runs along at least this share of it
COVER = 0.6
#: a "table" of more elementary cells than this on one page is a drawing (a report table has < 500); the
#: limit keeps time and memory bounded whatever the file draws
MAX_CELLS = 20_000


@dataclass(slots=True)
class Box:
    """A merged cell of a fragment: its box on the page and its text."""

    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    #: the box on its own page (``top``/``bottom`` move when fragments are laid on one grid)
    bbox: tuple[float, float, float, float]
    text: str = ""
    chars: list[Char] = field(default_factory=list)


@dataclass
class Fragment:
    """The part of a table drawn on one page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[Box]
    #: the elementary grid: column and row boundaries, and the merged cell owning each elementary cell
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)
    owner: list[Box] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- regions


def _cluster(values: list[float]) -> list[float]:
    """Sorted representatives of values closer than SNAP to each other."""
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[-1] > SNAP:
            out.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        out.append(sum(group) / len(group))
    return out


def _merge_collinear(segments: list[Segment], vertical: bool) -> list[Segment]:
    """Pieces of one line drawn cell by cell (WeasyPrint, LibreOffice) joined into one segment; pieces at
    the same position that do not touch (two tables above each other) stay apart."""
    if vertical:
        keyed = sorted((s[0], s[1], s[3]) for s in segments)
    else:
        keyed = sorted((s[1], s[0], s[2]) for s in segments)
    groups: list[list[tuple[float, float, float]]] = []
    for item in keyed:
        if groups and item[0] - groups[-1][-1][0] <= SNAP / 2:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[Segment] = []
    for group in groups:
        pos = group[0][0]
        lo_hi: list[list[float]] = []
        for _, lo, hi in sorted(group, key=lambda g: g[1]):
            if lo_hi and lo <= lo_hi[-1][1] + SNAP:
                lo_hi[-1][1] = max(lo_hi[-1][1], hi)
            else:
                lo_hi.append([lo, hi])
        for lo, hi in lo_hi:
            out.append((pos, lo, pos, hi) if vertical else (lo, pos, hi, pos))
    return out


def _regions(
    horizontals: list[Segment], verticals: list[Segment]
) -> list[tuple[list[Segment], list[Segment]]]:
    """Connected groups of ruling segments (a horizontal and a vertical touch within SNAP)."""
    horizontals = _merge_collinear(horizontals, vertical=False)
    verticals = _merge_collinear(verticals, vertical=True)
    segs = horizontals + verticals
    n_h = len(horizontals)
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    verticals_sorted = sorted(range(n_h, len(segs)), key=lambda i: segs[i][0])
    vx = [segs[i][0] for i in verticals_sorted]
    for hi in range(n_h):
        hx0, hy, hx1, _ = segs[hi]
        start = bisect_right(vx, hx0 - SNAP - 0.001)
        for k in range(start, len(vx)):
            vi = verticals_sorted[k]
            x, vtop, _, vbottom = segs[vi]
            if x > hx1 + SNAP:
                break
            if vtop - SNAP <= hy <= vbottom + SNAP:
                a, b = find(hi), find(vi)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, seg in enumerate(segs):
        hs, vs = groups.setdefault(find(i), ([], []))
        (hs if i < n_h else vs).append(seg)
    return [g for g in groups.values() if g[0] and g[1]]


def _covered(intervals: list[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the intervals (sorted, at one coordinate) cover at least COVER of [lo, hi]."""
    need = (hi - lo) * COVER
    total = 0.0
    for a, b in intervals:
        if b <= lo:
            continue
        if a >= hi:
            break
        total += min(b, hi) - max(a, lo)
    return total >= need


def _lines_at(
    coords: list[float], segments: list[Segment], vertical: bool
) -> list[list[tuple[float, float]]]:
    """For every boundary coordinate, the merged intervals of the segments lying on it."""
    found: list[list[tuple[float, float]]] = [[] for _ in coords]
    for seg in segments:
        pos = seg[0] if vertical else seg[1]
        lo, hi = (seg[1], seg[3]) if vertical else (seg[0], seg[2])
        i = bisect_right(coords, pos) - 1
        for j in (i, i + 1):
            if 0 <= j < len(coords) and abs(coords[j] - pos) <= SNAP:
                found[j].append((lo - SNAP, hi + SNAP))
                break
    for intervals in found:
        intervals.sort()
    return found


def page_fragments(content: PageContent) -> tuple[list[Fragment], list[Char]]:
    """The table fragments of a page and the characters outside them."""
    fragments: list[Fragment] = []
    for hs, vs in _regions(content.horizontals, content.verticals):
        fragment = _fragment(content.number, hs, vs)
        if fragment is not None:
            fragments.append(fragment)
    if not fragments:
        return [], content.chars
    fragments.sort(key=lambda f: f.top)
    rest: list[Char] = []
    boxes = [
        (f.x0, f.top, f.x1, f.bottom, f.xs, f.ys, len(f.xs) - 2, len(f.ys) - 2, f.owner) for f in fragments
    ]
    for ch in content.chars:
        cx, cy = (ch[1] + ch[3]) / 2, (ch[2] + ch[4]) / 2
        for x0, top, x1, bottom, xs, ys, last_col, last_row, owner in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                # the elementary cell under the character's centre, and the merged cell owning it
                c = bisect_right(xs, cx) - 1
                r = bisect_right(ys, cy) - 1
                c = 0 if c < 0 else last_col if c > last_col else c
                r = 0 if r < 0 else last_row if r > last_row else r
                owner[r * (last_col + 1) + c].chars.append(ch)
                break
        else:
            rest.append(ch)
    for fragment in fragments:
        for cell in fragment.cells:
            cell.text = cell_text(cell.chars)
            if is_dashed_page_number(cell.text) and cell.top > content.height * 0.85:
                cell.text = ""  # a page number drawn inside an open-ended table at the page foot
    return fragments, rest


def _fragment(page: int, hs: list[Segment], vs: list[Segment]) -> Fragment | None:
    x0 = min(min(s[0] for s in hs), min(s[0] for s in vs))
    x1 = max(max(s[2] for s in hs), max(s[2] for s in vs))
    top = min(min(s[1] for s in hs), min(s[1] for s in vs))
    bottom = max(max(s[3] for s in hs), max(s[3] for s in vs))
    xs = _cluster([s[0] for s in vs] + [x0, x1])
    ys = _cluster([s[1] for s in hs] + [top, bottom])
    if len(xs) < 2 or len(ys) < 2 or (len(xs) < 3 and len(ys) < 3):
        return None  # a box around a paragraph or a lone underline, not a table
    if (len(xs) - 1) * (len(ys) - 1) > MAX_CELLS:
        return None  # a hatching or a drawing, not a report table: its text is read as lines
    v_at = _lines_at(xs, vs, vertical=True)
    h_at = _lines_at(ys, hs, vertical=False)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _covered(v_at[c + 1], ys[r], ys[r + 1]):
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and not _covered(h_at[r + 1], xs[c], xs[c + 1]):
                parent[find(here)] = find(here + n_cols)
    spans: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            span = spans.setdefault(find(r * n_cols + c), [r, c, r, c])
            span[0], span[1] = min(span[0], r), min(span[1], c)
            span[2], span[3] = max(span[2], r), max(span[3], c)
    boxes: dict[int, Box] = {
        root: Box(xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1], page, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        for root, (r0, c0, r1, c1) in spans.items()
    }
    if len(boxes) < 2:
        return None
    owner = [boxes[find(i)] for i in range(n_rows * n_cols)]
    cells = sorted(boxes.values(), key=lambda b: (b.top, b.x0))
    return Fragment(page, xs[0], ys[0], xs[-1], ys[-1], cells, xs, ys, owner)


# ---------------------------------------------------------------------------------------------- joining


def _known_labels() -> frozenset[str]:
    labels: set[str] = {RESULTS_LABEL, BALANCE_NOTE, APPLICANT_HEADER, ORGANISATION_HEADER, SUIT_HEADER}
    for form in (FORM_2021, FORM_2019):
        for row in form.table3:
            labels.add(row.label)
        for block in form.table2:
            labels.add(block.title)
            for t2row in block.rows:
                labels.add(t2row.label_in(form.edition))
            labels.update(col.label for col in block.columns)
    labels.update(group.label for group in Table3Group)
    labels.update(group.label for group in Table4Group)
    labels.update(col.label for col in Table4Column)
    return frozenset(normalize(label) for label in labels if label)


_KNOWN: frozenset[str] | None = None


def _is_label(text: str) -> bool:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = _known_labels()
    return normalize(text) in _KNOWN


def _top_row(cells: list[Box]) -> list[str]:
    top = min(c.top for c in cells)
    return [normalize(c.text) for c in sorted(cells, key=lambda b: b.x0) if abs(c.top - top) <= SNAP]


_STARTS: frozenset[str] | None = None


def _starts_a_table(row: list[str]) -> bool:
    """A first row that only the first row of 表二, 表三 or 表四 has (a new table, not a continuation)."""
    global _STARTS
    if _STARTS is None:
        firsts = {BALANCE_NOTE, APPLICANT_HEADER, Table4Group.REVIEW.label, SUIT_HEADER}
        firsts.update(form.table2[0].title for form in (FORM_2021, FORM_2019))
        _STARTS = frozenset(normalize(label) for label in firsts)
    return any(text in _STARTS for text in row)


def continues(upper_cells: list[Box], upper: Fragment, lower: Fragment) -> bool:
    """Whether ``lower`` (first block of the next page) continues the table whose last fragment is
    ``upper`` (last block of a page): the same outer edges, and not the first row of another table (a
    header repeated on the new page is the same table's first row again)."""
    if abs(upper.x0 - lower.x0) > 4 * SNAP or abs(upper.x1 - lower.x1) > 4 * SNAP:
        return False
    first = _top_row(lower.cells)
    return not _starts_a_table(first) or first == _top_row(upper_cells)


def _is_number(text: str) -> bool:
    t = text.replace(",", "").replace("，", "").strip()
    return bool(t) and (t.replace(".", "", 1).isdigit() or t in ("/", "-", "—"))


def join(upper_cells: list[Box], lower: Fragment, offset: float) -> list[Box]:
    """Lay ``lower`` under the cells already joined (its y shifted by ``offset``), dropping a repeated
    header and mending label cells cut by the page break. Returns the combined cell list."""
    moved = [
        Box(c.x0, c.top + offset, c.x1, c.bottom + offset, c.page, c.bbox, c.text, c.chars)
        for c in lower.cells
    ]
    moved.sort(key=lambda b: (b.top, b.x0))
    moved = _drop_repeated_header(upper_cells, moved)
    if not moved:
        return upper_cells
    upper_bottom = max(c.bottom for c in upper_cells)
    lower_top = min(c.top for c in moved)
    if lower_top > upper_bottom + SNAP:  # a dropped header leaves a gap: close it, or it becomes a row
        for c in moved:
            c.top -= lower_top - upper_bottom
            c.bottom -= lower_top - upper_bottom
        lower_top = upper_bottom
    value_x = min((c.x0 for c in moved if _is_number(c.text)), default=float("inf"))
    kept: list[Box] = []
    for cell in moved:
        above = None
        if abs(cell.top - lower_top) <= SNAP and cell.x1 <= value_x + SNAP:
            above = next(
                (
                    u
                    for u in upper_cells
                    if abs(u.bottom - upper_bottom) <= SNAP
                    and abs(u.x0 - cell.x0) <= SNAP
                    and abs(u.x1 - cell.x1) <= SNAP
                ),
                None,
            )
        if (
            above is not None
            and above.text
            and (not cell.text or (_is_label(above.text + cell.text) and not _is_label(above.text)))
        ):
            # the same label cell, cut by the page break: extend the upper half over the lower one
            above.text += cell.text
            above.bottom = cell.bottom
            continue
        kept.append(cell)
    return upper_cells + kept


def _drop_repeated_header(upper_cells: list[Box], moved: list[Box]) -> list[Box]:
    """Word's "repeat header rows": the first rows of the continuation equal the first rows of the table."""

    def rows(cells: list[Box]) -> list[list[Box]]:
        out: list[list[Box]] = []
        for cell in sorted(cells, key=lambda b: (b.top, b.x0)):
            if out and abs(out[-1][0].top - cell.top) <= SNAP:
                out[-1].append(cell)
            else:
                out.append([cell])
        return out

    upper_rows, lower_rows = rows(upper_cells), rows(moved)
    drop = 0
    while drop < min(len(upper_rows), len(lower_rows)) - 1:
        a = [normalize(c.text) for c in upper_rows[drop]]
        b = [normalize(c.text) for c in lower_rows[drop]]
        if a != b or not any(a) or any(_is_number(t) for t in b):
            break
        drop += 1
    if not drop:
        return moved
    dropped = {id(c) for row in lower_rows[:drop] for c in row}
    return [c for c in moved if id(c) not in dropped]


# ---------------------------------------------------------------------------------------------- grid


@dataclass(slots=True)
class Placed:
    """A merged cell placed on the joined grid."""

    box: Box
    row: int
    col: int
    rowspan: int
    colspan: int


def place(cells: list[Box]) -> tuple[int, int, list[Placed]]:
    """Rows × columns of the grid the cells' edges define, and each cell's position and spans."""
    xs = _cluster([c.x0 for c in cells] + [c.x1 for c in cells])
    ys = _cluster([c.top for c in cells] + [c.bottom for c in cells])

    placed: list[Placed] = []
    for cell in cells:
        # bisect + nearest neighbour, inlined: this runs for every cell of every table
        x0, x1, y0, y1 = cell.x0, cell.x1, cell.top, cell.bottom
        i = bisect_right(xs, x0)
        c0 = 0 if i == 0 else len(xs) - 1 if i == len(xs) else (i if xs[i] - x0 < x0 - xs[i - 1] else i - 1)
        i = bisect_right(xs, x1)
        c1 = 0 if i == 0 else len(xs) - 1 if i == len(xs) else (i if xs[i] - x1 < x1 - xs[i - 1] else i - 1)
        i = bisect_right(ys, y0)
        r0 = 0 if i == 0 else len(ys) - 1 if i == len(ys) else (i if ys[i] - y0 < y0 - ys[i - 1] else i - 1)
        i = bisect_right(ys, y1)
        r1 = 0 if i == 0 else len(ys) - 1 if i == len(ys) else (i if ys[i] - y1 < y1 - ys[i - 1] else i - 1)
        if c1 <= c0 or r1 <= r0:
            continue  # a sliver between two nearly equal rulings
        placed.append(Placed(cell, r0, c0, r1 - r0, c1 - c0))
    return len(ys) - 1, len(xs) - 1, placed
