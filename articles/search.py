"""Text normalisation shared by the search index (a database trigger) and the queries.

Arabic is written with optional diacritics (tashkeel), decorative elongation (tatweel) and
interchangeable spellings of alef, yaa and taa marbuta. Both sides fold them the same way:
the trigger with ``articles_ar_normalize()`` (migration 0002), queries and comment word rules
with ``normalize_arabic()`` below. Keep the two in step.
"""

import re

# Tashkeel (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640).
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def normalize_arabic(text: str) -> str:
    """Drop diacritics and tatweel, unify alef/yaa/taa-marbuta variants, fold Latin case."""
    return _MARKS.sub("", text or "").translate(_FOLD).casefold()
