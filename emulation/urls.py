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
