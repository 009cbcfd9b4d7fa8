"""One page of a queryset: a LIMIT/OFFSET query (and a COUNT unless the total is known)."""

import math
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class Page:
    items: list[Any]
    page: int
    page_size: int
    total_items: int

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total_items / self.page_size)


def paginate(queryset: QuerySet, page: int, page_size: int, total_items: int | None = None) -> Page:
    """`total_items`: the size of `queryset` when the caller knows it cheaper than COUNT(*)."""
    total = queryset.count() if total_items is None else total_items
    start = (page - 1) * page_size
    # Past the last page there is nothing to read (and a huge OFFSET is never sent).
    items = list(queryset[start : start + page_size]) if start < total else []
    return Page(items=items, page=page, page_size=page_size, total_items=total)
