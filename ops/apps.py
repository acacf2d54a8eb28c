from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations tools: the embedded PostgreSQL runner, backups, the benchmark and its dataset
    builder, the catalogue compiler. Installed only for its management commands."""

    name = "ops"
    verbose_name = "Operations"
