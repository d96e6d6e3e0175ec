"""``data_version`` is written by the bumps alone (``emulation.data_version``,
``clusters.data_version``): ``save()`` of an existing year leaves the column out, so an
instance read before a bump cannot set the counter back (the next bump would then give out a
version a cached fragment already holds for older data)."""


class KeepsDataVersion:
    def save(self, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "data_version"
            ]
        super().save(**kwargs)
