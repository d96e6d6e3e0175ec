from django import template

from emulation.audit import action_label, audit_entries_for

register = template.Library()


@register.inclusion_tag("emulation/_audit_trail.html")
def audit_trail(obj, limit=50):
    """The latest audit entries of an object, newest first."""
    return {"entries": audit_entries_for(obj)[:limit]}


@register.filter
def audit_action(action):
    """The readable name of an audit action (``{{ entry.action|audit_action }}``)."""
    return action_label(action)
