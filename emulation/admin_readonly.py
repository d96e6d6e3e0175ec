"""The admin looks records up; it never edits what a service must write (with its rights,
its freeze and its audit entry). Mix ``ReadOnlyAdminMixin`` into a ``ModelAdmin`` or an
inline to take away add, change and delete."""

from django.contrib import admin


class ReadOnlyAdminMixin:
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    pass
