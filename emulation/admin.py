from django.contrib import admin

from emulation.models import (
    AuditEntry,
    AwardTitle,
    BaseSalary,
    EmulationYear,
    LegalRegime,
    Ministry,
)


@admin.register(Ministry)
class MinistryAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "place"]
    search_fields = ["name", "short_name"]


class AwardTitleInline(admin.TabularInline):
    model = AwardTitle
    extra = 0
    fields = ["order", "code", "name_vi", "kind", "subject", "level", "vote_threshold"]


@admin.register(LegalRegime)
class LegalRegimeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "valid_from",
        "collective_advanced_share",
        "collective_advanced_strict",
        "government_flag_cap",
        "government_flag_due",
    ]
    inlines = [AwardTitleInline]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "citation"]


@admin.register(AwardTitle)
class AwardTitleAdmin(admin.ModelAdmin):
    list_display = ["name_vi", "regime", "kind", "subject", "level", "quota_per_cluster"]
    list_filter = ["regime", "kind", "subject", "level"]
    search_fields = ["name_vi", "name_en", "code"]


@admin.register(EmulationYear)
class EmulationYearAdmin(admin.ModelAdmin):
    list_display = ["ministry", "year", "regime", "pledge_deadline", "proposals_deadline"]
    list_filter = ["ministry", "regime"]
    list_select_related = ["ministry", "regime"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The trail is append-only: the admin reads it and never changes it."""

    list_display = ["at", "actor_name", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "object_id", "actor_name", "actor__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
