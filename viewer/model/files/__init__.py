"""The user's files: operations on a worker thread, and the marks that group images for them."""
