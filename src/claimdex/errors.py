"""One error hierarchy. Messages name the file and say what to do; never document text."""

from __future__ import annotations


class ClaimdexError(Exception):
    """Base of every error claimdex raises on purpose."""

    exit_code = 1
    category = "error"


class UsageError(ClaimdexError):
    exit_code = 2
    category = "usage"


class ConfigError(ClaimdexError):
    exit_code = 2
    category = "config"


class MissingDependencyError(ClaimdexError):
    exit_code = 3
    category = "missing_dependency"


class ModelError(ClaimdexError):
    exit_code = 3
    category = "model"


class IndexStoreError(ClaimdexError):
    exit_code = 4
    category = "index"


class InputFileError(ClaimdexError):
    """A problem with one input file; recorded as a failure, the batch goes on."""

    category = "input"


class EncryptedPdfError(InputFileError):
    category = "encrypted"


class CorruptFileError(InputFileError):
    category = "corrupt"


class EmptyFileError(InputFileError):
    category = "empty"


class UnsupportedFileTypeError(InputFileError):
    category = "unsupported"


class ArchiveLimitError(InputFileError):
    category = "archive_limit"


class UnsafeArchiveMemberError(InputFileError):
    category = "unsafe_member"


class ResourceLimitError(InputFileError):
    category = "resource_limit"
