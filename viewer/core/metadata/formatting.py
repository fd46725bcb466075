"""Text the user reads about an image: sizes and status lines. Qt-free so scripts share it."""

from __future__ import annotations

from viewer.core.metadata.image_info import ImageInfo

SEPARATOR = " · "


def format_file_size(size: int) -> str:
    """Bytes as people read them in file managers (decimal units): ``8.3 MB``."""
    if size < 1000:
        return f"{size} B"
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")


def status_line(index: int, count: int, name: str, info: ImageInfo | None, pending: str) -> str:
    """``INDEX / COUNT · NAME · WIDTH×HEIGHT · FILE SIZE``, with ``pending`` (what is under
    way, or what went wrong) until the image is loaded; then the decoder's note, if any."""
    parts = [f"{index + 1} / {count}", name]
    if info is not None:
        parts.append(f"{info.width}×{info.height}")
        parts.append(format_file_size(info.file_size))
        if info.frame_count > 1:
            parts.append(f"frame 1 of {info.frame_count}")
        if info.note:
            parts.append(info.note)
    elif pending:
        parts.append(pending)
    return SEPARATOR.join(parts)
