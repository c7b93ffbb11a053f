"""Exceptions: one class per status code of the C ABI, all derived from readiness.Error."""


class Error(Exception):
    """A failure reported by libreadiness. `status` is the RDY_ERR_* code, `message` the
    library's text naming the place (JSON pointer, task or item id, line), `function` the C
    function that failed."""

    status = 0

    function = None

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


class InvalidArgumentError(Error, ValueError):
    status = 1


class ParseError(Error, ValueError):
    status = 2


class ValidationError(Error, ValueError):
    status = 3


class CycleError(Error, ValueError):
    status = 4


class NotFoundError(Error, LookupError):
    status = 5


class IoError(Error, OSError):
    status = 6


class StoreError(Error):
    status = 7


class VersionError(Error):
    status = 8


class LimitError(Error):
    status = 9


class CancelledError(Error):
    status = 10


class OutOfMemoryError(Error, MemoryError):
    status = 11


class InternalError(Error):
    status = 12


class BusyError(Error):
    status = 13


class ReadOnlyError(Error):
    status = 14


class ClosedError(Error, ValueError):
    """A handle was used after close()."""

    status = 1


_BY_STATUS = {cls.status: cls for cls in (
    InvalidArgumentError, ParseError, ValidationError, CycleError, NotFoundError, IoError,
    StoreError, VersionError, LimitError, CancelledError, OutOfMemoryError, InternalError,
    BusyError, ReadOnlyError)}


def from_status(status, message, function=None):
    """The exception for a status code (Error itself for codes newer than this package)."""
    cls = _BY_STATUS.get(status, Error)
    error = cls(message or f"status {status}")
    error.function = function
    if cls is Error:
        error.status = status
    return error
