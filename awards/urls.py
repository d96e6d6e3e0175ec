from django.urls import path

from awards.views import misc, proposals, review

app_name = "awards"
urlpatterns = [
    path("", proposals.proposal_list, name="list"),
    path("clusters/<int:cluster_pk>/<year:year>/new/", proposals.proposal_create, name="create"),
    path("<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("<int:pk>/edit/", proposals.proposal_edit, name="edit"),
    path("<int:pk>/lines/new/", proposals.nomination_create, name="line_create"),
    path("<int:pk>/submit/", proposals.proposal_submit, name="submit"),
    path("<int:pk>/cover/", proposals.proposal_cover, name="cover"),
    path("<int:pk>/start-review/", review.proposal_start_review, name="start_review"),
    path("<int:pk>/return/", review.proposal_return, name="return"),
    path("<int:pk>/bulk-approve/", review.bulk_approve, name="bulk_approve"),
    path("<int:pk>/decision/", review.decision_create, name="decision"),
    path("<int:pk>/audit.csv", misc.export_audit, name="audit_export"),
    path("lines/<int:pk>/edit/", proposals.nomination_edit, name="line_edit"),
    path("lines/<int:pk>/delete/", proposals.nomination_delete, name="line_delete"),
    path("lines/<int:pk>/report/", proposals.nomination_report, name="line_report"),
    path("lines/<int:pk>/review/", review.nomination_review, name="line_review"),
    path("lines/<int:pk>/reopen/", review.nomination_reopen, name="line_reopen"),
    path("lines/<int:pk>/forward/", review.nomination_forward, name="line_forward"),
    path("granted/<int:pk>/revoke/", review.award_revoke, name="award_revoke"),
    path("queue/", review.queue, name="queue"),
    path("queue/export.xlsx", misc.export_proposals, name="queue_export"),
    path("queue/lines/", review.pending_lines, name="pending_lines"),
    path("queue/lines/approve/", review.bulk_approve_lines, name="bulk_approve_lines"),
    path("decisions/export.xlsx", misc.export_decisions, name="decisions_export"),
    path("rules/", misc.rules_list, name="rules"),
    path("deadlines/", misc.deadlines_list, name="deadlines"),
    path("deadlines/<int:pk>/", misc.deadlines_edit, name="deadline_edit"),
]
