"""Server-drawn SVG charts (no JS): the geometry here, the markup in the
templates, so that the admin pages and the PDFs draw the same bars."""

from __future__ import annotations


def bar_chart(values: list[tuple[str, int]], width: int = 720, height: int = 160) -> dict:
    """Geometry of an SVG bar chart (drawn by the template, no JS)."""
    top = max((v for _l, v in values), default=0) or 1
    step = width / max(len(values), 1)
    bars = []
    for i, (label, value) in enumerate(values):
        h = round(value / top * (height - 20), 1)
        bars.append(
            {
                "x": round(i * step + 1, 1),
                "y": round(height - h, 1),
                "w": round(max(step - 2, 1), 1),
                "h": h,
                "label": label,
                "value": value,
            }
        )
    return {"width": width, "height": height, "bars": bars, "top": top}


def rate_bars(rates: list[tuple[str, int | None]], *, row: int = 20, scale: int = 2) -> list[dict]:
    """Geometry of horizontal bars for percentages (None: nothing to rate)."""
    return [
        {"label": label, "rate": rate, "y": row * i + 4, "w": scale * (rate or 0)}
        for i, (label, rate) in enumerate(rates)
    ]
