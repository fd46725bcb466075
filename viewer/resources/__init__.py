"""Data only: the application icon and desktop entry, installed as ``viewer.resources``."""
