"""A deterministic force-directed layout for large explorer views, in pure Python.

vis-network's own physics is pleasant for a few hundred nodes but takes
minutes to settle at ~1,500, so above a threshold the explorer computes the
positions here and draws with physics off. ``networkx.spring_layout`` would do,
but it needs numpy, which ``kg`` does not otherwise depend on; this is the same
Fruchterman–Reingold scheme with a grid so repulsion only looks at nearby
nodes (roughly linear per iteration instead of quadratic).

Seeded, so the same graph always gets the same picture.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["force_layout"]


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
