class DomainError(Exception):
    """A business rule said no. ``message`` is translated and shown to the user as is."""

    def __init__(self, message, *, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class StaleEditError(DomainError):
    """Someone else saved the same record since this form was loaded."""
