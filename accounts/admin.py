from django.contrib import admin

from accounts.models import RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "ministry", "cluster"]
    list_filter = ["role", "ministry"]
    list_select_related = ["user", "ministry", "cluster"]
    search_fields = ["user__username", "user__first_name"]
    autocomplete_fields = ["user"]
