"""What a file says about itself: one EXIF/TIFF reader, camera facts, and their text."""
