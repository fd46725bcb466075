"""Entry point: parse the command line first, then start Qt and show the window."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace

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
    from viewer.ui.settings import APPLICATION, ORGANIZATION, Settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(application_icon())
    settings = Settings()
    preferences = replace(settings.preferences(), **options.overrides)
    model = PrefetchModel(
        threads=preferences.threads,
        plan=preferences.plan,
        max_images=preferences.cache_images,
        max_bytes=preferences.max_bytes,
    )
    window = MainWindow(model, settings=settings)
    window.show_restored()
    if options.sequence is not None:
        window.open_sequence(options.sequence, options.start_index)
    else:
        window.offer_reopen()
    status = app.exec_()
    model.shutdown(wait=False)
    return int(status)
