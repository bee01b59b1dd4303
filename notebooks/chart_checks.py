"""Reads back what a matplotlib chart actually drew, so a notebook can assert that its chart
shows the mart's numbers (a wrong join, sort or label fails the run instead of going unseen)."""

import math


def bar_lengths(ax, container=0):
    """{tick label: bar length} of one bar series (ax.containers[container]) of a bar chart."""
    bars = ax.containers[container]
    horizontal = bars.orientation == "horizontal"
    labels = [t.get_text() for t in (ax.get_yticklabels() if horizontal else ax.get_xticklabels())]
    ticks = list(ax.get_yticks() if horizontal else ax.get_xticks())
    drawn = {}
    for bar in bars:
        centre = bar.get_y() + bar.get_height() / 2 if horizontal else bar.get_x() + bar.get_width() / 2
        label = labels[min(range(len(ticks)), key=lambda i: abs(ticks[i] - centre))]
        drawn[label] = bar.get_width() if horizontal else bar.get_height()
    return drawn


def assert_close(drawn, expected, what):
    """Every expected {label: number} was drawn, with nothing else, to 1e-9."""
    if set(drawn) != set(expected):
        raise AssertionError(
            f"{what}: the chart shows {sorted(drawn)} but the mart has {sorted(expected)}"
        )
    for label, value in expected.items():
        if not math.isclose(drawn[label], value, rel_tol=1e-9, abs_tol=1e-12):
            raise AssertionError(f"{what}: {label} is drawn as {drawn[label]}, the mart says {value}")
