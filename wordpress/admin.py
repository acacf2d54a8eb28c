from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wordpress.forms import ImportUploadForm
from wordpress.models import ImportRecord, ImportRun, RunStatus
from wordpress.report import OUTCOMES
from wordpress.runs import import_run_retry, import_run_start, run_discard, run_is_retryable, run_settle

KIND_LABELS = {
    "authors": _("authors"),
    "sections": _("sections"),
    "tags": _("tags"),
    "posts": _("posts"),
    "pages": _("pages"),
    "images": _("pictures"),
    "comments": _("comments"),
    "pingbacks": _("pingbacks and trackbacks"),
    "other": _("other items"),
}
OUTCOME_LABELS = {
    "imported": _("imported"),
    "updated": _("updated"),
    "unchanged": _("unchanged"),
    "skipped": _("skipped"),
}


class AdministratorsOnly:
    """Importing rewrites the archive: administrators (superusers) only."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


@admin.register(ImportRun)
class ImportRunAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["started_at", "status", "files", "dry_run", "by"]
    list_filter = ["status"]
    fields = ["status", "files", "dry_run", "by", "started_at", "finished_at", "progress", "report_display"]
    readonly_fields = fields
    change_list_template = "admin/wordpress/importrun/change_list.html"
    change_form_template = "admin/wordpress/importrun/change_form.html"

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        retry = self.admin_site.admin_view(require_POST(self.retry_view))
        return [
            path("upload/", upload, name="wordpress_importrun_upload"),
            path("<int:pk>/retry/", retry, name="wordpress_importrun_retry"),
            *super().get_urls(),
        ]

    def has_delete_permission(self, request, obj=None):
        running = obj is not None and obj.status == RunStatus.RUNNING
        return super().has_delete_permission(request, obj) and not running

    def delete_model(self, request, obj):
        run_discard(run=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for run in queryset:
            run_discard(run=run)
        super().delete_queryset(request, queryset)

    def changelist_view(self, request, extra_context=None):
        for run in ImportRun.objects.filter(status=RunStatus.RUNNING):
            run_settle(run)
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = ImportRun.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        if run is not None:
            run_settle(run)
        extra_context = {**(extra_context or {}), "retryable": run is not None and run_is_retryable(run)}
        return super().change_view(request, object_id, form_url, extra_context)

    def retry_view(self, request, pk):
        if not self.has_module_permission(request):
            raise PermissionDenied
        run = get_object_or_404(ImportRun, pk=pk)
        if import_run_retry(run=run):
            messages.success(request, _("The import was queued again with the same files."))
        else:
            messages.error(
                request, _("This import cannot be retried (it did not fail, or its files are gone).")
            )
        return redirect(reverse("admin:wordpress_importrun_change", args=[run.pk]))

    def upload_view(self, request):
        if not self.has_module_permission(request):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            section = form.cleaned_data["default_section"]
            run = import_run_start(
                files=form.cleaned_data["exports"],
                by=request.user,
                language=form.cleaned_data["language"],
                default_section=(section.slug_en or section.slug_ar) if section else None,
                dry_run=form.cleaned_data["dry_run"],
                uploads=form.cleaned_data["uploads"],
            )
            return redirect(reverse("admin:wordpress_importrun_change", args=[run.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import from WordPress"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/wordpress/importrun/upload.html", context)

    @admin.display(description=_("progress"))
    def progress(self, run):
        if run.status == RunStatus.QUEUED:
            return format_html(
                '<span class="import-progress">{}</span>',
                _(
                    "Waiting for the import worker to take it "
                    "(manage.py db_worker --backend imports; make run starts one)."
                ),
            )
        if run.status != RunStatus.RUNNING:
            return "—"
        if (run.report or {}).get("waiting") and not run.posts_total:
            message = _("Waiting for another import to finish…")
        elif not run.posts_total:
            message = _("Reading the files: authors, categories, tags and pictures…")
        else:
            message = _("%(done)s of %(total)s posts") % {"done": run.posts_done, "total": run.posts_total}
        return format_html(
            '<progress max="{}" value="{}"></progress> <span class="import-progress">{}</span>',
            max(run.posts_total, 1),
            run.posts_done,
            message,
        )

    @admin.display(description=_("report"))
    def report_display(self, run):
        report = run.report or {}
        if "error" in report:
            return format_html('<p class="errornote">{}</p>', report["error"])
        if not report or run.status != RunStatus.DONE:
            return "—"
        head = format_html_join("", "<th>{}</th>", [(label,) for label in OUTCOME_LABELS.values()])
        rows = format_html_join(
            "",
            "<tr><th>{}</th>{}</tr>",
            [
                (
                    KIND_LABELS.get(kind, kind),
                    format_html_join("", "<td>{}</td>", [(counts.get(o, 0),) for o in OUTCOMES]),
                )
                for kind, counts in report.get("counts", {}).items()
            ],
        )
        warnings = format_html_join(
            "",
            "<li>#{} “{}”: {}</li>",
            [(w["wp_id"], w["title"], w["message"]) for w in report.get("warnings", [])],
        )
        shortcodes = report.get("unknown_shortcodes") or {}
        kept = ", ".join(f"[{name}] ×{count}" for name, count in sorted(shortcodes.items()))
        return format_html(
            '<table class="import-report"><thead><tr><th></th>{}</tr></thead><tbody>{}</tbody></table>'
            '<p>{}</p><p>{}</p><ul class="import-warnings">{}</ul><p>{}</p>',
            head,
            rows,
            _("Shortcodes kept as text: %(names)s") % {"names": kept} if kept else "",
            _("Dry run: nothing was saved.") if report.get("dry_run") else _("Warnings:"),
            warnings,
            _("Time taken: %(seconds)s s") % {"seconds": report.get("seconds", 0)},
        )


@admin.register(ImportRecord)
class ImportRecordAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = ["site", "kind", "wp_id", "object_id", "language", "updated_at"]
    list_filter = ["kind", "site"]
    search_fields = ["wp_id"]
    readonly_fields = [f.name for f in ImportRecord._meta.fields]

    def has_delete_permission(self, request, obj=None):
        return False
