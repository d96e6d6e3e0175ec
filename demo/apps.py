from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo and benchmark data across every app (``seed_demo``, ``seed_scale``): the top
    floor; nothing imports it but its own commands and the tests."""

    name = "demo"
    verbose_name = "Demo"
