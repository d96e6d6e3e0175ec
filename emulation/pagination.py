from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

PAGE_SIZE = 25


def paginate(request, queryset, per_page=PAGE_SIZE):
    """One page of a list; a bad page number shows the nearest real page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def filtered_page(request, filterset, page=paginate):
    """A filtered list's context: the filter, one page of its results (``page(request,
    queryset)``), and the query string of its other parameters (for the links to the other
    pages)."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page": page(request, filterset.qs),
        "query_string": query.urlencode(),
    }


def page_with_total(request, queryset):
    """``paginate``'s page, its rows and their number read in one query (a window count);
    the paginator counts apart only for a page past the last (it shows the last one). A
    ``distinct()`` queryset is counted apart too: the window would count its rows before
    they are made distinct."""
    if queryset.query.distinct:
        return paginate(request, queryset)
    paginator = Paginator(queryset, PAGE_SIZE)
    raw = request.GET.get("page") or "1"
    if not (raw.isascii() and raw.isdigit() and 0 < int(raw) < 10**6):
        return paginator.get_page(raw)  # its own answer to a page number that is not one
    number = int(raw)
    start = (number - 1) * PAGE_SIZE
    rows = list(queryset.annotate(total=Window(Count("pk")))[start : start + PAGE_SIZE])
    if not rows and number > 1:
        return paginator.get_page(number)
    paginator.count = rows[0].total if rows else 0
    return Page(rows, number, paginator)
