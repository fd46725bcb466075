"""Focus and exposure aids computed on worker threads."""
