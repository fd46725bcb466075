"""Playing animated images: frames decoded on a worker, a bounded few at a time."""
