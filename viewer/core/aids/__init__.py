"""Focus and exposure aids computed from pixels with numpy (Qt-free, run on workers)."""
