"""Benchmarks run by `make bench`; each figure beside a floor measured in the same run."""
