"""Culling: the file operations the keys ask for, from the question to the folder updated."""
