class DomainError(Exception):
    """A business rule said no. ``message`` is translated and shown to the user as is."""

    def __init__(self, message, *, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


def form_error(form, error):
    """Show a refused ``DomainError`` on ``form``: at its field when the form has that field,
    at the top of the form otherwise (never a 500 for a field the form does not show)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class StaleEditError(DomainError):
    """Someone else saved the same record since this form was loaded."""
