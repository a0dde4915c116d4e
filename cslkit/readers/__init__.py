"""Readers: one module a format, each exposing a ``READER`` (see :mod:`cslkit.registry`)."""
