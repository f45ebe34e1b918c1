"""The error tree of polynews.

    PolynewsError                  anything polynews expects and can explain in one line
    ├── InputError                 a path, file or document that cannot become an article
    │   ├── NotFoundError          the path does not exist
    │   ├── UnreadableError        permission denied, symlink loop, I/O error
    │   ├── TooLargeError          over the size cap
    │   ├── EmptyInputError        empty or whitespace-only
    │   ├── BinaryInputError       not text (image, executable, archive, NUL bytes)
    │   ├── DecodeError            text in no encoding we can detect
    │   └── ExtractionError        HTML or JSON with no article text in it
    ├── TranslationUnavailable     no model installed for a language pair
    ├── TranslationError           a model failed on an article
    ├── ModelError                 a model file that is missing, corrupt or of the wrong kind
    ├── StoreError                 the database cannot be opened or migrated
    └── QueryError                 a malformed search query

A `PolynewsError` is recorded on the article (status ``failed`` plus its one-line message) and the run goes
on; anything else is a bug and propagates. Messages say what happened and, where there is one, the fix.
"""

from __future__ import annotations


class PolynewsError(Exception):
    """Base of every error polynews expects; ``str(err)`` is one line a user can act on."""


class InputError(PolynewsError):
    pass


class NotFoundError(InputError):
    pass


class UnreadableError(InputError):
    pass


class TooLargeError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class ExtractionError(InputError):
    pass


class TranslationUnavailable(PolynewsError):
    pass


class TranslationError(PolynewsError):
    pass


class ModelError(PolynewsError):
    pass


class StoreError(PolynewsError):
    pass


class QueryError(PolynewsError):
    pass
