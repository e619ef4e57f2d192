"""Bar charts as SVG, drawn by a template on the server (no JavaScript): the geometry here,
the markup in ``reports/fragments/bar_chart.html``. Every chart carries its data as a table,
its text alternative."""

from dataclasses import dataclass

LABEL_WIDTH = 240
BAR_AREA = 330
VALUE_WIDTH = 50
ROW_HEIGHT = 22
BAR_HEIGHT = 14
TOP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    y: int
    text_y: int
    width: int
    value_x: int


@dataclass(frozen=True)
class BarChart:
    key: str  # unique in the page: the ids of title and table
    title: str
    unit: str
    bars: list
    width: int
    height: int
    label_width: int = LABEL_WIDTH

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def bar_chart(key: str, title: str, rows, *, unit: str = "") -> BarChart:
    """Horizontal bars, one per (label, value) row, scaled to the largest value."""
    rows = [(str(label), value or 0) for label, value in rows]
    largest = max((value for _, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        width = round(BAR_AREA * value / largest)
        bars.append(
            Bar(
                label=label,
                value=value,
                display=f"{value:g}".replace(".", ","),
                y=y,
                text_y=y + BAR_HEIGHT - 2,
                width=max(width, 1 if value else 0),
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        key=key,
        title=title,
        unit=unit,
        bars=bars,
        width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height=TOP * 2 + ROW_HEIGHT * max(len(bars), 1),
    )
