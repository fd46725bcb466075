"""The browsing benchmark's harness: a simulated share, baseline designs, probes, scripts.

``scripts/bench_browse.py`` is the command line; these modules are kept small so later
benchmarks (display figures) can reuse the share, the probe and the report.
"""
