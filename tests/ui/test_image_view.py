from PyQt5.QtCore import QSize

from viewer.ui.image_view import fitted_size


def test_fit_keeps_aspect_ratio_when_shrinking():
    assert fitted_size(QSize(6000, 4000), QSize(1200, 1000)) == QSize(1200, 800)
    assert fitted_size(QSize(4000, 6000), QSize(1200, 1000)) == QSize(666, 1000)  # Qt rounds down


def test_fit_never_enlarges():
    assert fitted_size(QSize(300, 200), QSize(1200, 1000)) == QSize(300, 200)


def test_fit_empty():
    assert fitted_size(QSize(0, 0), QSize(10, 10)).isEmpty()
