"""Entry point: parse the command line first, then start Qt and show the window."""

from __future__ import annotations

import logging
import sys

from viewer.cli import UsageError, fail, parse


def main(argv: list[str] | None = None) -> int:
    """Run the viewer; returns the process exit status."""
    try:
        options = parse(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        return fail(str(error))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from PyQt5.QtWidgets import QApplication

    from viewer.model.prefetch_model import PrefetchModel
    from viewer.ui.icon import application_icon
    from viewer.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Viewer")
    app.setOrganizationName("viewer")
    app.setWindowIcon(application_icon())
    model = PrefetchModel(
        threads=options.threads,
        plan=options.plan,
        max_images=options.max_images,
        max_bytes=options.max_bytes,
    )
    window = MainWindow(model)
    window.show()
    if options.sequence is not None:
        window.open_sequence(options.sequence, options.start_index)
    status = app.exec_()
    model.shutdown(wait=False)
    return int(status)
