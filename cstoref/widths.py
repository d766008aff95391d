"""Column widths for a table: every column at least its minimum, the rest shared by need."""

from __future__ import annotations


def allocate_keeping(naturals: list[int], keeps: list[int], words: list[int], order: list[int],
                      available: int) -> list[int] | None:
    """Widths that keep each column's short cells whole, giving that up column by column in
    `order` (down to its words) only where the columns cannot fit otherwise."""
    floor = list(keeps)
    widths = allocate(naturals, floor, available)
    for i in order:
        if widths is not None:
            break
        # Only as much as is missing, so that the shorter cells of that column stay whole.
        excess = sum(max(1, min(n, f)) for n, f in zip(naturals, floor)) - available
        floor[i] = max(words[i], floor[i] - max(0, excess))
        widths = allocate(naturals, floor, available)
    return widths


def allocate(naturals: list[int], minimums: list[int], available: int) -> list[int] | None:
    """Column widths that fit `available` cells, or None when even the minimums do not.

    Every column first gets its minimum (its longest word, within bounds); the cells left
    over go to the columns in proportion to how much more they would need.
    """
    naturals = [max(1, n) for n in naturals]
    if sum(naturals) <= available:
        return naturals
    minimums = [max(1, min(n, m)) for n, m in zip(naturals, minimums)]
    if sum(minimums) > available:
        return None
    widths = list(minimums)
    remaining = available - sum(widths)
    wants = [n - w for n, w in zip(naturals, widths)]
    total_want = sum(wants)
    for i, want in enumerate(wants):
        grant = min(want, remaining * want // total_want) if total_want else 0
        widths[i] += grant
    leftover = available - sum(widths)
    for i in sorted(range(len(widths)), key=lambda j: widths[j] - naturals[j]):
        if leftover <= 0:
            break
        grant = min(naturals[i] - widths[i], leftover)
        widths[i] += grant
        leftover -= grant
    return widths
