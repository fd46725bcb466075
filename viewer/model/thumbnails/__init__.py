"""The folder as a list model whose thumbnails arrive lazily, on a pool of their own."""
