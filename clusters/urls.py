from django.urls import include, path

from clusters.views import core, leadership, pledge

app_name = "clusters"

# Pages of one cluster-year: /clusters/<pk>/years/<year>/…
year_patterns = [
    path("members/", core.membership_edit, name="members"),
    # The start of the year: leadership, pledge, rollover (issue 3)
    path("leadership/", leadership.leadership_edit, name="leadership_edit"),
    path("rollover/", leadership.year_rollover, name="rollover"),
    path("pledge/", pledge.pledge_detail, name="pledge"),
    path("pledge/create/", pledge.pledge_create, name="pledge_create"),
    path("pledge/edit/", pledge.pledge_edit, name="pledge_edit"),
    path("pledge/open/", pledge.pledge_open, name="pledge_open"),
    path("pledge/lock/", pledge.pledge_lock, name="pledge_lock"),
    path("pledge/reopen/", pledge.pledge_reopen, name="pledge_reopen"),
    path("pledge/sign/", pledge.pledge_sign, name="pledge_sign"),
    path("pledge/register/", pledge.registration_add, name="registration_add"),
    path(
        "pledge/registrations/<int:registration_pk>/delete/",
        pledge.registration_remove,
        name="registration_remove",
    ),
]

urlpatterns = [
    path("", core.cluster_list, name="list"),
    path("new/", core.cluster_create, name="create"),
    path("<int:pk>/", core.cluster_detail, name="detail"),
    path("<int:pk>/edit/", core.cluster_edit, name="edit"),
    path("<int:pk>/years/<int:year>/", include(year_patterns)),
    path("<int:pk>/leadership/", leadership.leadership_history_view, name="leadership_history"),
    path("<int:pk>/rotation/", leadership.rotation_edit, name="rotation"),
]
