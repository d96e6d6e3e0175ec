from django.contrib import admin

from units.models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "ministry", "is_active"]
    list_filter = ["ministry", "kind", "is_active"]
    list_select_related = ["ministry"]
    search_fields = ["name", "short_name"]
