"""Arabic and English text of every error code: fixed templates, never personal data (safe to log
and to return). A unit test checks every code has both."""

from __future__ import annotations

from functions.domain.error_codes import ErrorCode

__all__ = ["MESSAGES"]


MESSAGES: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.NOT_FOUND: ("العنصر المطلوب غير موجود.", "The requested item was not found."),
    ErrorCode.FORBIDDEN: ("ليست لديك صلاحية لهذه العملية.", "You are not allowed to perform this operation."),
    ErrorCode.UNAUTHENTICATED: ("يلزم تسجيل الدخول.", "Sign-in is required."),
    ErrorCode.SESSION_ENDED: ("انتهت جلستك، يرجى تسجيل الدخول من جديد.", "Your session has ended: sign in again."),
    ErrorCode.VALIDATION_FAILED: ("البيانات المدخلة غير صحيحة.", "The input is not valid."),
    ErrorCode.CONFLICT: (
        "تغيّرت حالة الطلب، يرجى التحديث والمحاولة مجددًا.",
        "The item changed state; refresh and try again.",
    ),
    ErrorCode.TEMPORARILY_UNAVAILABLE: (
        "الخدمة غير متاحة مؤقتًا، أعد المحاولة بعد قليل بالطلب نفسه.",
        "The service is temporarily unavailable: try the same request again shortly.",
    ),
    ErrorCode.TOO_MANY_ATTEMPTS: (
        "محاولات خاطئة كثيرة؛ انتظر حتى الوقت المبيَّن ثم أعد المحاولة.",
        "Too many failed attempts: wait until the time shown, then try again.",
    ),
    ErrorCode.BAD_CURSOR: ("مؤشر الصفحة غير صالح.", "The page cursor is not valid."),
    ErrorCode.CODE_INVALID: (
        "الرمز يجب أن يتكون من حروف لاتينية كبيرة وأرقام وشرطات.",
        "Codes are 2-32 capital Latin letters, digits and hyphens.",
    ),
    ErrorCode.NAME_REQUIRED: (
        "الاسم بالعربية والإنجليزية مطلوب.",
        "A name in Arabic and English is required.",
    ),
    ErrorCode.FEE_INVALID: ("الرسوم يجب ألا تكون سالبة.", "The fee must not be negative."),
    ErrorCode.SLA_INVALID: ("مدة الخدمة يجب أن تكون موجبة.", "Service-level times must be positive."),
    ErrorCode.ROUTE_EMPTY: (
        "مسار الخدمة يجب أن يضم مرحلة واحدة على الأقل.",
        "A service route needs at least one stage with one agency.",
    ),
    ErrorCode.ROUTE_UNKNOWN_AGENCY: (
        "مسار الخدمة يذكر جهة غير معرّفة.",
        "The service route names an agency that is not defined.",
    ),
    ErrorCode.ROUTE_DUPLICATE_AGENCY: (
        "لا يجوز تكرار الجهة في المرحلة نفسها.",
        "An agency may appear only once in a stage.",
    ),
    ErrorCode.FORM_FIELD_INVALID: ("تعريف حقل النموذج غير صحيح.", "A form field definition is not valid."),
    ErrorCode.DOCUMENT_INVALID: (
        "تعريف المستند المطلوب غير صحيح.",
        "A required-document definition is not valid.",
    ),
    ErrorCode.ALREADY_EXISTS: ("العنصر موجود مسبقًا.", "The item already exists."),
    ErrorCode.NATIONAL_ID_LENGTH: (
        "رقم الهوية أو الإقامة يتكون من عشرة أرقام.",
        "A national ID or Iqama number has exactly ten digits.",
    ),
    ErrorCode.NATIONAL_ID_PREFIX: (
        "رقم الهوية يبدأ بـ 1 للمواطن و 2 للمقيم.",
        "A national ID starts with 1 (citizen) or 2 (resident).",
    ),
    ErrorCode.NATIONAL_ID_CHECK_DIGIT: (
        "رقم الهوية غير صحيح، تحقق من الأرقام.",
        "The ID number's check digit is wrong; check the digits.",
    ),
    ErrorCode.NATIONAL_ID_TAKEN: (
        "يوجد سجل إلكتروني بهذا الرقم مسبقًا.",
        "An electronic record with this ID number already exists.",
    ),
    ErrorCode.MOBILE_INVALID: ("رقم الجوال غير صحيح.", "The mobile number is not valid."),
    ErrorCode.MOBILE_NOT_SAUDI: ("يلزم رقم جوال سعودي.", "A Saudi mobile number is required."),
    ErrorCode.MOBILE_NOT_MOBILE: (
        "الرقم ليس رقم جوال؛ الرسائل النصية تصل إلى الجوال فقط.",
        "This is not a mobile number; text messages reach mobiles only.",
    ),
    ErrorCode.MOBILE_TAKEN: (
        "رقم الجوال مسجل لسجل آخر.",
        "This mobile number belongs to another record.",
    ),
    ErrorCode.NAME_INVALID: ("الاسم غير صحيح.", "The name is not valid."),
    ErrorCode.BIRTH_DATE_INVALID: ("تاريخ الميلاد غير صحيح.", "The date of birth is not valid."),
    ErrorCode.BIRTH_DATE_IN_FUTURE: ("تاريخ الميلاد لم يأتِ بعد.", "The date of birth is in the future."),
    ErrorCode.DATE_INVALID: (
        "التاريخ غير صحيح: اكتبه بالصيغة سنة-شهر-يوم كما هو مطبوع، بيوم موجود في ذلك الشهر.",
        "The date is not valid: type it as YYYY-MM-DD, as printed, with a day that month has.",
    ),
    ErrorCode.DATE_CALENDAR_MISMATCH: (
        "السنة لا تناسب التقويم المختار: تحقق هل التاريخ هجري أم ميلادي.",
        "The year does not fit the calendar chosen: check whether the date is Hijri or Gregorian.",
    ),
    ErrorCode.CALENDAR_INVALID: (
        "تقويم العمل غير صحيح: أيام عمل بلا تكرار، وعطل بأيام موجودة، وجهات معرفة مرة واحدة.",
        "The business calendar is not valid: working days without repeats, holidays on real days, each agency once.",
    ),
    ErrorCode.DATE_OUT_OF_RANGE: (
        "التاريخ خارج السنوات المقبولة لهذا التقويم (جداول أم القرى للهجري).",
        "The date is outside the years accepted for its calendar (the Umm al-Qura tables for Hijri).",
    ),
    ErrorCode.EVIDENCE_REQUIRED: (
        "يلزم تسجيل وثيقة الهوية التي تم التحقق منها.",
        "The identity document that was checked must be recorded.",
    ),
    ErrorCode.EVIDENCE_EXPIRED: ("وثيقة الهوية منتهية الصلاحية.", "The identity document has expired."),
    ErrorCode.EVIDENCE_MISMATCH: (
        "وثيقة الهوية لا تطابق رقم الهوية المدخل.",
        "The identity document does not match the ID number entered.",
    ),
    ErrorCode.CENTRE_INACTIVE: (
        "المركز غير مرخص حاليًا لتقديم الخدمات.",
        "The centre is not currently licensed to serve.",
    ),
    ErrorCode.SIGN_IN_FAILED: (
        "رقم الهوية أو كلمة المرور غير صحيحة، أو الحساب موقوف مؤقتًا.",
        "Wrong ID number or password, or the account is temporarily locked.",
    ),
    ErrorCode.PASSWORD_TOO_WEAK: (
        "كلمة المرور يجب ألا تقل عن عشرة أحرف.",
        "The password must be at least ten characters long.",
    ),
    ErrorCode.STAFF_SCOPE_INVALID: (
        "مشغل المركز يتبع مركزًا وموظف الجهة يتبع جهة.",
        "Centre operators belong to a centre and agency officers to an agency.",
    ),
    ErrorCode.SERVICE_INACTIVE: ("الخدمة غير متاحة حاليًا.", "The service is not available at the moment."),
    ErrorCode.FORM_FIELD_REQUIRED: ("حقل مطلوب في النموذج لم يُعبأ.", "A required form field is empty."),
    ErrorCode.FORM_FIELD_UNKNOWN: (
        "النموذج يحتوي حقلًا غير معروف.",
        "The form has a field the service does not define.",
    ),
    ErrorCode.FORM_FIELD_TYPE: ("قيمة حقل في النموذج بصيغة غير صحيحة.", "A form field's value has the wrong format."),
    ErrorCode.FORM_FIELD_TOO_LONG: ("قيمة حقل في النموذج أطول من المسموح.", "A form field's value is too long."),
    ErrorCode.FORM_FIELD_CHOICE: (
        "قيمة حقل في النموذج ليست من الخيارات المتاحة.",
        "A form field's value is not one of its choices.",
    ),
    ErrorCode.DOCUMENT_MISSING: ("مستند مطلوب للخدمة غير مرفق.", "A document the service requires is missing."),
    ErrorCode.DOCUMENT_UNKNOWN: ("مستند غير مطلوب لهذه الخدمة.", "This document is not one the service lists."),
    ErrorCode.FEE_MISMATCH: (
        "المبلغ المحصل لا يساوي رسوم الخدمة مع رسم المركز المعلن.",
        "The amount collected must equal the service fee plus the centre's posted charge.",
    ),
    ErrorCode.IDEMPOTENCY_KEY_REQUIRED: ("يلزم مفتاح عدم التكرار للطلب.", "An idempotency key is required."),
    ErrorCode.IDEMPOTENCY_KEY_REUSED: (
        "استُخدم مفتاح عدم التكرار لطلب مختلف.",
        "This idempotency key was used for a different request.",
    ),
    ErrorCode.IDEMPOTENCY_IN_PROGRESS: (
        "الطلب نفسه قيد المعالجة، أعد المحاولة بعد لحظات.",
        "The same request is being processed; retry in a moment.",
    ),
    ErrorCode.REQUEST_STATE: (
        "لا يمكن تنفيذ هذا الإجراء في حالة الطلب الحالية.",
        "This action is not possible in the request's current state.",
    ),
    ErrorCode.CANCEL_TOO_LATE: (
        "لا يمكن الإلغاء بعد أن استلمت الجهة الطلب.",
        "A request cannot be cancelled once an agency has received it.",
    ),
    ErrorCode.TRACKING_FAILED: (
        "رقم التتبع أو الرمز غير صحيح.",
        "Wrong tracking number or PIN.",
    ),
    ErrorCode.TRACKING_LOCKED: (
        "أُدخل رمز خاطئ لهذا الرقم خمس مرات؛ أُوقف التتبع به خمس عشرة دقيقة، فأعد المحاولة بعدها.",
        "A wrong PIN was entered five times for this number: tracking it is locked for fifteen minutes. Try again then.",
    ),
    ErrorCode.REASON_REQUIRED: ("يلزم ذكر السبب.", "A reason is required."),
    ErrorCode.MISSING_ITEMS_REQUIRED: (
        "يلزم تحديد النواقص المطلوبة من المركز.",
        "List what is missing for the centre to provide.",
    ),
    ErrorCode.TOO_MANY_SUBSCRIPTIONS: (
        "بلغ هذا الاتصال الحد الأعلى للاشتراكات؛ أنهِ اشتراكاً قبل بدء آخر.",
        "This connection has as many subscriptions as it may; complete one before starting another.",
    ),
    ErrorCode.SUBSCRIPTIONS_ONLY: (
        "هذا الاتصال للاشتراكات فقط؛ أرسل الاستعلامات والتعديلات عبر HTTP.",
        "This connection serves subscriptions only; send queries and mutations over HTTP.",
    ),
    ErrorCode.BAD_REQUEST: (
        "الطلب غير صالح: أرسل مستند GraphQL واحدًا بصيغة JSON عبر POST.",
        "The request is not valid: send one GraphQL request as JSON in a POST.",
    ),
    ErrorCode.PAYLOAD_TOO_LARGE: ("حجم الطلب أكبر من المسموح.", "The request body is too large."),
    ErrorCode.GRAPHQL_PARSE_FAILED: (
        "تعذّرت قراءة مستند GraphQL: تحقق من صياغته.",
        "The GraphQL document could not be read: check its syntax.",
    ),
    ErrorCode.GRAPHQL_VALIDATION_FAILED: (
        "مستند GraphQL لا يتوافق مع المخطط أو يتجاوز حدوده.",
        "The GraphQL document does not fit the schema or exceeds its limits.",
    ),
    ErrorCode.BAD_USER_INPUT: (
        "إحدى القيم المرسلة ليست من النوع المطلوب أو ناقصة.",
        "A value sent is missing or not of the type required.",
    ),
    ErrorCode.VALUE_TOO_LONG: ("إحدى القيم المرسلة أطول من المسموح.", "A value sent is longer than allowed."),
    ErrorCode.INTERNAL_ERROR: (
        "حدث خطأ غير متوقع، يرجى المحاولة لاحقًا.",
        "Unexpected error.",
    ),
    ErrorCode.DOCUMENT_NOT_TRUSTED: (
        "هذه العملية ليست من عمليات التطبيق المعتمدة، فلا تُنفَّذ.",
        "This operation is not one of the application's trusted documents: it is not run.",
    ),
    ErrorCode.DOCUMENT_ID_UNKNOWN: (
        "معرّف العملية غير معروف؛ حدّث الصفحة لتحميل أحدث نسخة من التطبيق.",
        "Unknown document id: reload the page to get the application's latest version.",
    ),
    ErrorCode.DISTRICT_UNKNOWN: (
        "الحي ليس من أحياء المدينة المنورة المعتمدة.",
        "The district is not one of Madinah's listed districts.",
    ),
    ErrorCode.LICENCE_NUMBER_INVALID: (
        "رقم الترخيص غير صحيح: من 4 إلى 32 حرفًا لاتينيًا كبيرًا أو رقمًا أو شرطة.",
        "The licence number is not valid: 4-32 capital letters, digits, hyphens or slashes.",
    ),
    ErrorCode.LICENCE_NUMBER_TAKEN: ("رقم الترخيص مسجل لمركز آخر.", "This licence number belongs to another centre."),
    ErrorCode.LICENCE_DATE_PAST: (
        "تاريخ انتهاء الترخيص يجب أن يكون في المستقبل.",
        "The licence expiry date must be in the future.",
    ),
    ErrorCode.OPERATOR_COMPANY_REQUIRED: (
        "يلزم اسم الشركة المشغلة للمركز.",
        "The centre's operator company is required.",
    ),
    ErrorCode.LOCATION_INVALID: (
        "موقع المركز خارج منطقة المدينة المنورة.",
        "The centre's location is outside the Madinah region.",
    ),
    ErrorCode.WORKING_HOURS_INVALID: ("أوقات العمل غير صحيحة.", "The working hours are not valid."),
    ErrorCode.SERVICE_CHARGE_INVALID: (
        "رسم الخدمة المعلن خارج الحد المسموح.",
        "The posted service charge is outside the allowed range.",
    ),
    ErrorCode.CHECKLIST_INCOMPLETE: (
        "المركز لا يستوفي المعايير الفنية المطلوبة للترخيص.",
        "The centre does not meet the technical standards required for a licence.",
    ),
    ErrorCode.CENTRE_STATE: (
        "لا يمكن تنفيذ هذا الإجراء في حالة ترخيص المركز الحالية.",
        "This action is not possible in the centre's current licence status.",
    ),
    ErrorCode.INSPECTION_DATE_INVALID: ("تاريخ الزيارة الميدانية غير صحيح.", "The inspection date is not valid."),
    ErrorCode.INSPECTION_CHECKLIST_INVALID: (
        "يلزم تقييم كل بند من بنود قائمة الفحص مرة واحدة.",
        "Every checklist item must be assessed exactly once.",
    ),
    ErrorCode.FINDING_INVALID: ("ملاحظة الزيارة غير صحيحة.", "An inspection finding is not valid."),
    ErrorCode.FOLLOW_UP_INVALID: (
        "يلزم موعد متابعة بعد تاريخ الزيارة عند وجود ملاحظات.",
        "Findings need a follow-up date after the inspection date.",
    ),
    ErrorCode.DOCUMENT_REFERENCE_INVALID: ("مرجع المستند غير صحيح.", "A document reference is not valid."),
    ErrorCode.FINDINGS_CLOSED: ("ملاحظات هذه الزيارة مغلقة.", "This inspection's findings are already closed."),
    ErrorCode.NOTE_REQUIRED: ("يلزم كتابة ملاحظة.", "A note is required."),
    ErrorCode.ALREADY_RESOLVED: ("تمت معالجة هذا العنصر مسبقًا.", "This item has already been resolved."),
    ErrorCode.DATE_RANGE_INVALID: (
        "الفترة غير صحيحة: من تاريخ قبل إلى تاريخ، وبحد أقصى 92 يومًا.",
        "The period is not valid: from before to, at most 92 days.",
    ),
    ErrorCode.REQUEST_NOT_DELIVERED: (
        "يمكن التقييم أو الشكوى بعد استلام المعاملة فقط.",
        "Rating or complaining is possible only after the result was handed over.",
    ),
    ErrorCode.ALREADY_RATED: ("قيّمت هذا الطلب مسبقًا.", "You have already rated this request."),
    ErrorCode.RATING_INVALID: ("التقييم من نجمة إلى خمس نجوم.", "A rating is one to five stars."),
    ErrorCode.COMPLAINT_TEXT_INVALID: (
        "نص الشكوى مطلوب وبحد أقصى ألف حرف.",
        "A complaint needs a text of at most a thousand characters.",
    ),
    ErrorCode.CONTENT_TYPE_NOT_ALLOWED: (
        "نوع الملف غير مقبول؛ المقبول: PDF أو JPEG أو PNG.",
        "This file type is not accepted; send a PDF, JPEG or PNG.",
    ),
    ErrorCode.DOCUMENT_TOO_LARGE: ("حجم الملف أكبر من المسموح.", "The file is larger than allowed."),
    ErrorCode.DOCUMENT_EMPTY: ("الملف فارغ.", "The file is empty."),
    ErrorCode.FILE_NAME_INVALID: (
        "اسم الملف غير مقبول؛ يلزم اسم بسيط بامتداد يطابق نوعه.",
        "The file name is not accepted: use a plain name whose extension matches its type.",
    ),
    ErrorCode.DOCUMENT_EMPTY: ("الملف فارغ.", "The file is empty."),
    ErrorCode.FILE_NAME_INVALID: (
        "اسم الملف غير مقبول؛ يلزم اسم بسيط بامتداد يطابق نوعه.",
        "The file name is not accepted: use a plain name whose extension matches its type.",
    ),
    ErrorCode.FILE_NAME_INVALID: (
        "اسم الملف غير مقبول؛ يلزم اسم بسيط بامتداد يطابق نوعه.",
        "The file name is not accepted: use a plain name whose extension matches its type.",
    ),
    ErrorCode.CHECKSUM_INVALID: (
        "بصمة الملف يجب أن تتكون من 64 خانة ست عشرية.",
        "The file's checksum must be 64 hexadecimal characters.",
    ),
    ErrorCode.UPLOAD_MISSING: (
        "لم يصل الملف بعد؛ ارفعه ثم أعد المحاولة.",
        "The file has not arrived; upload it, then retry.",
    ),
    ErrorCode.UPLOAD_EXPIRED: (
        "انتهت صلاحية رابط الرفع قبل وصول الملف؛ اطلب رابطًا جديدًا.",
        "The upload link expired before the file arrived; ask for a new one.",
    ),
    ErrorCode.UPLOAD_SIZE_MISMATCH: (
        "حجم الملف المرفوع لا يطابق الحجم المعلن.",
        "The uploaded file's size differs from the size declared.",
    ),
    ErrorCode.UPLOAD_CHECKSUM_MISMATCH: (
        "بصمة الملف المرفوع لا تطابق البصمة المعلنة.",
        "The uploaded file's checksum differs from the one declared.",
    ),
    ErrorCode.UPLOAD_CONTENT_MISMATCH: (
        "محتوى الملف لا يطابق نوعه المعلن.",
        "The file's content is not of the type declared.",
    ),
    ErrorCode.DOCUMENT_NOT_ATTACHED: (
        "المستند غير مرفق بهذا الطلب أو لم يُتحقق منه بعد.",
        "The document is not attached to this request, or not verified yet.",
    ),
    ErrorCode.DOCUMENT_DUPLICATE: (
        "أُرفق أكثر من مستند للنوع نفسه.",
        "More than one document was given for the same document type.",
    ),
    ErrorCode.DOCUMENT_STATE: (
        "لا يمكن تنفيذ هذا الإجراء في حالة المستند الحالية.",
        "This action is not possible in the document's current state.",
    ),
    ErrorCode.DOCUMENT_TOO_OLD: (
        "رُفع المستند لطلب لم يُقدَّم منذ مدة طويلة؛ ارفعه من جديد.",
        "The document was uploaded too long ago for a filing not yet submitted; upload it again.",
    ),
    ErrorCode.REPORT_SIGNATURE_INVALID: (
        "توقيع تقرير التسليم غير صحيح.",
        "The delivery report's signature is not valid.",
    ),
    ErrorCode.REPORT_EXPIRED: (
        "وقت تقرير التسليم خارج النافذة المسموح بها.",
        "The delivery report's timestamp is outside the allowed window.",
    ),
    ErrorCode.REPORT_INVALID: ("تقرير التسليم غير مفهوم.", "The delivery report could not be read."),
    ErrorCode.POS_SLIP_REQUIRED: (
        "أدخل رقم جهاز نقاط البيع والرقم المرجعي المطبوعين على إيصال البطاقة.",
        "Enter the terminal id and the retrieval reference number printed on the card slip.",
    ),
    ErrorCode.POS_SLIP_NOT_EXPECTED: (
        "إيصال البطاقة يخص الدفع بالبطاقة فقط، لا الدفع نقدًا.",
        "A card slip belongs to a card payment only, not to cash.",
    ),
    ErrorCode.POS_SLIP_INVALID: (
        "رقم الجهاز ثمانية حروف أو أرقام، والرقم المرجعي اثنا عشر رقمًا.",
        "The terminal id is 8 letters or digits and the retrieval reference 12 digits.",
    ),
    ErrorCode.POS_SLIP_USED: (
        "هذا الإيصال سُجل لطلب آخر من قبل.",
        "This card slip was already recorded for another request.",
    ),
    ErrorCode.AMOUNT_INVALID: ("المبلغ يجب أن يكون أكبر من صفر.", "The amount must be more than zero."),
    ErrorCode.REMITTANCE_REFERENCE_INVALID: (
        "رقم إيصال الإيداع من 4 إلى 32 حرفًا لاتينيًا كبيرًا أو رقمًا أو شرطة.",
        "The deposit slip number is 4-32 capital Latin letters, digits and hyphens.",
    ),
    ErrorCode.REMITTANCE_EXCEEDS_CASH: (
        "المبلغ أكبر من النقد الموجود في صندوق المركز.",
        "The amount is more than the cash in the centre's drawer.",
    ),
    ErrorCode.REMITTANCE_REFERENCE_USED: (
        "سُجل إيصال الإيداع هذا من قبل بمبلغ آخر.",
        "This deposit slip was already recorded with another amount.",
    ),
    ErrorCode.DAY_CLOSED: (
        "أُقفل يوم العمل هذا؛ تُسجَّل التصحيحات في يوم لاحق.",
        "This business day is closed: corrections are posted on a later day.",
    ),
    ErrorCode.DAY_NOT_OVER: (
        "لا يُقفل يوم العمل قبل انتهائه بتوقيت المدينة المنورة.",
        "A business day can be closed only once it has ended in Madinah.",
    ),
    ErrorCode.SETTLEMENT_FORMAT: (
        "ملف التسوية ليس بالصيغة المتفق عليها (الصيغة والإصدار وتاريخ التسوية في السطر الأول).",
        "The settlement file is not in the agreed format (format, version and settlement date on line 1).",
    ),
    ErrorCode.SETTLEMENT_COLUMNS: (
        "أعمدة ملف التسوية ليست الأعمدة المتفق عليها.",
        "The settlement file's columns are not the agreed ones.",
    ),
    ErrorCode.SETTLEMENT_REFERENCE: (
        "رقم الجهاز أو الرقم المرجعي في ملف التسوية غير صالح.",
        "A terminal id or retrieval reference in the settlement file is not valid.",
    ),
    ErrorCode.SETTLEMENT_AMOUNT: (
        "مبلغ في ملف التسوية غير صالح.",
        "An amount in the settlement file is not valid.",
    ),
    ErrorCode.SETTLEMENT_TRUNCATED: (
        "ملف التسوية ناقص: سطر الختام مفقود أو لا يطابق الأسطر.",
        "The settlement file is truncated: its trailer is missing or disagrees with its lines.",
    ),
}
