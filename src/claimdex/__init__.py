"""claimdex: offline document intelligence for workers compensation claim files."""

__version__ = "0.1.0"
