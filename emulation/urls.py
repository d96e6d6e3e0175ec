from django.contrib.auth import views as auth_views
from django.urls import include, path

from emulation import auth_views as audited_auth_views
from emulation import views

urlpatterns = [
    path("", views.home, name="home"),
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
    path("reports/", include("emulation.reports.urls")),
    path("accounts/", views.accounts_list, name="accounts_list"),
    path("accounts/new/", views.account_create, name="account_create"),
    path("accounts/<int:pk>/", views.account_detail, name="account_detail"),
    path("accounts/<int:pk>/active/", views.account_set_active, name="account_set_active"),
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
