"""How long tests wait for a signal or a condition before failing."""

TIMEOUT_MS = 5000


def gone_or_hidden(widget: object) -> bool:
    """Whether a widget is off screen: hidden, or deleted (a first frame deletes itself once
    handed over)."""
    from PyQt5 import sip
    from PyQt5.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    return sip.isdeleted(widget) or not widget.isVisible()
