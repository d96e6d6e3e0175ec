from django.core.paginator import Paginator

PAGE_SIZE = 25


def paginate(request, queryset, per_page=PAGE_SIZE):
    """One page of a list; a bad page number shows the nearest real page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
