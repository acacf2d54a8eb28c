"""Translation state at a glance: a column and a list filter per language (complete, missing,
needs update), both read from ``ArticleQuerySet.with_translation_states``/``in_translation_state``.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from articles.models import TranslationState


def translation_state_filter(code, language_name):
    class TranslationStateFilter(admin.SimpleListFilter):
        title = format_lazy(gettext_lazy("{language} text"), language=language_name)
        parameter_name = f"lang_{code}"

        def lookups(self, request, model_admin):
            return TranslationState.choices

        def queryset(self, request, queryset):
            if self.value() in TranslationState.values:
                return queryset.in_translation_state(code, self.value())
            return queryset

    TranslationStateFilter.__name__ = f"TranslationState{code.title()}Filter"
    return TranslationStateFilter


def translation_state_column(code, language_name):
    @admin.display(description=language_name)
    def column(self, obj):
        state = getattr(obj, f"translation_state_{code}", None) or obj.translation_state(code)
        return format_html(
            '<span class="translation-state translation-state--{}">{}</span>',
            state,
            TranslationState(state).label,
        )

    column.__name__ = f"state_{code}"
    return column
