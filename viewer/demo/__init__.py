"""The built-in demo and the sample images that benchmarks and tests share."""
