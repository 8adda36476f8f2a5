"""The one exception hierarchy of autoglm-ui; every message says what to do next.

::

    AutoGLMUIError
    ├── BrowserNotFoundError (+ FileNotFoundError)
    ├── CaptureError (+ RuntimeError)
    │   └── DetachedElementError
    ├── TargetError (+ LookupError)
    │   ├── NoMatchError
    │   └── AmbiguousTargetError
    ├── ModelError
    │   ├── ModelNotFoundError (+ FileNotFoundError)
    │   ├── ModelFormatError (+ ValueError)
    │   └── IntegrityError          (a file's sha256 does not match its manifest)
    ├── DatasetError (+ ValueError)
    └── StoreError (+ OSError)
"""

from __future__ import annotations


class AutoGLMUIError(Exception):
    """Base class of every error autoglm-ui raises on purpose."""


class BrowserNotFoundError(AutoGLMUIError, FileNotFoundError):
    """No Chromium or Chrome could be found to launch."""


class CaptureError(AutoGLMUIError, RuntimeError):
    """The page could not be captured (closed, navigated away, crashed)."""


class DetachedElementError(CaptureError):
    """The target element is no longer attached to the page."""


class TargetError(AutoGLMUIError, LookupError):
    """A target did not resolve to exactly one control."""


class NoMatchError(TargetError):
    """No control on the page matches the target."""


class AmbiguousTargetError(TargetError):
    """Several controls match the target."""


class ModelError(AutoGLMUIError):
    """A model release could not be loaded or used."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """The requested model release is not installed and cannot be installed."""


class ModelFormatError(ModelError, ValueError):
    """A model file is malformed or from a newer format version."""


class IntegrityError(ModelError):
    """A release file's content no longer matches the sha256 in its manifest."""


class DatasetError(AutoGLMUIError, ValueError):
    """A dataset or labelled-page file is malformed."""


class StoreError(AutoGLMUIError, OSError):
    """The release store cannot be read or written."""


__all__ = [
    "AmbiguousTargetError",
    "AutoGLMUIError",
    "BrowserNotFoundError",
    "CaptureError",
    "DatasetError",
    "DetachedElementError",
    "IntegrityError",
    "ModelError",
    "ModelFormatError",
    "ModelNotFoundError",
    "NoMatchError",
    "StoreError",
    "TargetError",
]
