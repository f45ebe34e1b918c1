"""The polynews version, in one place (pyproject.toml carries the same number for packaging)."""

VERSION = "0.1.0"
