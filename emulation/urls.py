from django.contrib.auth import views as auth_views
from django.urls import include, path

from emulation import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
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
    path("reports/", include("emulation.reports.urls")),
    path("accounts/", views.accounts_list, name="accounts_list"),
    path("accounts/new/", views.account_create, name="account_create"),
    path("accounts/<int:pk>/", views.account_detail, name="account_detail"),
    path("accounts/<int:pk>/active/", views.account_set_active, name="account_set_active"),
    path("accounts/<int:pk>/invite/", views.account_invite, name="account_invite"),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("accounts/invitation/done/", views.InvitationDoneView.as_view(), name="invitation_done"),
    path(
        "accounts/<int:pk>/roles/<int:assignment_pk>/revoke/",
        views.account_revoke,
        name="account_revoke",
    ),
]

# The award catalogue (danh mục khen thưởng) of each legal regime.
from emulation import catalogue_views  # noqa: E402

urlpatterns += [
    path("catalogue/", catalogue_views.catalogue_list, name="catalogue_list"),
    path("catalogue/new/", catalogue_views.catalogue_create, name="catalogue_create"),
    path("catalogue/<int:pk>/edit/", catalogue_views.catalogue_edit, name="catalogue_edit"),
    path("catalogue/<int:pk>/delete/", catalogue_views.catalogue_delete, name="catalogue_delete"),
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
