"""The image area: the view, the current image as its load goes, its preview, and overlays."""
