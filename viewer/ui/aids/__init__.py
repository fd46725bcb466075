"""Focus and exposure aids over the image: toggles, scheduling and painting."""
