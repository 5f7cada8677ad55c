"""The two spin boxes of a toxicity score band, as the filter bar's "Custom…" score range and
"Select score range…" both ask for one."""

from PySide6.QtWidgets import QDoubleSpinBox, QWidget


def score_spin(parent: QWidget, value: float, name: str = "") -> QDoubleSpinBox:
    """A toxicity score bound: 0.00–1.00 in steps of 0.05."""
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(0.0, 1.0)
    spin.setSingleStep(0.05)
    spin.setDecimals(2)
    spin.setValue(value)
    return spin


def spin_bounds(low: QDoubleSpinBox, high: QDoubleSpinBox) -> tuple[float, float]:
    """The two spin boxes' values, lower first whichever way round they were set."""
    a, b = low.value(), high.value()
    return (min(a, b), max(a, b))
