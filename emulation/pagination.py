from django.core.paginator import Paginator

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
