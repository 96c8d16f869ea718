"""Masking personal data in free text (log lines, exception messages).

National IDs keep their first and last three digits (``1******996``), Saudi mobiles their country
prefix and last two (``+9665*****12``). Names cannot be found by pattern: code never logs them.
"""

from __future__ import annotations

import re

__all__ = ["mask_personal_data"]

_EASTERN = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_DIGIT = f"[0-9{_EASTERN}]"
_NATIONAL_ID = re.compile(rf"(?<!{_DIGIT})([12١٢۱۲]){_DIGIT}{{6}}({_DIGIT}{{3}})(?!{_DIGIT})")
_MOBILE = re.compile(rf"(?<!{_DIGIT})(?:\+|00)?(?:966|٩٦٦)?[0٠۰]?([5٥۵]){_DIGIT}{{6}}({_DIGIT}{{2}})(?!{_DIGIT})")


def mask_personal_data(text: str) -> str:
    text = _NATIONAL_ID.sub(lambda m: f"{m.group(1)}******{m.group(2)}", text)
    return _MOBILE.sub(lambda m: f"+966{m.group(1)}*****{m.group(2)}", text)
