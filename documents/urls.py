from django.urls import path

from documents.views import registers, versions

app_name = "documents"

urlpatterns = [
    path("registers/", registers.register_list, name="registers"),
    path("registers/advance/", registers.register_advance, name="register_advance"),
    path("registers/<int:pk>/", registers.register_detail, name="register"),
    path("numbers/<int:pk>/cancel/", registers.number_cancel, name="number_cancel"),
    path("versions/<int:pk>/revoke/", versions.version_revoke, name="version_revoke"),
]
