"""The import report: counts per kind and outcome, every warning with its post, the time taken."""

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _, ngettext

OUTCOMES = ("imported", "updated", "unchanged", "skipped")


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    warnings: list = field(default_factory=list)
    unknown_shortcodes: Counter = field(default_factory=Counter)
    dry_run: bool = False
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts[kind][outcome] += n

    def warn(self, message: str, *, wp_id="", title: str = "") -> None:
        self.warnings.append({"wp_id": str(wp_id), "title": title, "message": str(message)})

    def finish(self) -> "Report":
        self.seconds = round(time.monotonic() - self.started, 2)
        return self

    def as_dict(self) -> dict:
        return {
            "counts": {kind: dict(c) for kind, c in sorted(self.counts.items())},
            "warnings": self.warnings,
            "unknown_shortcodes": dict(self.unknown_shortcodes),
            "dry_run": self.dry_run,
            "seconds": self.seconds,
        }

    def as_text(self) -> str:
        lines = [_("Dry run: nothing was saved.") if self.dry_run else _("Import finished.")]
        lines.append(f"{'kind':<12}" + "".join(f"{o:>11}" for o in OUTCOMES))
        for kind, counter in sorted(self.counts.items()):
            lines.append(f"{kind:<12}" + "".join(f"{counter.get(o, 0):>11}" for o in OUTCOMES))
        if self.unknown_shortcodes:
            names = ", ".join(f"[{n}] ×{c}" for n, c in self.unknown_shortcodes.most_common())
            lines.append(_("Shortcodes kept as text: %(names)s") % {"names": names})
        if self.warnings:
            count = len(self.warnings)
            lines.append(ngettext("%(count)d warning:", "%(count)d warnings:", count) % {"count": count})
            for w in self.warnings:
                where = f"#{w['wp_id']} “{w['title']}”: " if w["wp_id"] or w["title"] else ""
                lines.append(f"  - {where}{w['message']}")
        lines.append(_("Time taken: %(seconds)s s") % {"seconds": f"{self.seconds:.1f}"})
        return "\n".join(lines)
