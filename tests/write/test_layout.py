"""The table layouts every writer prints: each grid position covered by exactly one cell, every value
cell of the form placed once, in the columns of its row."""

from __future__ import annotations

from gongkai.model import Report, iter_cells
from gongkai.write.layout import Role, layouts


def test_every_grid_position_is_covered_once(report: Report) -> None:
    for name, layout in layouts(report).items():
        covered: dict[tuple[int, int], int] = {}
        for r, c, cell in layout.placed():
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered[(r + dr, c + dc)] = covered.get((r + dr, c + dc), 0) + 1
        assert set(covered) == {(r, c) for r in range(layout.height) for c in range(layout.width)}, name
        assert set(covered.values()) == {1}, name


def test_every_value_cell_is_placed_once(report: Report) -> None:
    refs = [cell.ref for layout in layouts(report).values() for row in layout.rows for cell in row if cell.role is Role.VALUE]
    assert refs == [tuple(ref) for ref, _ in iter_cells(report)]
    assert len(refs) == len(set(refs))


def test_values_are_the_last_cells_of_their_rows(report: Report) -> None:
    layout = layouts(report)["表三"]
    grid = layout.grid()
    for r in range(layout.header_rows, layout.height):
        values = [cell for cell in grid[r][3:] if cell is not None]
        assert len(values) == 7 and all(cell.role is Role.VALUE for cell in values)
