"""Lists of records returned by the Python API, with a pandas view for notebooks."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


class RecordList(list[T], Generic[T]):
    """A plain list of dataclass records that can also become a ``pandas.DataFrame``."""

    def to_records(self) -> list[dict[str, Any]]:
        return [dataclasses.asdict(r) for r in self]

    def to_pandas(self) -> Any:
        """One row per record (nested fields stay as Python objects). Needs pandas."""
        try:
            import pandas as pd
        except ImportError as exc:  # pandas is optional
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame.from_records(self.to_records())
