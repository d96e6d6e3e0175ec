from django.urls import include, path

from clusters.views import (
    core,
    evidence,
    leadership,
    minutes,
    pledge,
    scoring,
    scoring_tables,
    voting,
)

app_name = "clusters"

# Pages of one cluster-year: /clusters/<pk>/years/<year>/…
year_patterns = [
    path("members/", core.membership_edit, name="members"),
    # The start of the year: leadership, pledge, rollover
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
    path("pledge/board/", pledge.pledge_board_edit, name="pledge_board"),
    path(
        "pledge/registrations/<int:registration_pk>/delete/",
        pledge.registration_remove,
        name="registration_remove",
    ),
    # year-end evaluation
    path("scores/", scoring.score_grid, name="scores"),
    path("scores/cells/", scoring.score_cells, name="score_cells"),
    path("scores/<int:unit_pk>/<int:criterion_pk>/", scoring.score_cell, name="score_cell"),
    path(
        "scores/<int:unit_pk>/<int:criterion_pk>/evidence/",
        evidence.score_evidence,
        name="score_evidence",
    ),
    path("scores/export/", scoring.score_export, name="score_export"),
    path("scores/import/", scoring.score_import, name="score_import"),
    path("evidence/<int:evidence_pk>/", evidence.evidence_download, name="evidence_download"),
    path("evidence/<int:evidence_pk>/delete/", evidence.evidence_remove, name="evidence_delete"),
    path("ranking/", scoring.ranking, name="ranking"),
    path("votes/", voting.vote_list, name="votes"),
    path("votes/<int:vote_pk>/", voting.vote_detail, name="vote"),
    path("votes/<int:vote_pk>/close/", voting.vote_close_view, name="vote_close"),
    path("votes/<int:vote_pk>/reopen/", voting.vote_reopen_view, name="vote_reopen"),
    path("minutes/", minutes.minutes_detail, name="minutes"),
    path("minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path("minutes/sign/", minutes.minutes_sign_view, name="minutes_sign"),
    path("minutes/unsign/", minutes.minutes_unsign_view, name="minutes_unsign"),
]

urlpatterns = [
    path("", core.cluster_list, name="list"),
    path("new/", core.cluster_create, name="create"),
    # scoring tables of a ministry
    path("scoring-tables/", scoring_tables.table_list, name="scoring_tables"),
    path("scoring-tables/new/", scoring_tables.table_create, name="scoring_table_create"),
    path("scoring-tables/import/", scoring_tables.table_import, name="scoring_table_import"),
    path("scoring-tables/<int:pk>/", scoring_tables.table_detail, name="scoring_table"),
    path("<int:pk>/", core.cluster_detail, name="detail"),
    path("<int:pk>/edit/", core.cluster_edit, name="edit"),
    path("<int:pk>/years/<year:year>/", include(year_patterns)),
    path("<int:pk>/leadership/", leadership.leadership_history_view, name="leadership_history"),
    path("<int:pk>/rotation/", leadership.rotation_edit, name="rotation"),
]
