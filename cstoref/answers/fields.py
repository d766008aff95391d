"""Any record's fields as card lines: labels in both languages, values as a reader writes them.

Generic over the tables: a field this module has no label for is shown under its own name, and
a nested object (a period, a task, a contingent) becomes lines of its own, each with its sources.
"""

from __future__ import annotations

import re
from typing import Any

from ..render import date_text
from ..store import Store
from .common import STATUS_TEXT, cited, figure_line, h, markers, number, period_text

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

LABELS = {
    "id": h("Id", "المعرّف"),
    "iso3": h("ISO code", "رمز ISO"),
    "iso2": h("ISO code (2 letters)", "رمز ISO (حرفان)"),
    "name": h("Name", "الاسم"),
    "aliases": h("Also written", "صيغ أخرى"),
    "status": h("Status", "الوضع"),
    "joined": h("Joined", "الانضمام"),
    "left": h("Left", "الانسحاب"),
    "periods": h("Periods", "الفترات"),
    "note": h("Note", "ملاحظة"),
    "role": h("Role", "الصفة"),
    "country": h("Country", "الدولة"),
    "key": h("Topic", "الموضوع"),
    "text": h("Text", "النص"),
    "value": h("Value", "القيمة"),
    "start": h("From", "من"),
    "end": h("Until", "حتى"),
    "subject": h("What", "البيان"),
    "unit": h("Unit", "الوحدة"),
    "values": h("Figures reported", "الأرقام المنشورة"),
    "date": h("Date", "التاريخ"),
    "date_note": h("About the date", "عن التاريخ"),
    "tags": h("Tags", "الوسوم"),
    "year": h("Year", "السنة"),
    "host": h("Host", "البلد المضيف"),
    "outcome": h("Outcome", "النتيجة"),
    "summary": h("Summary", "الخلاصة"),
    "requested": h("Requested", "تقديم الطلب"),
    "requested_by": h("Requested by", "مقدّم الطلب"),
    "decided": h("Decided", "القرار"),
    "started": h("First arrivals", "وصول أولى القوات"),
    "deployed": h("Deployment complete", "اكتمال الانتشار"),
    "withdrawal_started": h("Withdrawal began", "بدء الانسحاب"),
    "ended": h("Ended", "الانتهاء"),
    "tasks": h("Tasks", "المهام"),
    "legal_basis": h("Legal basis", "السند القانوني"),
    "chair": h("Chair", "الرئاسة"),
    "commander": h("Commander", "القائد"),
    "contributions": h("Contingents", "الوحدات المشاركة"),
    "totals": h("Totals", "المجاميع"),
    "troops": h("Troops", "الجنود"),
    "speaker": h("Speaker", "القائل"),
    "speaker_name": h("Speaker's name", "اسم القائل"),
    "translation": h("Translation", "الترجمة"),
    "context": h("Context", "السياق"),
    "kind": h("Kind", "النوع"),
    "file": h("Article file", "ملف المقال"),
    "url": h("Address", "العنوان الإلكتروني"),
    "outlet": h("Outlet", "الناشر"),
    "title": h("Title", "العنوان"),
    "author": h("Author", "الكاتب"),
    "language": h("Language", "اللغة"),
    "person": h("Person", "الشخص"),
    "place": h("Place", "المكان"),
    "scope": h("Scope", "النطاق"),
    "description": h("Description", "الوصف"),
    "version": h("Version", "الإصدار"),
    "position": h("Position", "المنصب"),
    "official_name": h("Official name", "الاسم الرسمي"),
    "name-variant": h("Name variant", "صيغة أخرى للاسم"),
    "listed-as": h("Listed as", "مدرجة بصفة"),
    "de-jure-member": h("Member in law", "عضو من الناحية القانونية"),
    "observer-body": h("Observer in", "مراقب في"),
    "observer-until": h("Observer until", "مراقب حتى"),
    "independence": h("Independence", "الاستقلال"),
    "participation-frozen": h("Participation frozen", "تجميد المشاركة"),
    "financing-stopped": h("Financing stopped", "وقف المساهمة في التمويل"),
    "announced-withdrawal": h("Withdrawal announced", "إعلان الانسحاب"),
    "refused-to-sign-summit-declaration": h("Refused to sign the summit declaration", "رفض توقيع إعلان القمة"),
    "absent-from-summit": h("Absent from the summit", "الغياب عن القمة"),
    "border-clashes-with-kyrgyzstan": h("Border clashes with Kyrgyzstan", "اشتباكات حدودية مع قيرغيزستان"),
    "security-council-chair-from": h("Chair of the Security Council from", "رئاسة مجلس الأمن منذ"),
    "announced-resignation": h("Resignation announced", "إعلان الاستقالة"),
    "resigned": h("Resigned", "الاستقالة"),
    "appealed-to": h("Appealed to", "طلب العون من"),
    "founded": h("Founded", "التأسيس"),
    "created": h("Created", "الإنشاء"),
    "in-force": h("In force", "دخول حيز التنفيذ"),
    "agreement-signed": h("Agreement signed", "توقيع الاتفاقية"),
    "agreement-in-force": h("Agreement in force", "دخول الاتفاقية حيز التنفيذ"),
    "signed-by-belarus": h("Signed by Belarus", "توقيع بيلاروسيا"),
    "not-signed-by": h("Not signed by", "لم توقّعها"),
    "signed": h("Signed", "التوقيع"),
    "signatories": h("Signatories", "الدول الموقّعة"),
    "signed_1993": h("Signed in 1993", "وقّعتها عام 1993"),
    "renewed_by": h("Renewed by", "جدّدتها"),
    "not_renewed_by": h("Not renewed by", "لم تجدّدها"),
    "term": h("Term", "المدة"),
    "changes-hands": h("Changes hands", "انتقال الرئاسة"),
    "assumed": h("Assumed", "تولّي الرئاسة"),
    "handed-over": h("Handed over", "تسليم الرئاسة"),
    "peacekeeping-unit-recognised-by-un": h("Peacekeeping force recognised by the UN", "اعتراف الأمم المتحدة بقوات حفظ السلام"),
    "formation-period": h("Formation period", "فترة التكوين"),
    "addressee": h("Addressed to", "الجهة المخاطَبة"),
    "announced": h("Announced", "الإعلان"),
    "characterisation": h("Described as", "الوصف"),
    "blamed": h("Blamed on", "الاتهام"),
    "putin-spoke-of": h("Putin spoke of", "تحدّث بوتين عن"),
    "duration": h("Duration", "المدة"),
    "attackers": h("Attackers", "المهاجمون"),
    "kazakhstan-sent-troops": h("Kazakhstan sent troops", "أرسلت كازاخستان قوات"),
    "withdrawal_days": h("Withdrawal took (days)", "مدة الانسحاب (أيام)"),
    "first_collective_deployment": h("First collective deployment", "أول انتشار جماعي"),
    "statement_date": h("Statement issued", "تاريخ البيان"),
    "response": h("Response", "الرد"),
    "article": h("Article invoked", "المادة المستند إليها"),
}
_WORDS = {
    "article": h("article", "مقال"),
    "reference": h("reference", "مرجع"),
    "deployed": h("deployed", "نُشرت القوات"),
    "declined": h("declined", "رُفض الطلب"),
    "ours": h("ours", "ترجمتنا"),
    "alliance": h("alliance", "حلف"),
    "city": h("city", "مدينة"),
    "group": h("group", "جماعة"),
    "media": h("media", "وسيلة إعلام"),
    "organisation": h("organisation", "منظمة"),
    "region": h("region", "منطقة"),
    "state": h("state", "دولة"),
    "all": h("all contingents", "كل الوحدات"),
    "non-russian": h("all but Russia", "كل الوحدات عدا الروسية"),
    "planned": h("planned force", "القوة المقررة"),
    "equipment": h("equipment (pieces)", "المعدات (قطعة)"),
    **STATUS_TEXT,
}
# Plain English values of claims, with their Arabic.
_PHRASES = {
    "former observer": h("former observer", "مراقب سابق"),
    "Parliamentary Assembly": h("Parliamentary Assembly", "الجمعية البرلمانية"),
    "1 year": h("1 year", "سنة واحدة"),
}
# Fields that hold another record's id or code: shown as its name, with the id to follow.
_POINTERS = frozenset({
    "host", "country", "speaker", "person", "place", "addressee", "appealed-to", "not-signed-by", "signatories",
    "signed_1993", "renewed_by", "not_renewed_by"})
# Fields whose text in the card comes from elsewhere, or that are not for reading.
_INNER_SKIP = frozenset({"sources", "claims", "excerpt", "rank", "reason", "verdict", "start", "end", "qualifier", "source"})


def label_of(field: str) -> dict[str, str]:
    if field in LABELS:
        return LABELS[field]
    words = field.replace("_", " ").replace("-", " ")
    words = words[:1].upper() + words[1:]
    return h(words, words)


def is_bilingual(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"en", "ar", "ru"} and all(
        isinstance(v, str) for v in value.values())


def pointer(store: Store, value: str) -> dict[str, str]:
    """A country code, a record id or a place's English name as the name of what it names, with the id to `show`."""
    for country in store.table("countries"):
        if value in (country.get("iso3"), country.get("id"), country.get("name", {}).get("en")):
            return h(f"{country['name']['en']} ({country['id']})", f"{country['name']['ar']} ({country['id']})")
    record = store.by_id(value) or next(
        (r for r in store.table("places") if isinstance(r.get("name"), dict) and r["name"].get("en") == value), None)
    if record:
        value = record["id"]
    if record and is_bilingual(record.get("name")):
        return h(f"{record['name']['en']} ({value})", f"{record['name'].get('ar', record['name']['en'])} ({value})")
    return h(value, value)


def scalar(store: Store, field: str, value: Any) -> Any:
    if isinstance(value, bool):
        return h("yes", "نعم") if value else h("no", "لا")
    if isinstance(value, (int, float)):
        return str(value) if field == "year" else number(value, None)
    text = str(value)
    if field in _POINTERS:
        return pointer(store, text)
    if text in _WORDS and field in ("status", "kind", "outcome", "translation", "scope"):
        return _WORDS[text]
    if text in _PHRASES:
        return _PHRASES[text]
    if field != "id" and _ISO_DATE.fullmatch(text):
        return date_text(text)
    return text


def prefixed(label: dict[str, str], piece: Any) -> Any:
    """`label: value` as one line in each language."""
    if isinstance(piece, dict) and "value" in piece and "style" in piece:
        return {"style": piece["style"], "value": prefixed(label, piece["value"])}
    if isinstance(piece, dict):
        return {k: f"{label.get(k, label['en'])}: {v}" for k, v in piece.items() if k in ("en", "ar")}
    return h(f"{label['en']}: {piece}", f"{label['ar']}: {piece}")


def value_lines(store: Store, field: str, value: Any) -> list[Any]:
    """The pieces a field's value shows as: one line per item, nested items with their sources."""
    if value is None or value == "" or value == [] or value == {}:
        return []
    if is_bilingual(value):
        lines: list[Any] = [{k: value[k] for k in ("en", "ar") if k in value}]
        if "ru" in value:
            lines.append(value["ru"])
        return lines
    if isinstance(value, dict) and set(value) <= {"en", "ar"} and all(isinstance(v, list) for v in value.values()):
        en, ar = ", ".join(value.get("en", [])), "، ".join(value.get("ar", []))
        return [h(en or ar, ar or en)] if en or ar else []
    if isinstance(value, dict):
        return item_lines(store, value)
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            shown = [scalar(store, field, v) for v in value]
            if all(isinstance(v, str) for v in shown):
                return [", ".join(shown)]
            if all(isinstance(v, dict) and set(v) == {"en", "ar"} for v in shown):
                return [h(", ".join(v["en"] for v in shown), "، ".join(v["ar"] for v in shown))]
            return shown
        return [line for item in value for line in value_lines(store, field, item)]
    return [scalar(store, field, value)]


def item_lines(store: Store, item: dict[str, Any]) -> list[Any]:
    """A nested object: a figure as its figure line; anything else field by field, then its sources."""
    if "value" in item and isinstance(item.get("source"), str) and isinstance(item["value"], (int, float)):
        line = figure_line(item)
        scope = item.get("scope")
        return [prefixed(_WORDS.get(scope, h(scope, scope)), line) if scope else line]
    lines: list[Any] = []
    period = period_text(item.get("start"), item.get("end")) if ("start" in item or "end" in item) else None
    for key, value in item.items():
        if key in _INNER_SKIP:
            continue
        pieces = value_lines(store, key, value)
        if key in ("text", "note", "troops"):
            lines += pieces
        else:
            lines += [prefixed(label_of(key), p) for p in pieces]
        if key == "status" and period:
            lines.append(period)
            period = None
    if period:
        lines.append(period)
    ids = markers(cited(item))
    if ids:
        lines.append({"style": "dim", "value": f"[{ids}]"})
    return lines
