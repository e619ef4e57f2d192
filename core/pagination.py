"""Paging of lists: ``page_of`` for every list, and a paginator that reads the total with the
page's rows (one query per page, not two).

Django's ``Paginator`` first counts (``SELECT COUNT(*)``), then reads the page. This one
annotates every row of the page with the number of rows of the whole query
(``COUNT(*) OVER ()``) and takes the count from the first row. Only a page past the end (no
rows) asks ``COUNT`` to find the last page, as ``Paginator.get_page`` does. Querysets with
``DISTINCT`` are counted the ordinary way (the window would count rows before ``DISTINCT``).
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

_TOTAL = "pagination_total"
# Rows per page of a list, unless the list says otherwise.
PAGE_SIZE = 25


def page_of(request, queryset, *, per_page: int = PAGE_SIZE, param: str = "page") -> Page:
    """The page of the list the request asks for (``?page=``): a count and the page's rows."""
    return Paginator(queryset, per_page).get_page(request.GET.get(param))


class CountedPagePaginator(Paginator):
    def get_page(self, number):
        queryset = self.object_list
        if self.orphans or getattr(queryset, "query", None) is None or queryset.query.distinct:
            return super().get_page(number)
        try:
            number = int(number) if number is not None else 1
        except (TypeError, ValueError):
            number = 1
        if number < 1:
            return super().get_page(number)  # Django shows the last page
        bottom = (number - 1) * self.per_page
        rows = list(
            queryset.annotate(**{_TOTAL: Window(Count("pk"))})[bottom : bottom + self.per_page]
        )
        if not rows:
            if number > 1:
                return super().get_page(number)  # past the end: COUNT, then the last page
            self.__dict__["count"] = 0
            return self._get_page(rows, number, self)
        self.__dict__["count"] = getattr(rows[0], _TOTAL)
        return self._get_page(rows, number, self)
