from django.urls import path

from documents.reports import views

app_name = "reports"

urlpatterns = [
    path("clusters/<int:cluster_pk>/<year:year>/", views.cluster_report, name="cluster"),
    path(
        "clusters/<int:cluster_pk>/<year:year>/edit/",
        views.cluster_report_edit,
        name="cluster_edit",
    ),
    path(
        "clusters/<int:cluster_pk>/<year:year>/generate/",
        views.cluster_report_generate,
        name="cluster_generate",
    ),
    path("ministries/<int:ministry_pk>/<year:year>/", views.ministry_report, name="ministry"),
    path(
        "ministries/<int:ministry_pk>/<year:year>/edit/",
        views.ministry_report_edit,
        name="ministry_edit",
    ),
    path(
        "ministries/<int:ministry_pk>/<year:year>/generate/",
        views.ministry_report_generate,
        name="ministry_generate",
    ),
    path("<int:pk>/versions/", views.report_versions, name="versions"),
    path("versions/<int:pk>/download/", views.version_download, name="download"),
]
