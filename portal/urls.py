from django.urls import path

from portal import views

urlpatterns = [
    path("", views.home, name="home"),
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
