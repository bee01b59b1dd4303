"""How flowlake's charts look: one colour per outcome everywhere, percentages, readable names."""

import matplotlib.pyplot as plt
from matplotlib.ticker import PercentFormatter

# RapidPro's progress chart: ongoing, completed, expired, interrupted (failed folded in there;
# flowlake keeps failed apart, drawn next to interrupted in a darker shade of the same hue).
OUTCOMES = ["ongoing", "completed", "expired", "interrupted", "failed"]
OUTCOME_LABELS = {
    "ongoing": "Ongoing",
    "completed": "Completed",
    "expired": "Expired",
    "interrupted": "Interrupted",
    "failed": "Failed",
}
OUTCOME_COLOURS = {
    "ongoing": "#9e9e9e",
    "completed": "#2e7d32",
    "expired": "#f9a825",
    "interrupted": "#e57373",
    "failed": "#b71c1c",
}
RATE_COLOURS = {"completion": "#2e7d32", "response": "#1565c0"}

plt.rcParams.update(
    {
        "figure.dpi": 100,
        "savefig.dpi": 120,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titleweight": "bold",
        "axes.titlesize": 12,
        "axes.grid": True,
        "grid.alpha": 0.3,
    }
)


def percent_axis(axis):
    """Formats a 0..1 axis (ax.xaxis or ax.yaxis) as whole percentages."""
    axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def flow_label(name, uuid):
    """The flow name RapidPro shows; the UUID's first block when no run carried a name."""
    return name if isinstance(name, str) and name.strip() else f"flow {uuid[:8]}"


def percent(value):
    return f"{value:.1%}"
