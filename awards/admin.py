"""Read-only in the admin: proposals move, and awards are granted or revoked, only through
the services that check the rules and write the audit trail."""

from django.contrib import admin

from awards.models import Award, Decision, Nomination, Proposal, SentReminder
from emulation.admin_readonly import ReadOnlyAdmin


class NominationInline(admin.TabularInline):
    model = Nomination
    extra = 0
    fields = ["unit", "person", "award_title", "vote_share", "rank", "outcome"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "number", "dated", "state"]
    list_filter = ["state", "cluster_year__year"]
    list_select_related = ["cluster_year__cluster"]
    inlines = [NominationInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["number", "dated", "signer_name", "proposal"]
    list_select_related = ["proposal__cluster_year__cluster"]


@admin.register(Award)
class AwardAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "year", "amount", "decision", "revoked_at"]
    list_filter = ["year", "award_title__code"]
    list_select_related = ["unit", "person", "award_title", "decision"]


@admin.register(SentReminder)
class SentReminderAdmin(ReadOnlyAdmin):
    list_display = ["cluster_year", "kind", "deadline", "sent_at"]
