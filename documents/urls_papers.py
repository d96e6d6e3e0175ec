"""The papers' pages, mounted at ``documents/papers/`` (namespace ``papers``)."""

from django.urls import path

from documents.papers import versions, views

app_name = "papers"

urlpatterns = [
    path(
        "clusters/<int:cluster_pk>/<year:year>/",
        views.cluster_year_papers,
        name="cluster_year",
    ),
    path("<int:pk>/", views.paper_detail, name="detail"),
    path("<int:pk>/edit/", views.paper_edit, name="edit"),
    path("nominations/<int:nomination_pk>/", views.nomination_report, name="nomination"),
    path("upward/<int:dossier_pk>/", views.upward_paper, name="upward"),
    path("<int:pk>/generate/", versions.paper_generate, name="generate"),
    path("<int:pk>/signed/", versions.signed_upload, name="signed_upload"),
    path("versions/<int:pk>/<str:fmt>/", versions.version_file, name="version_file"),
    path("dossiers/<int:proposal_pk>/", versions.dossier_download, name="dossier"),
]
