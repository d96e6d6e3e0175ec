from django.db import models


class VietnameseCharField(models.CharField):
    """A CharField that sorts in Vietnamese order: ICU ``vi-x-icu`` on PostgreSQL and the
    ``vi`` collation that ``emulation.apps`` registers on every SQLite connection."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        params["collation"] = "vi-x-icu" if connection.vendor == "postgresql" else "vi"
        return params
