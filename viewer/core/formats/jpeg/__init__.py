"""JPEG: markers, the header's layout, the MPF preview index and the libjpeg-turbo fast path."""
