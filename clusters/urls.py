from django.urls import include, path

from clusters.views import core

app_name = "clusters"

# Pages of one cluster-year: /clusters/<pk>/years/<year>/…
year_patterns = [
    path("members/", core.membership_edit, name="members"),
]

urlpatterns = [
    path("", core.cluster_list, name="list"),
    path("new/", core.cluster_create, name="create"),
    path("<int:pk>/", core.cluster_detail, name="detail"),
    path("<int:pk>/edit/", core.cluster_edit, name="edit"),
    path("<int:pk>/years/<int:year>/", include(year_patterns)),
]
