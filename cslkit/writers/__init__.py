"""Writers: one module a format, each exposing a ``WRITER`` (see :mod:`cslkit.registry`)."""
