"""A deterministic force-directed layout for large explorer views, in pure Python.

vis-network's own physics is pleasant for a few hundred nodes but takes
minutes to settle at ~1,500, so above a threshold the explorer computes the
positions here and draws with physics off. ``networkx.spring_layout`` would do,
but it needs numpy, which ``kg`` does not otherwise depend on; this is the same
Fruchterman–Reingold scheme with a grid so repulsion only looks at nearby
nodes (roughly linear per iteration instead of quadratic).

Seeded, so the same graph always gets the same picture.

:func:`readable_layout` then makes the first view readable: it scales the
picture to a size the page's fitted zoom shows near 1:1 and moves nodes apart
until the labels of the most connected nodes overlap neither each other nor a
node (a force layout only keeps node *centres* apart, so the hubs' names used to
sit on top of each other in the middle).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

__all__ = ["force_layout", "readable_layout", "label_box", "boxes_overlap"]


def force_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    seed: int = 7,
    iterations: int = 60,
    edge_length: float = 160.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels for ``nodes``, roughly ``edge_length`` between neighbours.

    Nodes not touched by any edge are laid out too; the picture is centred on 0,0.
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    links = sorted({(min(index[a], index[b]), max(index[a], index[b]))
                    for a, b in edges if a in index and b in index and a != b})
    degree = [0] * n
    for a, b in links:
        degree[a] += 1
        degree[b] += 1
    # Attraction shared out over a hub's links (ForceAtlas2's "dissuade hubs"):
    # otherwise a leader with 300 neighbours pulls them all into one dense blob,
    # which is unreadable and makes the grid repulsion quadratic again.
    pull = [1.0 / math.sqrt(max(degree[a], 1) * max(degree[b], 1)) for a, b in links]

    k = 1.0  # ideal distance in layout units; scaled to pixels at the end
    side = math.sqrt(n) * k * 1.5
    rng = random.Random(seed)
    xs = [rng.uniform(-side / 2, side / 2) for _ in range(n)]
    ys = [rng.uniform(-side / 2, side / 2) for _ in range(n)]
    cell = 2.0 * k
    temperature = side / 8
    cooling = temperature / (iterations + 1)
    gravity = 0.05

    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(n):
            grid[(int(math.floor(xs[i] / cell)), int(math.floor(ys[i] / cell)))].append(i)
        # repulsion k²/d from nodes in the 3×3 neighbouring cells
        for (cx, cy), members in grid.items():
            near = [j for ox in (-1, 0, 1) for oy in (-1, 0, 1) for j in grid.get((cx + ox, cy + oy), ())]
            for i in members:
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j in near:
                    if j == i:
                        continue
                    ddx, ddy = xi - xs[j], yi - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 < 1e-9:  # coincident: push apart along a fixed direction
                        ddx, ddy, d2 = 0.01 * ((i - j) % 7 + 1), 0.01, 1e-4
                    if d2 > 4 * cell * cell:
                        continue
                    f = k * k / d2
                    fx += ddx * f
                    fy += ddy * f
                dx[i] += fx
                dy[i] += fy
        # attraction d²/k along edges
        for (a, b), w in zip(links, pull):
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 1e-6
            f = w * d / k
            dx[a] -= ddx * f
            dy[a] -= ddy * f
            dx[b] += ddx * f
            dy[b] += ddy * f
        # weak gravity keeps separate components on one screen
        for i in range(n):
            dx[i] -= gravity * xs[i]
            dy[i] -= gravity * ys[i]
            disp = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if disp > 0:
                step = min(disp, temperature)
                xs[i] += dx[i] / disp * step
                ys[i] += dy[i] / disp * step
        temperature = max(temperature - cooling, 0.01)

    mx, my = sum(xs) / n, sum(ys) / n
    scale = edge_length / k
    return {node: (round((xs[i] - mx) * scale, 1), round((ys[i] - my) * scale, 1)) for i, node in enumerate(nodes)}


# Average advance of a character of the page's font (DejaVu Sans) per pixel of
# font size; only an estimate (the page measures the real text before drawing).
CHAR_EM = 0.62
LABEL_GAP = 4.0  # vis-network draws a shape's label this far below it


def label_box(x: float, y: float, radius: float, label: str, font: float) -> tuple[float, float, float, float]:
    """Where vis-network draws a node's label below its shape: (left, top, right, bottom)."""
    lines = label.split("\n") or [""]
    w = max(len(line) for line in lines) * font * CHAR_EM
    h = len(lines) * font * 1.25
    top = y + radius + LABEL_GAP
    return (x - w / 2, top, x + w / 2, top + h)


def boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float], pad: float = 0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def readable_layout(
    nodes: Sequence[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    sizes: Sequence[float],
    labels: Sequence[str],
    seed: int = 7,
    view: tuple[float, float] = (1100.0, 620.0),
    font: float = 13.0,
    major: int = 60,
    rounds: int = 40,
) -> dict[Hashable, tuple[float, float]]:
    """A force layout scaled for a fitted view, with the major labels given room.

    ``nodes`` come most connected first (the order of the explorer's view);
    ``sizes``/``labels`` are each node's radius and canvas label; ``view`` is
    the canvas the page usually has (pixels). The picture is stretched to a box
    of that shape (larger for more nodes, so their density stays bearable), then
    the first ``major`` nodes' footprints (shape plus label at ``font`` pixels
    *on screen*) are pushed apart from each other and from every other node's
    shape, and the other shapes from each other. Pushing widens the picture, so
    the fitted zoom shrinks and labels need more canvas room: the zoom is
    re-estimated and the push repeated until it holds. The page still checks
    the real drawn labels and hides those that overlap (they appear when one
    zooms in).
    """
    n = len(nodes)
    links = list(edges)
    pos = force_layout(nodes, links, seed=seed)
    if n <= 1:
        return pos
    xs = [pos[v][0] for v in nodes]
    ys = [pos[v][1] for v in nodes]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    view_w, view_h = view
    target_w = max(view_w * 0.9, 85.0 * math.sqrt(n))
    target_h = target_w * view_h / view_w
    # each axis stretched to the box: the canvas is wider than tall, a force layout is round
    fx, fy = target_w / span_x, target_h / span_y
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    xs = [(x - cx) * fx for x in xs]
    ys = [(y - cy) * fy for y in ys]
    k = min(major, n)
    x0, y0 = list(xs), list(ys)

    def footprints(zoom: float) -> list[tuple[float, float, float, float]]:
        canvas_font = font / zoom
        out = []
        for i in range(n):
            r = sizes[i]
            if i < k:
                l, t, rr, b = label_box(xs[i], ys[i], r, labels[i], canvas_font)
                out.append((min(l, xs[i] - r), ys[i] - r, max(rr, xs[i] + r), b))
            else:
                out.append((xs[i] - r, ys[i] - r, xs[i] + r, ys[i] + r))
        return out

    def fitted_zoom() -> float:
        boxes = footprints(zoom)
        w = max(b[2] for b in boxes) - min(b[0] for b in boxes)
        h = max(b[3] for b in boxes) - min(b[1] for b in boxes)
        return min(view_w / max(w, 1.0), view_h / max(h, 1.0))

    # Room for every major label may not exist: pushing them apart widens the picture, the
    # fitted zoom shrinks and each label needs more canvas. Fewer majors are tried until the
    # picture keeps its zoom (the page then labels what fits, the rest on zooming in).
    zoom = min(view_w / (target_w + 2 * max(sizes)), view_h / (target_h + 2 * max(sizes) + 3 * font))
    while True:
        xs[:], ys[:] = x0, y0
        _separate(xs, ys, sizes, k, lambda: footprints(zoom), font / zoom, labels, 10.0 / zoom, rounds)
        if fitted_zoom() >= zoom * 0.85 or k <= 8:
            break
        k = k * 2 // 3
    return {v: (round(xs[i], 1), round(ys[i], 1)) for i, v in enumerate(nodes)}


def _separate(
    xs: list[float], ys: list[float], sizes: Sequence[float], k: int,
    all_footprints: Callable[[], list[tuple[float, float, float, float]]],
    canvas_font: float, labels: Sequence[str], pad: float, rounds: int,
) -> None:
    """Push the first ``k`` footprints off each other and off every shape; shapes off shapes."""
    n = len(xs)

    def footprint(i: int) -> tuple[float, float, float, float]:
        r = sizes[i]
        if i < k:
            l, t, rr, b = label_box(xs[i], ys[i], r, labels[i], canvas_font)
            return (min(l, xs[i] - r), ys[i] - r, max(rr, xs[i] + r), b)
        return (xs[i] - r, ys[i] - r, xs[i] + r, ys[i] + r)

    for _ in range(rounds):
        moved = False
        boxes = all_footprints()
        for i in range(k):
            for j in range(i + 1, n):
                a, b = boxes[i], boxes[j]
                if not boxes_overlap(a, b, pad):
                    continue
                # apart along the axis that needs the smaller move; the less connected node moves more
                ox = min(a[2], b[2]) - max(a[0], b[0]) + pad
                oy = min(a[3], b[3]) - max(a[1], b[1]) + pad
                wi, wj = (0.3, 0.7) if j >= k else (0.5, 0.5)
                if ox < oy:
                    d = 1.0 if (a[0] + a[2]) <= (b[0] + b[2]) else -1.0
                    xs[i] -= d * ox * wi
                    xs[j] += d * ox * wj
                else:
                    d = 1.0 if (a[1] + a[3]) <= (b[1] + b[3]) else -1.0
                    ys[i] -= d * oy * wi
                    ys[j] += d * oy * wj
                boxes[i], boxes[j] = footprint(i), footprint(j)
                moved = True
        # the other nodes' shapes apart from each other too (a grid: only neighbours compared)
        cell = 2 * max(sizes) + pad
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(k, n):
            grid[(int(math.floor(xs[i] / cell)), int(math.floor(ys[i] / cell)))].append(i)
        for (gx, gy), members in grid.items():
            near = [j for ox_ in (-1, 0, 1) for oy_ in (-1, 0, 1) for j in grid.get((gx + ox_, gy + oy_), ())]
            for i in members:
                for j in near:
                    if j <= i:
                        continue
                    ddx, ddy = xs[j] - xs[i], ys[j] - ys[i]
                    dist = math.hypot(ddx, ddy)
                    need = sizes[i] + sizes[j] + pad / 2
                    if dist >= need:
                        continue
                    if dist < 1e-6:  # on top of each other: apart along a direction fixed by the indices
                        angle = (i * 7 + j * 13) % 360 * math.pi / 180
                        ddx, ddy, dist = math.cos(angle), math.sin(angle), 1.0
                    push = (need - dist) / 2
                    xs[i] -= ddx / dist * push
                    ys[i] -= ddy / dist * push
                    xs[j] += ddx / dist * push
                    ys[j] += ddy / dist * push
                    moved = True
        if not moved:
            break
