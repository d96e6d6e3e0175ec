from django.contrib.auth import views as auth_views
from django.urls import path

from emulation import auth_views as audited_auth_views
from emulation import views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        audited_auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # Password reset by e-mail (Django's views; the templates under registration/).
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# The award catalogue (danh mục khen thưởng) of each legal regime.
from emulation import catalogue_views  # noqa: E402

urlpatterns += [
    path("catalogue/", catalogue_views.catalogue_list, name="catalogue_list"),
    path("catalogue/new/", catalogue_views.catalogue_create, name="catalogue_create"),
    path("catalogue/<int:pk>/edit/", catalogue_views.catalogue_edit, name="catalogue_edit"),
    path("catalogue/<int:pk>/delete/", catalogue_views.catalogue_delete, name="catalogue_delete"),
    path(
        "catalogue/ministry/<int:ministry_pk>/",
        catalogue_views.ministry_settings,
        name="ministry_settings",
    ),
    path(
        "catalogue/ministry/<int:ministry_pk>/<slug:code>/",
        catalogue_views.ministry_setting_edit,
        name="ministry_setting_edit",
    ),
]

# Loading a ministry's lists from spreadsheets (emulation/imports).
from emulation.imports import views as import_views  # noqa: E402

urlpatterns += [
    path("imports/", import_views.imports_home, name="imports_home"),
    path("imports/<slug:kind>/upload/", import_views.import_upload, name="import_upload"),
    path("imports/<slug:kind>/template/", import_views.import_template, name="import_template"),
    path(
        "imports/<slug:kind>/export/<int:ministry_pk>/",
        import_views.import_export,
        name="import_export",
    ),
    path("imports/batches/<int:pk>/", import_views.import_batch, name="import_batch"),
    path(
        "imports/batches/<int:pk>/status/",
        import_views.import_batch_status,
        name="import_batch_status",
    ),
    path("imports/batches/<int:pk>/confirm/", import_views.import_confirm, name="import_confirm"),
    path("imports/batches/<int:pk>/cancel/", import_views.import_cancel, name="import_cancel"),
]
