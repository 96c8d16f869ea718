"""The districts of Madinah a centre may be licensed in: a fixed list, so figures group cleanly."""

from __future__ import annotations

from functions.domain.catalogue import LocalizedText
from functions.domain.errors import ErrorCode, ValidationFailed

__all__ = ["MADINAH_DISTRICTS", "validate_district"]

MADINAH_DISTRICTS: dict[str, LocalizedText] = {
    "AL-MARKAZIYAH": LocalizedText("المنطقة المركزية", "Central Area"),
    "QUBA": LocalizedText("قباء", "Quba"),
    "AL-AWALI": LocalizedText("العوالي", "Al-Awali"),
    "AL-AZIZIYAH": LocalizedText("العزيزية", "Al-Aziziyah"),
    "AL-ANBARIYAH": LocalizedText("العنبرية", "Al-Anbariyah"),
    "AL-KHALIDIYAH": LocalizedText("الخالدية", "Al-Khalidiyah"),
    "AL-ISKAN": LocalizedText("الإسكان", "Al-Iskan"),
    "SULTANAH": LocalizedText("سلطانة", "Sultanah"),
    "AL-UYUN": LocalizedText("العيون", "Al-Uyun"),
    "AL-AQIQ": LocalizedText("العقيق", "Al-Aqiq"),
    "BANI-HARITHAH": LocalizedText("بني حارثة", "Bani Harithah"),
    "AL-JURF": LocalizedText("الجرف", "Al-Jurf"),
    "SHURAN": LocalizedText("شوران", "Shuran"),
    "AL-HIJRAH": LocalizedText("الهجرة", "Al-Hijrah"),
    "UHUD": LocalizedText("أحد", "Uhud"),
    "AL-QIBLATAIN": LocalizedText("القبلتين", "Al-Qiblatain"),
    "AL-RANUNA": LocalizedText("الرانوناء", "Al-Ranuna"),
    "AL-SIH": LocalizedText("السيح", "Al-Sih"),
    "AL-MUGHAISILAH": LocalizedText("المغيسلة", "Al-Mughaisilah"),
    "AL-DIFA": LocalizedText("الدفاع", "Al-Difa"),
}


def validate_district(code: str) -> str:
    if code not in MADINAH_DISTRICTS:
        raise ValidationFailed(ErrorCode.DISTRICT_UNKNOWN, field="district")
    return code
