/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountStatus =
  | 'ACTIVE'
  | 'DISABLED';

/** An agency's own week or hours; leave out what the region's is. */
export type AgencyHoursInput = {
  agencyCode: string;
  hours?: OfficeHoursInput | null | undefined;
  ramadanHours?: OfficeHoursInput | null | undefined;
  week?: Array<Weekday> | null | undefined;
};

export type AgencyInput = {
  active?: boolean;
  code: string;
  name: LocalizedTextInput;
  /** At most 16 characters each; required when the name is longer. */
  smsName?: LocalizedTextInput | null | undefined;
};

/** The whole calendar, replacing the one in force for the waits that start from now on. */
export type BusinessCalendarInput = {
  agencies?: Array<AgencyHoursInput>;
  /** One-off closed days. A Madinah business day (Asia/Riyadh): the day on Madinah's wall clock, not UTC's. */
  closures?: Array<string>;
  /** In the Gregorian calendar, e.g. National Day: month 9, day 23. */
  gregorianHolidays: Array<HolidayInput>;
  /** In the Umm al-Qura calendar, e.g. Eid al-Fitr: month 10, day 1, 4 days. */
  hijriHolidays: Array<HolidayInput>;
  region: WorkingPatternInput;
};

/** A date as the document prints it, with the calendar it is printed in: {date: "1412-05-17", calendar: HIJRI} (national ID cards) or {date: "1991-11-23", calendar: GREGORIAN}. The calendar is never guessed: a Hijri year marked GREGORIAN, or the reverse, is refused (DATE_CALENDAR_MISMATCH). Accepted years: Hijri 1343-1500 (the Umm al-Qura tables), Gregorian 1880-2100; others are DATE_OUT_OF_RANGE. */
export type CalendarDateInput = {
  calendar: DateCalendar;
  /** YYYY-MM-DD (Western or Eastern-Arabic digits). */
  date: string;
};

export type CentreRegistrationInput = {
  /** 2-32 capital letters, digits and hyphens, e.g. MED-C04. */
  centreId: string;
  checklist: TechnicalChecklistInput;
  /** One of Madinah's listed district codes, e.g. QUBA. */
  district: string;
  /** e.g. LIC-MED-2026-0004; unique. */
  licenceNumber: string;
  location: GeoPointInput;
  name: LocalizedTextInput;
  operatorCompany: string;
  /** The posted service charge, SAR (0 to 100). */
  serviceCharge: string;
  /** At most 16 characters each (it goes in SMS). */
  smsName: LocalizedTextInput;
  workingHours: WorkingHoursInput;
};

/** A centre serves only while ACTIVE and licensed. */
export type CentreStatus =
  | 'ACTIVE'
  | 'REGISTERED'
  | 'REVOKED'
  | 'SUSPENDED';

export type CheckResultInput = {
  item: ChecklistItem;
  note?: string | null | undefined;
  passed: boolean;
};

/** The regulations' technical standards. */
export type ChecklistItem =
  | 'ACCESSIBILITY'
  | 'CONNECTIVITY'
  | 'EQUIPMENT'
  | 'POSTED_CHARGES'
  | 'RECEIPTS'
  | 'TRAINED_STAFF';

export type ChoiceInput = {
  label: LocalizedTextInput;
  value: string;
};

export type ComplaintStatus =
  | 'OPEN'
  | 'RESOLVED';

/** Gregorian, or Umm al-Qura Hijri (as ID cards print dates). */
export type DateCalendar =
  | 'GREGORIAN'
  | 'HIJRI';

export type Decision =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'REJECTED'
  | 'RETURNED';

export type DeliveryStatus =
  | 'DELIVERED'
  | 'PENDING'
  | 'PERMANENT_FAILURE'
  | 'SENDING'
  | 'TECHNICAL_FAILURE'
  | 'TEMPORARY_FAILURE';

/** MISSING_IN_LEDGER (settled, no filing has the slip), MISSING_IN_SETTLEMENT (a filing's slip not settled with its day), AMOUNT_MISMATCH, LATE_SETTLEMENT. */
export type DiscrepancyKind =
  | 'AMOUNT_MISMATCH'
  | 'LATE_SETTLEMENT'
  | 'MISSING_IN_LEDGER'
  | 'MISSING_IN_SETTLEMENT';

/** AWAITING_UPLOAD until the file arrived and was verified. */
export type DocumentStatus =
  | 'ATTACHED'
  | 'AWAITING_UPLOAD';

/** The filing being prepared: the idempotency key its submission will carry. */
export type DraftInput = {
  idempotencyKey: string;
  serviceCode: string;
};

/** Stable error codes; match on these. */
export type ErrorCode =
  | 'ALREADY_EXISTS'
  | 'ALREADY_RATED'
  | 'ALREADY_RESOLVED'
  | 'AMOUNT_INVALID'
  | 'BAD_CURSOR'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'BIRTH_DATE_INVALID'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'CALENDAR_INVALID'
  | 'CANCEL_TOO_LATE'
  | 'CENTRE_INACTIVE'
  | 'CENTRE_STATE'
  | 'CHECKLIST_INCOMPLETE'
  | 'CHECKSUM_INVALID'
  | 'CODE_INVALID'
  | 'COMPLAINT_TEXT_INVALID'
  | 'CONFLICT'
  | 'CONTENT_TYPE_NOT_ALLOWED'
  | 'DATE_CALENDAR_MISMATCH'
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_RANGE'
  | 'DATE_RANGE_INVALID'
  | 'DAY_CLOSED'
  | 'DAY_NOT_OVER'
  | 'DISTRICT_UNKNOWN'
  | 'DOCUMENT_DUPLICATE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_ID_UNKNOWN'
  | 'DOCUMENT_INVALID'
  | 'DOCUMENT_MISSING'
  | 'DOCUMENT_NOT_ATTACHED'
  | 'DOCUMENT_NOT_TRUSTED'
  | 'DOCUMENT_REFERENCE_INVALID'
  | 'DOCUMENT_STATE'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_TOO_OLD'
  | 'DOCUMENT_UNKNOWN'
  | 'EVIDENCE_EXPIRED'
  | 'EVIDENCE_MISMATCH'
  | 'EVIDENCE_REQUIRED'
  | 'FEE_INVALID'
  | 'FEE_MISMATCH'
  | 'FILE_NAME_INVALID'
  | 'FINDINGS_CLOSED'
  | 'FINDING_INVALID'
  | 'FOLLOW_UP_INVALID'
  | 'FORBIDDEN'
  | 'FORM_FIELD_CHOICE'
  | 'FORM_FIELD_INVALID'
  | 'FORM_FIELD_REQUIRED'
  | 'FORM_FIELD_TOO_LONG'
  | 'FORM_FIELD_TYPE'
  | 'FORM_FIELD_UNKNOWN'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INSPECTION_CHECKLIST_INVALID'
  | 'INSPECTION_DATE_INVALID'
  | 'INTERNAL_ERROR'
  | 'LICENCE_DATE_PAST'
  | 'LICENCE_NUMBER_INVALID'
  | 'LICENCE_NUMBER_TAKEN'
  | 'LOCATION_INVALID'
  | 'MISSING_ITEMS_REQUIRED'
  | 'MOBILE_INVALID'
  | 'MOBILE_NOT_MOBILE'
  | 'MOBILE_NOT_SAUDI'
  | 'MOBILE_TAKEN'
  | 'NAME_INVALID'
  | 'NAME_REQUIRED'
  | 'NATIONAL_ID_CHECK_DIGIT'
  | 'NATIONAL_ID_LENGTH'
  | 'NATIONAL_ID_PREFIX'
  | 'NATIONAL_ID_TAKEN'
  | 'NOTE_REQUIRED'
  | 'NOT_FOUND'
  | 'OPERATOR_COMPANY_REQUIRED'
  | 'PASSWORD_TOO_WEAK'
  | 'PAYLOAD_TOO_LARGE'
  | 'POS_SLIP_INVALID'
  | 'POS_SLIP_NOT_EXPECTED'
  | 'POS_SLIP_REQUIRED'
  | 'POS_SLIP_USED'
  | 'RATING_INVALID'
  | 'REASON_REQUIRED'
  | 'REMITTANCE_EXCEEDS_CASH'
  | 'REMITTANCE_REFERENCE_INVALID'
  | 'REMITTANCE_REFERENCE_USED'
  | 'REPORT_EXPIRED'
  | 'REPORT_INVALID'
  | 'REPORT_SIGNATURE_INVALID'
  | 'REQUEST_NOT_DELIVERED'
  | 'REQUEST_STATE'
  | 'ROUTE_DUPLICATE_AGENCY'
  | 'ROUTE_EMPTY'
  | 'ROUTE_UNKNOWN_AGENCY'
  | 'SADAD_AMOUNT_MISMATCH'
  | 'SADAD_BILL_EXPIRED'
  | 'SADAD_BILL_PAID'
  | 'SADAD_BILL_UNKNOWN'
  | 'SADAD_NOTIFICATION_EXPIRED'
  | 'SADAD_NOTIFICATION_INVALID'
  | 'SADAD_SIGNATURE_INVALID'
  | 'SERVICE_CHARGE_INVALID'
  | 'SERVICE_INACTIVE'
  | 'SESSION_ENDED'
  | 'SETTLEMENT_AMOUNT'
  | 'SETTLEMENT_COLUMNS'
  | 'SETTLEMENT_FORMAT'
  | 'SETTLEMENT_REFERENCE'
  | 'SETTLEMENT_TRUNCATED'
  | 'SIGN_IN_FAILED'
  | 'SLA_INVALID'
  | 'STAFF_SCOPE_INVALID'
  | 'SUBSCRIPTIONS_ONLY'
  | 'TEMPORARILY_UNAVAILABLE'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'TRACKING_FAILED'
  | 'TRACKING_LOCKED'
  | 'UNAUTHENTICATED'
  | 'UPLOAD_CHECKSUM_MISMATCH'
  | 'UPLOAD_CONTENT_MISMATCH'
  | 'UPLOAD_EXPIRED'
  | 'UPLOAD_MISSING'
  | 'UPLOAD_SIZE_MISMATCH'
  | 'VALIDATION_FAILED'
  | 'VALUE_TOO_LONG'
  | 'WORKING_HOURS_INVALID';

export type EscalationKind =
  | 'FOLLOW_UP_OVERDUE'
  | 'SLA_BREACH';

export type EscalationStatus =
  | 'OPEN'
  | 'RESOLVED';

/** How a form field is filled in. */
export type FieldType =
  | 'BOOLEAN'
  | 'CHOICE'
  | 'DATE'
  | 'NUMBER'
  | 'TEXT';

export type FindingInput = {
  severity: FindingSeverity;
  text: string;
};

export type FindingSeverity =
  | 'CRITICAL'
  | 'MAJOR'
  | 'MINOR';

/** Why a centre is flagged for inspection. */
export type FlagKind =
  | 'FEE_OFF_RATE'
  | 'SLOW_DELIVERY'
  | 'VOLUME_SPIKE';

export type FormAnswerInput = {
  key: string;
  value: string;
};

export type FormFieldInput = {
  choices?: Array<ChoiceInput>;
  key: string;
  label: LocalizedTextInput;
  maxLength?: number | null | undefined;
  required?: boolean;
  type: FieldType;
};

export type GeoPointInput = {
  latitude: number;
  longitude: number;
};

/** One agency's step: FORWARDED, RECEIVED, then decided. */
export type HandoffStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FORWARDED'
  | 'RECEIVED'
  | 'REJECTED'
  | 'RETURNED';

/** `days` days from (`month`, `day`) every year. */
export type HolidayInput = {
  day: number;
  days?: number;
  month: number;
  name: LocalizedTextInput;
};

/** The identity document the operator checked at the counter. */
export type IdentityCheckInput = {
  documentNumber: string;
  documentType: IdentityDocumentType;
  /** As printed: national ID cards print a Hijri expiry, e.g. {date: "1450-01-01", calendar: HIJRI}. */
  expiresOn: CalendarDateInput;
};

export type IdentityDocumentType =
  | 'FAMILY_RECORD'
  | 'IQAMA'
  | 'NATIONAL_ID_CARD'
  | 'PASSPORT';

export type InspectionInput = {
  centreId: string | number;
  findings?: Array<FindingInput>;
  /** Required with findings: the Madinah business day by which they are closed. */
  followUpDue?: string | null | undefined;
  /** References (ids) of photos stored as documents. */
  photos?: Array<string>;
  /** Every checklist item, once. */
  results: Array<CheckResultInput>;
  /** A Madinah business day (Asia/Riyadh): the day on Madinah's wall clock, not UTC's. */
  visitedOn: string;
};

export type JournalEntryKind =
  | 'FILING'
  | 'REFUND'
  | 'REMITTANCE'
  | 'SETTLEMENT';

/** The language of the citizen's SMS: Arabic, English, Urdu, Bengali or Indonesian (pages: Arabic or English). */
export type Language =
  | 'AR'
  | 'BN'
  | 'EN'
  | 'ID'
  | 'UR';

/** CASH_DRAWER, MADA_CLEARING, SADAD_CLEARING (assets); FEES_PAYABLE (owed to the treasury, per agency); SERVICE_CHARGES (the centre's income); TREASURY (cash handed over). */
export type LedgerAccountKind =
  | 'BANK'
  | 'CASH_DRAWER'
  | 'FEES_PAYABLE'
  | 'MADA_CLEARING'
  | 'SADAD_CLEARING'
  | 'SERVICE_CHARGES'
  | 'TREASURY';

export type LocalizedTextInput = {
  ar: string;
  en: string;
};

export type NoticeKind =
  | 'FINDINGS_CLOSED'
  | 'INSPECTION_RECORDED'
  | 'LICENSED'
  | 'REGISTERED'
  | 'REINSTATED'
  | 'REVOKED'
  | 'SUSPENDED';

/** HH:MM on Madinah's wall clock; closes up to 24:00. */
export type OfficeHoursInput = {
  closes: string;
  opens: string;
};

export type OpenCitizenRecordInput = {
  /** As the ID card prints it, e.g. {date: "1412-05-17", calendar: HIJRI}; not in the future. */
  birthDate: CalendarDateInput;
  identityCheck?: IdentityCheckInput | null | undefined;
  language?: Language;
  /** A Saudi mobile: 05XXXXXXXX, +9665XXXXXXXX or 009665XXXXXXXX. */
  mobile: string;
  nameAr: string;
  nameEn?: string | null | undefined;
  /** 10 digits (Eastern-Arabic digits accepted). */
  nationalId: string;
};

/** How money came in: the cash drawer, the card terminal's acquirer, SADAD. */
export type PaymentChannel =
  | 'CASH'
  | 'MADA'
  | 'SADAD';

export type PaymentMethod =
  | 'CARD'
  | 'CASH'
  | 'MADA'
  | 'SADAD';

/** The card terminal's slip, as printed (docs/money.md). */
export type PosSlipInput = {
  /** The retrieval reference number (RRN): 12 digits. */
  retrievalReference: string;
  /** The terminal id: 8 letters or digits. */
  terminalId: string;
};

/** What centres are ranked on (best first). */
export type RankingMetric =
  | 'ACKNOWLEDGEMENT_MEDIAN'
  | 'ACKNOWLEDGEMENT_P90'
  | 'COMPLAINTS'
  | 'DELIVERY_MEDIAN'
  | 'FEES_COLLECTED'
  | 'RATING_AVERAGE'
  | 'RETURNS_PER_100'
  | 'SLA_BREACHES'
  | 'SUBMITTED';

export type RecordRemittanceInput = {
  /** SAR handed over, from the centre's cash drawer. */
  amount: string;
  /** The treasury's deposit slip number (4-32 letters, digits, -). */
  reference: string;
};

export type RequestDocumentUploadInput = {
  /** application/pdf, image/jpeg or image/png. */
  contentType: string;
  /** The code of one of the service's documents. */
  documentType: string;
  /** A filing not submitted yet. */
  draft?: DraftInput | null | undefined;
  /** For display only: a plain name with its extension. */
  fileName: string;
  /** A request of your centre returned for missing items (or give `draft`). */
  requestId?: string | number | null | undefined;
  /** SHA-256 of the file, 64 hexadecimal characters. */
  sha256: string;
  sizeBytes: number;
};

/** Where a request stands, from SUBMITTED to DELIVERED. */
export type RequestStatus =
  | 'AT_AGENCIES'
  | 'AWAITING_PAYMENT'
  | 'CANCELLED'
  | 'COMPLETED_AT_CENTRE'
  | 'DELIVERED'
  | 'EXPIRED'
  | 'REJECTED'
  | 'RETURNED_TO_CENTRE'
  | 'SUBMITTED';

export type RequiredDocumentInput = {
  code: string;
  name: LocalizedTextInput;
};

export type Role =
  | 'ADMIN'
  | 'AGENCY_OFFICER'
  | 'ANONYMOUS'
  | 'CENTRE_OPERATOR'
  | 'CITIZEN'
  | 'MONITOR'
  | 'SYSTEM';

export type RouteStageInput = {
  /** Agencies of one stage work in parallel. */
  agencies: Array<StageStepInput>;
};

export type SadadBillStatus =
  | 'EXPIRED'
  | 'OPEN'
  | 'PAID';

export type ServiceInput = {
  active?: boolean;
  code: string;
  description: LocalizedTextInput;
  documents?: Array<RequiredDocumentInput>;
  /** SAR, at most two decimals. */
  fee: string;
  fields?: Array<FormFieldInput>;
  name: LocalizedTextInput;
  stages: Array<RouteStageInput>;
};

/** Which wait lapsed: receipt, or processing. */
export type SlaPhase =
  | 'PROCESSING'
  | 'RECEIPT';

export type StaffAccountInput = {
  agencyCode?: string | null | undefined;
  centreId?: string | null | undefined;
  mobile: string;
  nameAr: string;
  nameEn?: string | null | undefined;
  nationalId: string;
  role: Role;
};

export type StageStepInput = {
  agencyCode: string;
  /** Working hours to finish the step. */
  processingSlaHours: number;
  /** Working hours to acknowledge receipt (docs/time.md). */
  receiptSlaHours: number;
  task: LocalizedTextInput;
};

export type SubmitServiceRequestInput = {
  /** SAR collected: the service fee plus the centre's posted charge. */
  amount: string;
  answers: Array<FormAnswerInput>;
  citizenId: string | number;
  /** The ids of attached documents (attachDocument, uploaded under this idempotency key as the draft): one for each document the service lists. */
  documents: Array<string | number>;
  /** 8-64 characters, unique per filing at this centre. */
  idempotencyKey: string;
  /** The document checked at this visit. */
  identityCheck?: IdentityCheckInput | null | undefined;
  paymentMethod: PaymentMethod;
  /** Required for MADA and CARD (the slip's terminal id and RRN); none for CASH. */
  posSlip?: PosSlipInput | null | undefined;
  serviceCode: string;
};

/** What the centre has, as verified by the office. */
export type TechnicalChecklistInput = {
  accessibleCounter: boolean;
  certifiedStaff: number;
  hasBackupLine: boolean;
  hasPrinter: boolean;
  hasScanner: boolean;
  lineMbps: number;
  stepFreeAccess: boolean;
  trainedStaff: number;
  workstations: number;
};

/** How much personal data this view shows you. */
export type Visibility =
  | 'FULL'
  | 'MASKED'
  | 'OPERATOR';

export type Weekday =
  | 'FRI'
  | 'MON'
  | 'SAT'
  | 'SUN'
  | 'THU'
  | 'TUE'
  | 'WED';

/** Local (Madinah) time; opens before it closes. */
export type WorkingHoursInput = {
  closes: string;
  days: Array<Weekday>;
  opens: string;
};

export type WorkingPatternInput = {
  hours: OfficeHoursInput;
  ramadanHours: OfficeHoursInput;
  week: Array<Weekday>;
};

export type DefineAgencyMutationVariables = Exact<{
  input: AgencyInput;
}>;


export type DefineAgencyMutation = { defineAgency:
    | { __typename: 'Agency', code: string, active: boolean, name: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type DefineServiceMutationVariables = Exact<{
  input: ServiceInput;
}>;


export type DefineServiceMutation = { defineService:
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Service', code: string, fee: string, name: { ar: string, en: string }, route: { stages: Array<{ order: number, agencies: Array<{ code: string }> }> } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CreateStaffAccountMutationVariables = Exact<{
  input: StaffAccountInput;
}>;


export type CreateStaffAccountMutation = { createStaffAccount:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'StaffAccountWithPassword', temporaryPassword: string, staff: { id: string, role: Role, centreId: string | null, agencyCode: string | null } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type DisableStaffAccountMutationVariables = Exact<{
  userId: string | number;
}>;


export type DisableStaffAccountMutation = { disableStaffAccount:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'StaffProfile', id: string, status: AccountStatus }
   };

export type BusinessCalendarQueryVariables = Exact<{ [key: string]: never; }>;


export type BusinessCalendarQuery = { businessCalendar: { version: number, updatedBy: string | null, updatedAtMadinah: { time: string, day: { gregorian: string, hijri: { iso: string } | null } } | null, region: { week: Array<Weekday>, hours: { opens: string, closes: string }, ramadanHours: { opens: string, closes: string } }, holidays: Array<{ calendar: DateCalendar, month: number, day: number, days: number, name: { ar: string, en: string } }>, closures: Array<{ gregorian: string, weekday: Weekday, hijri: { iso: string } | null }>, agencies: Array<{ agencyCode: string, week: Array<Weekday> | null, hours: { opens: string, closes: string } | null, ramadanHours: { opens: string, closes: string } | null }> } };

export type DefineBusinessCalendarMutationVariables = Exact<{
  input: BusinessCalendarInput;
}>;


export type DefineBusinessCalendarMutation = { defineBusinessCalendar:
    | { __typename: 'BusinessCalendar', version: number, region: { week: Array<Weekday>, hours: { opens: string, closes: string } }, agencies: Array<{ agencyCode: string }> }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type WindowDocumentDownloadQueryVariables = Exact<{
  documentId: string | number;
}>;


export type WindowDocumentDownloadQuery = { documentDownload:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'DocumentDownload', url: string, expiresAt: string, document: { id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, sha256: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type HandoffEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HandoffEventsSubscription = { handoffEvents: { id: string, kind: string, at: string, requestId: string, trackingNumber: string, serviceCode: string, status: RequestStatus, stage: number | null, agencyCode: string | null, handoffStatus: HandoffStatus | null, dueAt: string | null, dueAtMadinah: { time: string, day: { gregorian: string, weekday: Weekday, hijri: { iso: string } | null } } | null } };

export type AgencyWindowQueryVariables = Exact<{
  status?: HandoffStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencyWindowQuery = { agencyWindow: { nextCursor: string | null, items: Array<{ requestId: string, trackingNumber: string, serviceCode: string, stage: number, status: HandoffStatus, round: number, forwardedAt: string, receivedAt: string | null, dueAt: string, overdue: boolean, escalations: number, dueAtMadinah: { time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string } | null } } }> } };

export type WindowRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type WindowRequestQuery = { request:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, trackingNumber: string, status: RequestStatus, serviceCode: string, documents: Array<string>, serviceName: { ar: string, en: string } | null, answers: Array<{ key: string, value: string }>, attachedDocuments: Array<{ id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, sha256: string, attachedAt: string | null, filed: boolean | null, typeName: { ar: string, en: string } }>, whereNow: Array<{ agencyCode: string, status: HandoffStatus, dueAt: string, overdue: boolean, dueAtMadinah: { time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string } | null } } }>, history: Array<{ at: string, event: string, agencyCode: string | null, actorRole: string, atMadinah: { time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string } | null } } }>, citizen: { nameAr: string, nationalId: string, visibility: Visibility } | null }
   };

export type AcknowledgeReceiptMutationVariables = Exact<{
  requestId: string | number;
}>;


export type AcknowledgeReceiptMutation = { acknowledgeReceipt:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, whereNow: Array<{ agencyCode: string, status: HandoffStatus, dueAt: string, dueAtMadinah: { time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string } | null } } }> }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CompleteStepMutationVariables = Exact<{
  requestId: string | number;
  note?: string | null | undefined;
}>;


export type CompleteStepMutation = { completeStep:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RejectRequestMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;


export type RejectRequestMutation = { rejectRequest:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type ReturnToCentreMutationVariables = Exact<{
  requestId: string | number;
  missingItems: Array<string> | string;
}>;


export type ReturnToCentreMutation = { returnToCentre:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type AgencyOpeningHoursQueryVariables = Exact<{
  agencyCode?: string | null | undefined;
  from: string;
  to: string;
}>;


export type AgencyOpeningHoursQuery = { businessCalendar: { openingHours: Array<{ ramadan: boolean, day: { gregorian: string, weekday: Weekday, hijri: { iso: string, monthName: { ar: string, en: string } } | null }, hours: { opens: string, closes: string } | null, holiday: { ar: string, en: string } | null }> } };

export type CallListQueryVariables = Exact<{
  done?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CallListQuery = { callList: { nextCursor: string | null, items: Array<{ id: string, citizenId: string, to: string | null, event: string, template: string, trackingNumber: string | null, status: DeliveryStatus, reason: string, attempts: number, doneAt: string | null, doneBy: string | null, note: string | null, citizen: { nameAr: string, nameEn: string | null } | null, failedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } }> } };

export type MarkCallDoneMutationVariables = Exact<{
  callId: string | number;
  note?: string | null | undefined;
}>;


export type MarkCallDoneMutation = { markCallDone:
    | { __typename: 'CallListEntry', id: string, doneAt: string | null, doneBy: string | null, note: string | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CallNumberQueryVariables = Exact<{
  callId: string | number;
}>;


export type CallNumberQuery = { callNumber:
    | { __typename: 'CallNumber', callId: string, mobile: string }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type AgenciesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgenciesQuery = { agencies: Array<{ code: string, active: boolean, name: { ar: string, en: string } }> };

export type AgencyServicesQueryVariables = Exact<{
  agencyCode: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencyServicesQuery = { services: Array<{ code: string, fee: string, name: { ar: string, en: string } }> };

export type ServiceFormQueryVariables = Exact<{
  code: string;
}>;


export type ServiceFormQuery = { service:
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Service', code: string, fee: string, currency: string, active: boolean, name: { ar: string, en: string }, fields: Array<{ key: string, type: FieldType, required: boolean, maxLength: number | null, label: { ar: string, en: string }, choices: Array<{ value: string, label: { ar: string, en: string } }> }>, documents: Array<{ code: string, name: { ar: string, en: string } }>, route: { multiAgency: boolean, stages: Array<{ order: number, agencies: Array<{ code: string, receiptSlaHours: number, processingSlaHours: number, name: { ar: string, en: string } | null }> }> } }
   };

export type RegionOpeningHoursQueryVariables = Exact<{
  agencyCode?: string | null | undefined;
  from: string;
  to: string;
}>;


export type RegionOpeningHoursQuery = { businessCalendar: { openingHours: Array<{ day: { gregorian: string, weekday: Weekday, hijri: { iso: string } | null }, hours: { opens: string, closes: string } | null, holiday: { ar: string, en: string } | null }> } };

export type CentreServiceCatalogueQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CentreServiceCatalogueQuery = { services: Array<{ code: string, fee: string, active: boolean, name: { ar: string, en: string }, description: { ar: string, en: string }, route: { multiAgency: boolean, stages: Array<{ order: number, agencies: Array<{ code: string, name: { ar: string, en: string } | null }> }> } }> };

export type RequestDocumentUploadMutationVariables = Exact<{
  input: RequestDocumentUploadInput;
}>;


export type RequestDocumentUploadMutation = { requestDocumentUpload:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'DocumentUpload', url: string, expiresAt: string, fields: Array<{ name: string, value: string }>, document: { id: string, documentType: string, status: DocumentStatus, uploadExpiresAt: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type AttachDocumentMutationVariables = Exact<{
  documentId: string | number;
}>;


export type AttachDocumentMutation = { attachDocument:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'RequestDocument', id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, sha256: string, status: DocumentStatus, attachedAt: string | null, typeName: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type DraftDocumentsQueryVariables = Exact<{
  idempotencyKey: string;
}>;


export type DraftDocumentsQuery = { draftDocuments: Array<{ id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, status: DocumentStatus, requestedAt: string, attachedAt: string | null, typeName: { ar: string, en: string } }> };

export type CentreDocumentDownloadQueryVariables = Exact<{
  documentId: string | number;
}>;


export type CentreDocumentDownloadQuery = { documentDownload:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'DocumentDownload', url: string, expiresAt: string, document: { id: string, documentType: string, contentType: string, sizeBytes: number, sha256: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type OpenCitizenRecordMutationVariables = Exact<{
  input: OpenCitizenRecordInput;
}>;


export type OpenCitizenRecordMutation = { openCitizenRecord:
    | { __typename: 'CitizenRecordWithPassword', temporaryPassword: string, citizen: { id: string, nationalId: string, nameAr: string, nameEn: string | null, mobile: string, language: Language, openedAt: string, openedAtCentre: string } }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'TryLater', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type LookupCitizenQueryVariables = Exact<{
  nationalId: string;
}>;


export type LookupCitizenQuery = { lookupCitizen:
    | { __typename: 'CitizenRecord', id: string, nationalId: string, nameAr: string, nameEn: string | null, birthDate: string, mobile: string, language: Language, openedAtCentre: string, birthDateCalendars: { gregorian: string, enteredIn: DateCalendar | null, hijri: { iso: string } | null } | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type ReissueTemporaryPasswordMutationVariables = Exact<{
  nationalId: string;
  identityCheck: IdentityCheckInput;
}>;


export type ReissueTemporaryPasswordMutation = { reissueTemporaryPassword:
    | { __typename: 'CitizenRecordWithPassword', temporaryPassword: string, citizen: { id: string, nameAr: string } }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'TryLater', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type OperatorSignInMutationVariables = Exact<{
  nationalId: string;
  password: string;
}>;


export type OperatorSignInMutation = { signIn:
    | { __typename: 'NewPasswordRequired', session: string }
    | { __typename: 'SignedIn', accessToken: string, refreshToken: string | null, expiresIn: number }
    | { __typename: 'TryLater', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreRequestUpdatesSubscriptionVariables = Exact<{
  requestId: string | number;
}>;


export type CentreRequestUpdatesSubscription = { requestUpdates: { id: string, kind: string, at: string, trackingNumber: string, serviceCode: string, status: RequestStatus, stage: number | null, agencyCode: string | null, handoffStatus: HandoffStatus | null, dueAt: string | null, actorRole: string, dueAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } | null } };

export type CentreStatementsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CentreStatementsQuery = { centreStatements:
    | { __typename: 'CentreStatements', centreId: string, csv: string, days: Array<{ day: string, filings: number, refunds: number, cashCollected: string, cashRefunded: string, madaCollected: string, madaRefunded: string, sadadCollected: string, sadadRefunded: string, feesCollected: string, feesRefunded: string, chargesCollected: string, chargesRefunded: string, expectedRemittance: string, remitted: string, closedAt: string | null, madaSettled: string, settledLines: number, settled: string, discrepancies: number }> }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreLedgerQueryVariables = Exact<{ [key: string]: never; }>;


export type CentreLedgerQuery = { centreLedger:
    | { __typename: 'CentreLedger', centreId: string, cashInDrawer: string, accounts: Array<{ account: string, kind: LedgerAccountKind, agencyCode: string | null, balance: string }> }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreMoneyAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type CentreMoneyAgenciesQuery = { agencies: Array<{ code: string, name: { ar: string, en: string } }> };

export type CentreJournalQueryVariables = Exact<{
  day: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreJournalQuery = { centreJournal: { nextCursor: string | null, items: Array<{ entryId: string, kind: JournalEntryKind, day: string, amount: string, requestId: string | null, reference: string | null, corrects: string | null, postedAtMadinah: { time: string }, lines: Array<{ account: string, amount: string }> }> } };

export type RecordRemittanceMutationVariables = Exact<{
  input: RecordRemittanceInput;
}>;


export type RecordRemittanceMutation = { recordRemittance:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'JournalEntry', entryId: string, kind: JournalEntryKind, day: string, amount: string, reference: string | null }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CloseBusinessDayMutationVariables = Exact<{
  day: string;
}>;


export type CloseBusinessDayMutation = { closeBusinessDay:
    | { __typename: 'DayStatement', day: string, closedAt: string | null, expectedRemittance: string, remitted: string }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type OwnCentreQueryVariables = Exact<{
  centreId: string | number;
}>;


export type OwnCentreQuery = { centre:
    | { __typename: 'Centre', id: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, statusReason: string | null, serviceCharge: string, name: { ar: string, en: string }, checklist: { unmet: Array<ChecklistItem> } | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreNoticesQueryVariables = Exact<{
  centreId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreNoticesQuery = { centreNotices: { nextCursor: string | null, items: Array<{ id: string, kind: NoticeKind, at: string, text: { ar: string, en: string } }> } };

export type OwnInspectionsQueryVariables = Exact<{
  centreId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OwnInspectionsQuery = { inspections: { nextCursor: string | null, items: Array<{ id: string, visitedOn: string, findingsOpen: boolean, followUpDue: string | null, overdue: boolean, findings: Array<{ severity: FindingSeverity, text: string }>, results: Array<{ item: ChecklistItem, passed: boolean, note: string | null }> }> } };

export type SubmitServiceRequestMutationVariables = Exact<{
  input: SubmitServiceRequestInput;
}>;


export type SubmitServiceRequestMutation = { submitServiceRequest:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'SubmittedRequest', pin: string | null, request: { id: string, trackingNumber: string, status: RequestStatus, payment: { receiptNumber: string, fee: string, serviceCharge: string, amount: string, method: PaymentMethod, terminalId: string | null, retrievalReference: string | null, collectedAt: string, collectedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } } | null, bill: { billNumber: string, amount: string, expiresAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } } | null } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreRequestsQueryVariables = Exact<{
  since: string;
  until: string;
  status?: RequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreRequestsQuery = { centreRequests: { nextCursor: string | null, items: Array<{ id: string, trackingNumber: string, status: RequestStatus, serviceCode: string, createdAt: string, updatedAt: string }> } };

export type CentreRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type CentreRequestQuery = { request:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, trackingNumber: string, status: RequestStatus, serviceCode: string, createdAt: string, completedAt: string | null, deliveredAt: string | null, filedBy: string, identityChecked: string, documents: Array<string>, serviceName: { ar: string, en: string } | null, answers: Array<{ key: string, value: string }>, attachedDocuments: Array<{ id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, status: DocumentStatus, attachedAt: string | null, filed: boolean | null, typeName: { ar: string, en: string } }>, payment: { receiptNumber: string, fee: string, serviceCharge: string, amount: string, method: PaymentMethod, terminalId: string | null, retrievalReference: string | null, billNumber: string | null, collectedAt: string, refundedAt: string | null } | null, bill: { billNumber: string, amount: string, status: SadadBillStatus, expiresAt: string, paidAt: string | null, expiresAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } } | null, whereNow: Array<{ agencyCode: string, status: HandoffStatus, dueAt: string, overdue: boolean, dueAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } }>, handoffs: Array<{ stage: number, agencyCode: string, status: HandoffStatus, round: number, decision: Decision | null, note: string | null, missingItems: Array<string>, forwardedAt: string, receivedAt: string | null, decidedAt: string | null }>, history: Array<{ at: string, event: string, agencyCode: string | null, actorRole: string, note: string | null, atMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string, day: number, year: number, monthName: { ar: string, en: string } } | null } } }>, citizen: { id: string, nameAr: string, mobile: string } | null, sms: Array<{ event: string, template: string, status: DeliveryStatus, statusReason: string | null, attempts: number, onCallList: boolean, statusAtMadinah: { at: string, time: string } | null }> }
   };

export type ResubmitRequestMutationVariables = Exact<{
  requestId: string | number;
  answers?: Array<FormAnswerInput> | FormAnswerInput | null | undefined;
  documents?: Array<string | number> | string | number | null | undefined;
}>;


export type ResubmitRequestMutation = { resubmitRequest:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus, whereNow: Array<{ agencyCode: string, status: HandoffStatus, dueAt: string }> }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CancelRequestMutationVariables = Exact<{
  requestId: string | number;
  reason?: string | null | undefined;
}>;


export type CancelRequestMutation = { cancelRequest:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus, payment: { amount: string, refundedAt: string | null } | null }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type ConfirmDeliveryMutationVariables = Exact<{
  requestId: string | number;
}>;


export type ConfirmDeliveryMutation = { confirmDelivery:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, status: RequestStatus, deliveredAt: string | null }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreSettlementDiscrepanciesQueryVariables = Exact<{
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentreSettlementDiscrepanciesQuery = { settlementDiscrepancies: { nextCursor: string | null, items: Array<{ id: string, kind: DiscrepancyKind, channel: PaymentChannel, day: string, terminalId: string | null, retrievalReference: string, ledgerAmount: string | null, settledAmount: string | null, requestId: string | null, foundAt: string, foundIn: string }> } };

export type ServiceCatalogueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServiceCatalogueQuery = { services: Array<{ code: string, fee: string, currency: string, name: { ar: string, en: string }, route: { multiAgency: boolean } }> };

export type ServiceToBringQueryVariables = Exact<{
  code: string;
}>;


export type ServiceToBringQuery = { service:
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Service', code: string, fee: string, currency: string, name: { ar: string, en: string }, description: { ar: string, en: string }, documents: Array<{ code: string, name: { ar: string, en: string } }>, route: { stages: Array<{ order: number, agencies: Array<{ code: string, receiptSlaHours: number, processingSlaHours: number, name: { ar: string, en: string } | null, task: { ar: string, en: string } }> }> } }
   };

export type MyDocumentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDocumentsQuery = { myDocuments: { nextCursor: string | null, items: Array<{ id: string, requestId: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, typeName: { ar: string, en: string }, attachedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null }> } };

export type MyDocumentDownloadQueryVariables = Exact<{
  documentId: string | number;
}>;


export type MyDocumentDownloadQuery = { documentDownload:
    | { __typename: 'Conflict', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'DocumentDownload', url: string, expiresAt: string, document: { id: string, documentType: string, contentType: string } }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type MyFeedbackQueryVariables = Exact<{
  requestId: string | number;
}>;


export type MyFeedbackQuery = { myFeedback:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'RequestFeedback', requestId: string, rating: { stars: number, comment: string | null, at: string } | null, complaints: Array<{ id: string, text: string, status: ComplaintStatus, resolutionNote: string | null, filedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } }, resolvedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null }> }
   };

export type RateCentreMutationVariables = Exact<{
  requestId: string | number;
  stars: number;
  comment?: string | null | undefined;
}>;


export type RateCentreMutation = { rateCentre:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Rating', requestId: string, centreId: string, stars: number, comment: string | null, at: string }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type FileComplaintMutationVariables = Exact<{
  requestId: string | number;
  text: string;
}>;


export type FileComplaintMutation = { fileComplaint:
    | { __typename: 'Complaint', id: string, trackingNumber: string, status: ComplaintStatus, filedAt: string }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type MyRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordQuery = { me:
    | { __typename: 'CitizenRecord', id: string, nationalId: string, nameAr: string, nameEn: string | null, mobile: string, language: Language, openedAtCentre: string, openedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } }, birthDateCalendars: { gregorian: string, weekday: Weekday, enteredIn: DateCalendar | null, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } | null, identityCheck: { documentType: IdentityDocumentType, expiresOnCalendars: { gregorian: string, weekday: Weekday, enteredIn: DateCalendar | null, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'StaffProfile' }
   };

export type MySmsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MySmsQuery = { myNotifications: { nextCursor: string | null, items: Array<{ event: string, text: string | null, status: DeliveryStatus, to: string | null, statusReason: string | null, onCallList: boolean, createdAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } }, sentAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null }> } };

export type ChangeMyLanguageMutationVariables = Exact<{
  language: Language;
}>;


export type ChangeMyLanguageMutation = { changeMyLanguage:
    | { __typename: 'CitizenRecord', id: string, language: Language }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type MyRequestUpdatesSubscriptionVariables = Exact<{
  requestId: string | number;
}>;


export type MyRequestUpdatesSubscription = { requestUpdates: { id: string, kind: string, at: string, trackingNumber: string, status: RequestStatus, agencyCode: string | null, handoffStatus: HandoffStatus | null, dueAt: string | null } };

export type MyRequestsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyRequestsQuery = { myRequests: { nextCursor: string | null, items: Array<{ id: string, trackingNumber: string, status: RequestStatus, serviceCode: string, createdAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } }> } };

export type MyRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type MyRequestQuery = { request:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, trackingNumber: string, status: RequestStatus, serviceCode: string, serviceName: { ar: string, en: string } | null, createdAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } }, completedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null, deliveredAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } | null, payment: { receiptNumber: string, fee: string, serviceCharge: string, amount: string, method: PaymentMethod, refundedAt: string | null, collectedAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } } | null, whereNow: Array<{ stage: number, agencyCode: string, status: HandoffStatus, dueAt: string, overdue: boolean, dueAtMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } }>, history: Array<{ event: string, agencyCode: string | null, note: string | null, atMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } }>, attachedDocuments: Array<{ id: string, documentType: string, fileName: string | null, contentType: string, sizeBytes: number, filed: boolean | null, typeName: { ar: string, en: string } }> }
   };

export type AgencyNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type AgencyNamesQuery = { agencies: Array<{ code: string, name: { ar: string, en: string } }> };

export type TrackRequestQueryVariables = Exact<{
  trackingNumber: string;
  pin: string;
}>;


export type TrackRequestQuery = { trackRequest:
    | { __typename: 'TrackedRequest', trackingNumber: string, status: RequestStatus, serviceCode: string, createdAt: string, history: Array<{ event: string, agencyCode: string | null, atMadinah: { at: string, time: string, day: { weekday: Weekday, gregorian: string, hijri: { day: number, year: number, iso: string, monthName: { ar: string, en: string } } | null } } }>, whereNow: Array<{ stage: number, agencyCode: string, status: HandoffStatus, forwardedAt: string, receivedAt: string | null, dueAt: string, overdue: boolean, dueAtMadinah: { time: string, day: { weekday: Weekday, gregorian: string, hijri: { iso: string } | null } } }> }
    | { __typename: 'TryLater', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type TrackedServiceRouteQueryVariables = Exact<{
  code: string;
}>;


export type TrackedServiceRouteQuery = { service:
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Service', code: string, fee: string, currency: string, name: { ar: string, en: string }, route: { stages: Array<{ order: number, agencies: Array<{ code: string, name: { ar: string, en: string } | null, task: { ar: string, en: string } }> }> } }
   };

export type MonitoringAlertsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MonitoringAlertsSubscription = { monitoringAlerts: { id: string, escalationId: string, kind: EscalationKind, centreId: string, openedAt: string, raisedAt: string, occurrences: number, requestId: string | null, trackingNumber: string | null, serviceCode: string | null, stage: number | null, agencyCode: string | null, phase: SlaPhase | null, inspectionId: string | null, followUpDue: string | null } };

export type EscalationsQueryVariables = Exact<{
  status?: EscalationStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EscalationsQuery = { escalations: { nextCursor: string | null, items: Array<{ id: string, kind: EscalationKind, status: EscalationStatus, centreId: string, openedAt: string, lastRaisedAt: string, occurrences: number, requestId: string | null, trackingNumber: string | null, serviceCode: string | null, stage: number | null, agencyCode: string | null, phase: SlaPhase | null, inspectionId: string | null, followUpDue: string | null, resolvedAt: string | null, resolutionNote: string | null }> } };

export type ResolveEscalationMutationVariables = Exact<{
  escalationId: string | number;
  note: string;
}>;


export type ResolveEscalationMutation = { resolveEscalation:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Escalation', id: string, status: EscalationStatus, resolvedAt: string | null, resolutionNote: string | null }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type ComplaintsQueryVariables = Exact<{
  status?: ComplaintStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ComplaintsQuery = { complaints: { nextCursor: string | null, items: Array<{ id: string, requestId: string, trackingNumber: string, centreId: string, serviceCode: string, text: string, filedAt: string, status: ComplaintStatus, resolvedAt: string | null, resolutionNote: string | null }> } };

export type ResolveComplaintMutationVariables = Exact<{
  complaintId: string | number;
  note: string;
}>;


export type ResolveComplaintMutation = { resolveComplaint:
    | { __typename: 'Complaint', id: string, status: ComplaintStatus, resolvedAt: string | null, resolutionNote: string | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RecordInspectionMutationVariables = Exact<{
  input: InspectionInput;
}>;


export type RecordInspectionMutation = { recordInspection:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Inspection', id: string, centreId: string, visitedOn: string, findingsOpen: boolean, followUpDue: string | null, photos: Array<string>, findings: Array<{ severity: FindingSeverity, text: string }> }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CloseFindingsMutationVariables = Exact<{
  inspectionId: string | number;
  note: string;
}>;


export type CloseFindingsMutation = { closeFindings:
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Inspection', id: string, findingsOpen: boolean, closedAt: string | null, closingNote: string | null }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type InspectionsOfCentreQueryVariables = Exact<{
  centreId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InspectionsOfCentreQuery = { inspections: { nextCursor: string | null, items: Array<{ id: string, visitedOn: string, inspectorId: string, recordedAt: string, photos: Array<string>, followUpDue: string | null, findingsOpen: boolean, overdue: boolean, closedAt: string | null, closingNote: string | null, results: Array<{ item: ChecklistItem, passed: boolean, note: string | null }>, findings: Array<{ severity: FindingSeverity, text: string }> }> } };

export type CentreFileFragment = { id: string, district: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, statusReason: string | null, serviceCharge: string, operatorCompany: string, licenceNumber: string, name: { ar: string, en: string }, smsName: { ar: string, en: string }, districtName: { ar: string, en: string }, location: { latitude: number, longitude: number } | null, workingHours: { days: Array<Weekday>, opens: string, closes: string } | null, checklist: { workstations: number, hasScanner: boolean, hasPrinter: boolean, lineMbps: number, hasBackupLine: boolean, trainedStaff: number, certifiedStaff: number, stepFreeAccess: boolean, accessibleCounter: boolean, unmet: Array<ChecklistItem> } | null };

export type RegisterCentreMutationVariables = Exact<{
  input: CentreRegistrationInput;
}>;


export type RegisterCentreMutation = { registerCentre:
    | { __typename: 'Centre', id: string, district: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, statusReason: string | null, serviceCharge: string, operatorCompany: string, licenceNumber: string, name: { ar: string, en: string }, smsName: { ar: string, en: string }, districtName: { ar: string, en: string }, location: { latitude: number, longitude: number } | null, workingHours: { days: Array<Weekday>, opens: string, closes: string } | null, checklist: { workstations: number, hasScanner: boolean, hasPrinter: boolean, lineMbps: number, hasBackupLine: boolean, trainedStaff: number, certifiedStaff: number, stepFreeAccess: boolean, accessibleCounter: boolean, unmet: Array<ChecklistItem> } | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type LicenseCentreMutationVariables = Exact<{
  centreId: string | number;
  expiresOn: string;
  checklist?: TechnicalChecklistInput | null | undefined;
}>;


export type LicenseCentreMutation = { licenseCentre:
    | { __typename: 'Centre', id: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, checklist: { unmet: Array<ChecklistItem> } | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type SuspendCentreMutationVariables = Exact<{
  centreId: string | number;
  reason: string;
}>;


export type SuspendCentreMutation = { suspendCentre:
    | { __typename: 'Centre', id: string, status: CentreStatus, serving: boolean, statusReason: string | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type ReinstateCentreMutationVariables = Exact<{
  centreId: string | number;
  note?: string | null | undefined;
}>;


export type ReinstateCentreMutation = { reinstateCentre:
    | { __typename: 'Centre', id: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RevokeCentreMutationVariables = Exact<{
  centreId: string | number;
  reason: string;
}>;


export type RevokeCentreMutation = { revokeCentre:
    | { __typename: 'Centre', id: string, status: CentreStatus, serving: boolean, statusReason: string | null }
    | { __typename: 'Conflict', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreForOversightQueryVariables = Exact<{
  id: string | number;
}>;


export type CentreForOversightQuery = { centre:
    | { __typename: 'Centre', id: string, district: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, statusReason: string | null, serviceCharge: string, operatorCompany: string, licenceNumber: string, name: { ar: string, en: string }, smsName: { ar: string, en: string }, districtName: { ar: string, en: string }, location: { latitude: number, longitude: number } | null, workingHours: { days: Array<Weekday>, opens: string, closes: string } | null, checklist: { workstations: number, hasScanner: boolean, hasPrinter: boolean, lineMbps: number, hasBackupLine: boolean, trainedStaff: number, certifiedStaff: number, stepFreeAccess: boolean, accessibleCounter: boolean, unmet: Array<ChecklistItem> } | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentresQueryVariables = Exact<{
  status?: CentreStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CentresQuery = { centres: { nextCursor: string | null, items: Array<{ id: string, district: string, status: CentreStatus, serving: boolean, licenceExpiresOn: string | null, name: { ar: string, en: string } }> } };

export type NoticesSentToCentreQueryVariables = Exact<{
  centreId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NoticesSentToCentreQuery = { centreNotices: { nextCursor: string | null, items: Array<{ id: string, kind: NoticeKind, at: string, text: { ar: string, en: string } }> } };

export type CentreMoneyQueryVariables = Exact<{
  centreId: string | number;
  from: string;
  to: string;
}>;


export type CentreMoneyQuery = { centreStatements:
    | { __typename: 'CentreStatements', centreId: string, csv: string, days: Array<{ day: string, filings: number, refunds: number, cashCollected: string, madaCollected: string, sadadCollected: string, feesCollected: string, chargesCollected: string, cashRefunded: string, madaRefunded: string, sadadRefunded: string, expectedRemittance: string, remitted: string, closedAt: string | null, madaSettled: string, sadadSettled: string, settledLines: number, settled: string, discrepancies: number }> }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
  , centreLedger:
    | { __typename: 'CentreLedger', cashInDrawer: string, accounts: Array<{ account: string, kind: LedgerAccountKind, agencyCode: string | null, balance: string }> }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CloseCentreDayMutationVariables = Exact<{
  centreId: string | number;
  day: string;
}>;


export type CloseCentreDayMutation = { closeBusinessDay:
    | { __typename: 'DayStatement', centreId: string, day: string, closedAt: string | null }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type SettlementDiscrepanciesQueryVariables = Exact<{
  centreId?: string | number | null | undefined;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SettlementDiscrepanciesQuery = { settlementDiscrepancies: { nextCursor: string | null, items: Array<{ id: string, kind: DiscrepancyKind, channel: PaymentChannel, centreId: string | null, day: string, terminalId: string | null, retrievalReference: string, ledgerAmount: string | null, settledAmount: string | null, requestId: string | null, foundAt: string, foundIn: string }> } };

export type AuditTrailQueryVariables = Exact<{
  target?: string | null | undefined;
  actor?: string | null | undefined;
  since: string;
  until: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { nextCursor: string | null, items: Array<{ id: string, at: string, actor: string, role: string, tenant: string | null, action: string, target: string, outcome: string, correlationId: string }> } };

export type CitizenForOversightQueryVariables = Exact<{
  id: string | number;
}>;


export type CitizenForOversightQuery = { citizen:
    | { __typename: 'CitizenRecord', id: string, visibility: Visibility, nationalId: string, nameAr: string, birthDate: string, mobile: string, openedAtCentre: string }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RequestForOversightQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestForOversightQuery = { request:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ServiceRequest', id: string, trackingNumber: string, status: RequestStatus, centreId: string, serviceCode: string, createdAt: string, payment: { fee: string, serviceCharge: string, amount: string } | null, handoffs: Array<{ stage: number, agencyCode: string, status: HandoffStatus, forwardedAt: string, receivedAt: string | null, decidedAt: string | null, dueAt: string, escalations: number }>, citizen: { nationalId: string, nameAr: string, visibility: Visibility } | null }
   };

export type PeriodFiguresFragment = { submitted: number, feesCollected: string, feesRefunded: string, feesOffRate: number, returned: number, returnsPer100: number | null, rejected: number, cancelled: number, expired: number, completed: number, delivered: number, deliveredLate: number, complaints: number, acknowledgement: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, deliveryAfterCompletion: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, slaBreaches: { receipt: number, processing: number, total: number }, ratings: { count: number, average: number | null } };

export type CentrePerformanceQueryVariables = Exact<{
  centreId: string | number;
  from: string;
  to: string;
}>;


export type CentrePerformanceQuery = { centrePerformance:
    | { __typename: 'CentrePerformance', from: string, to: string, openEscalations: number, openComplaints: number, awaitingDeliveryOver3Days: number, centre: { id: string, status: CentreStatus, serving: boolean, serviceCharge: string, name: { ar: string, en: string } }, figures: { submitted: number, feesCollected: string, feesRefunded: string, feesOffRate: number, returned: number, returnsPer100: number | null, rejected: number, cancelled: number, expired: number, completed: number, delivered: number, deliveredLate: number, complaints: number, acknowledgement: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, deliveryAfterCompletion: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, slaBreaches: { receipt: number, processing: number, total: number }, ratings: { count: number, average: number | null } }, days: Array<{ day: string, submitted: number, feesCollected: string, returned: number, delivered: number, slaBreaches: number }>, flags: Array<{ kind: FlagKind, count: number, day: string | null, norm: number | null, description: { ar: string, en: string } }> }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RegionOverviewQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type RegionOverviewQuery = { regionOverview:
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'RegionOverview', from: string, to: string, openEscalations: number, openComplaints: number, awaitingDeliveryOver3Days: number, figures: { submitted: number, feesCollected: string, feesRefunded: string, feesOffRate: number, returned: number, returnsPer100: number | null, rejected: number, cancelled: number, expired: number, completed: number, delivered: number, deliveredLate: number, complaints: number, acknowledgement: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, deliveryAfterCompletion: { count: number, medianMinutes: number | null, p90Minutes: number | null, meanMinutes: number | null }, slaBreaches: { receipt: number, processing: number, total: number }, ratings: { count: number, average: number | null } }, days: Array<{ day: string, submitted: number, feesCollected: string, returned: number, delivered: number, slaBreaches: number }>, byAgency: Array<{ agencyCode: string, forwarded: number, received: number, stepsCompleted: number, returned: number, rejected: number, slaBreaches: { receipt: number, processing: number, total: number } }>, byCentre: Array<{ centreId: string, figures: { submitted: number, feesCollected: string, returnsPer100: number | null, slaBreaches: { total: number }, ratings: { average: number | null } } }>, flaggedCentres: Array<{ centreId: string, flags: Array<{ kind: FlagKind, count: number, day: string | null, description: { ar: string, en: string } }> }> }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CentreRankingQueryVariables = Exact<{
  metric: RankingMetric;
  from: string;
  to: string;
}>;


export type CentreRankingQuery = { centreRanking: Array<{ rank: number, centreId: string, value: number | null }> };

export type SmsPeriodFiguresFragment = { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null };

export type CentreSmsFiguresQueryVariables = Exact<{
  centreId: string | number;
  from: string;
  to: string;
}>;


export type CentreSmsFiguresQuery = { centrePerformance:
    | { __typename: 'CentrePerformance', from: string, to: string, figures: { sms: { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null } } }
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type RegionSmsFiguresQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type RegionSmsFiguresQuery = { regionOverview:
    | { __typename: 'Forbidden', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'RegionOverview', from: string, to: string, figures: { sms: { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null } }, byCentre: Array<{ centreId: string, figures: { sms: { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null } } }>, byAgency: Array<{ agencyCode: string, sms: { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null } }>, byMessage: Array<{ template: string, sms: { sent: number, delivered: number, permanentlyFailed: number, expired: number, finalOutcomes: number, deliveryRate: number | null, permanentFailureRate: number | null, callList: number, deliveryMedianSeconds: number | null, deliveryP90Seconds: number | null } }> }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type SignInMutationVariables = Exact<{
  nationalId: string;
  password: string;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'NewPasswordRequired', session: string }
    | { __typename: 'SignedIn', accessToken: string, refreshToken: string | null, expiresIn: number }
    | { __typename: 'TryLater', retryAfter: string, field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type CompleteNewPasswordMutationVariables = Exact<{
  nationalId: string;
  session: string;
  newPassword: string;
}>;


export type CompleteNewPasswordMutation = { completeNewPassword:
    | { __typename: 'SignedIn', accessToken: string, refreshToken: string | null, expiresIn: number }
    | { __typename: 'ValidationFailed', field: string | null, errorCode: ErrorCode, message: { ar: string, en: string } }
   };

export type SessionProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionProfileQuery = { me:
    | { __typename: 'CitizenRecord', id: string, nameAr: string, nameEn: string | null }
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'NotFound', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'StaffProfile', id: string, role: Role, nameAr: string, nameEn: string | null, centreId: string | null, agencyCode: string | null }
   };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'SignedIn', accessToken: string, refreshToken: string | null, expiresIn: number }
   };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut:
    | { __typename: 'Forbidden', errorCode: ErrorCode, message: { ar: string, en: string } }
    | { __typename: 'SignedOut', signedOut: boolean }
   };

export const CentreFileFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CentreFile"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Centre"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ar"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smsName"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ar"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"districtName"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ar"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"serving"}},{"kind":"Field","name":{"kind":"Name","value":"licenceExpiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCharge"}},{"kind":"Field","name":{"kind":"Name","value":"operatorCompany"}},{"kind":"Field","name":{"kind":"Name","value":"licenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workstations"}},{"kind":"Field","name":{"kind":"Name","value":"hasScanner"}},{"kind":"Field","name":{"kind":"Name","value":"hasPrinter"}},{"kind":"Field","name":{"kind":"Name","value":"lineMbps"}},{"kind":"Field","name":{"kind":"Name","value":"hasBackupLine"}},{"kind":"Field","name":{"kind":"Name","value":"trainedStaff"}},{"kind":"Field","name":{"kind":"Name","value":"certifiedStaff"}},{"kind":"Field","name":{"kind":"Name","value":"stepFreeAccess"}},{"kind":"Field","name":{"kind":"Name","value":"accessibleCounter"}},{"kind":"Field","name":{"kind":"Name","value":"unmet"}}]}}]}}]} as unknown as DocumentNode<CentreFileFragment, unknown>;
export const PeriodFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PeriodFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Figures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"feesCollected"}},{"kind":"Field","name":{"kind":"Name","value":"feesRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"feesOffRate"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"returnsPer100"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredLate"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"medianMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"p90Minutes"}},{"kind":"Field","name":{"kind":"Name","value":"meanMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryAfterCompletion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"medianMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"p90Minutes"}},{"kind":"Field","name":{"kind":"Name","value":"meanMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slaBreaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receipt"}},{"kind":"Field","name":{"kind":"Name","value":"processing"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}}]}}]} as unknown as DocumentNode<PeriodFiguresFragment, unknown>;
export const SmsPeriodFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SmsPeriodFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SmsFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"permanentlyFailed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"finalOutcomes"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"permanentFailureRate"}},{"kind":"Field","name":{"kind":"Name","value":"callList"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryMedianSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryP90Seconds"}}]}}]} as unknown as DocumentNode<SmsPeriodFiguresFragment, unknown>;
export const DefineAgencyDocument = {"__meta__":{"documentId":"sha256:69c11ae3984de33da141fc9b78d28d4f658fbe91ecabb3f561bcd512f8f8b9a1"}} as unknown as DocumentNode<DefineAgencyMutation, DefineAgencyMutationVariables>;
export const DefineServiceDocument = {"__meta__":{"documentId":"sha256:96ed93b89f1a778085ee51e4c322ad1fff324a572e995ac24880618caac910d1"}} as unknown as DocumentNode<DefineServiceMutation, DefineServiceMutationVariables>;
export const CreateStaffAccountDocument = {"__meta__":{"documentId":"sha256:d733e0856efc01bd463f3925db55b5b335b5ea8f11762a3a5f08b3b53e65e498"}} as unknown as DocumentNode<CreateStaffAccountMutation, CreateStaffAccountMutationVariables>;
export const DisableStaffAccountDocument = {"__meta__":{"documentId":"sha256:23640ca8eb7bb7f0f9db09054d58560271c37dbdcae07927bd3df46a8a34c711"}} as unknown as DocumentNode<DisableStaffAccountMutation, DisableStaffAccountMutationVariables>;
export const BusinessCalendarDocument = {"__meta__":{"documentId":"sha256:2aba4abe824dd5cdb1fd92dcef16d6476ae35ca4db1789b04efb1c0b85e19cc1"}} as unknown as DocumentNode<BusinessCalendarQuery, BusinessCalendarQueryVariables>;
export const DefineBusinessCalendarDocument = {"__meta__":{"documentId":"sha256:9ea277de24d77df80a5516c8b5294536fd1efc0a0ce53e84d48f804ab05c7937"}} as unknown as DocumentNode<DefineBusinessCalendarMutation, DefineBusinessCalendarMutationVariables>;
export const WindowDocumentDownloadDocument = {"__meta__":{"documentId":"sha256:2a2f1e51f3ee8629e0c062351a7358f9c24c562513ca3abfc10b466d99b176fc"}} as unknown as DocumentNode<WindowDocumentDownloadQuery, WindowDocumentDownloadQueryVariables>;
export const HandoffEventsDocument = {"__meta__":{"documentId":"sha256:43656c173e8dcad0612743b8dad0b77863c3e4f1513e1a1c06b1895f342310a8"}} as unknown as DocumentNode<HandoffEventsSubscription, HandoffEventsSubscriptionVariables>;
export const AgencyWindowDocument = {"__meta__":{"documentId":"sha256:4e39369e589670308db4e1a2d26ba108fa38d24c69e0c31fae2d1bde73a1d04b"}} as unknown as DocumentNode<AgencyWindowQuery, AgencyWindowQueryVariables>;
export const WindowRequestDocument = {"__meta__":{"documentId":"sha256:346146ba222ea5e10524cce5b4f46d8b31a3212a27262ffcf427422e68cdefa8"}} as unknown as DocumentNode<WindowRequestQuery, WindowRequestQueryVariables>;
export const AcknowledgeReceiptDocument = {"__meta__":{"documentId":"sha256:8e985e26c9a0efb66e676dd9010069d79293d844896c3f0b79099636cce6378e"}} as unknown as DocumentNode<AcknowledgeReceiptMutation, AcknowledgeReceiptMutationVariables>;
export const CompleteStepDocument = {"__meta__":{"documentId":"sha256:fc3141b5c2ad4880d1dc95434788c3c7cc28b68f4b596a028e5fc0268c5d4e92"}} as unknown as DocumentNode<CompleteStepMutation, CompleteStepMutationVariables>;
export const RejectRequestDocument = {"__meta__":{"documentId":"sha256:23d01250dab66c378251aee17c48fc383efa25551521375c6f90f8bd720b5ca2"}} as unknown as DocumentNode<RejectRequestMutation, RejectRequestMutationVariables>;
export const ReturnToCentreDocument = {"__meta__":{"documentId":"sha256:659209a3fdbff3294d211e45c23e7749013d14219f779a58dbfc98bef5c8d3c0"}} as unknown as DocumentNode<ReturnToCentreMutation, ReturnToCentreMutationVariables>;
export const AgencyOpeningHoursDocument = {"__meta__":{"documentId":"sha256:c5b25a5fb18961c2578411bb5e81e9ddd6fffb7a848cfecca9d25876c4faea75"}} as unknown as DocumentNode<AgencyOpeningHoursQuery, AgencyOpeningHoursQueryVariables>;
export const CallListDocument = {"__meta__":{"documentId":"sha256:5faec22ba2313126c5cff62a551e41cd2fb8f56f0455c45ef47e96320f6427bd"}} as unknown as DocumentNode<CallListQuery, CallListQueryVariables>;
export const MarkCallDoneDocument = {"__meta__":{"documentId":"sha256:ce691103b1e191c7e002862015a21a7594e774d22509ec2da13b86135b5d0b91"}} as unknown as DocumentNode<MarkCallDoneMutation, MarkCallDoneMutationVariables>;
export const CallNumberDocument = {"__meta__":{"documentId":"sha256:879f76459f70c4446e4553c3db6971f07773cd6199c985a7a30c9a492fd03127"}} as unknown as DocumentNode<CallNumberQuery, CallNumberQueryVariables>;
export const AgenciesDocument = {"__meta__":{"documentId":"sha256:c001aa58ab1a33bd275a9dad654920de199e1188891d422baccbaf2943ff913a"}} as unknown as DocumentNode<AgenciesQuery, AgenciesQueryVariables>;
export const AgencyServicesDocument = {"__meta__":{"documentId":"sha256:cca2488485e081d1b54078ab363e83c6516ed3bf3708a4d3bf749112eec5f765"}} as unknown as DocumentNode<AgencyServicesQuery, AgencyServicesQueryVariables>;
export const ServiceFormDocument = {"__meta__":{"documentId":"sha256:9727d0f68ee1d5ed0c594d22603ecdf97ae7d80e778f2e7e0af7babd8f77f033"}} as unknown as DocumentNode<ServiceFormQuery, ServiceFormQueryVariables>;
export const RegionOpeningHoursDocument = {"__meta__":{"documentId":"sha256:2a0d4487b869e4d568ff8e9e31754c275fb1867c2dfa39c80a423da6c7f71d99"}} as unknown as DocumentNode<RegionOpeningHoursQuery, RegionOpeningHoursQueryVariables>;
export const CentreServiceCatalogueDocument = {"__meta__":{"documentId":"sha256:2f825f0188a8f2cf7796c6aae3df21ae49dc58d010ce41224055688323f54b9b"}} as unknown as DocumentNode<CentreServiceCatalogueQuery, CentreServiceCatalogueQueryVariables>;
export const RequestDocumentUploadDocument = {"__meta__":{"documentId":"sha256:9367e292a84b81302bda14f9fe119db5e8f501321d62ae0f80f67d304c1c12af"}} as unknown as DocumentNode<RequestDocumentUploadMutation, RequestDocumentUploadMutationVariables>;
export const AttachDocumentDocument = {"__meta__":{"documentId":"sha256:ab2fee83f22680222899428150419820cf1248f10d1fa61d920e07ff6b142a3b"}} as unknown as DocumentNode<AttachDocumentMutation, AttachDocumentMutationVariables>;
export const DraftDocumentsDocument = {"__meta__":{"documentId":"sha256:1da86b11fbc60020ab184ea52d15538712dc7c94530987743ae5a0f035c12ef3"}} as unknown as DocumentNode<DraftDocumentsQuery, DraftDocumentsQueryVariables>;
export const CentreDocumentDownloadDocument = {"__meta__":{"documentId":"sha256:98535641a3a49be9407058c2fc24ff218b81fe704bd4d2f623b2c8b3a963c335"}} as unknown as DocumentNode<CentreDocumentDownloadQuery, CentreDocumentDownloadQueryVariables>;
export const OpenCitizenRecordDocument = {"__meta__":{"documentId":"sha256:b2ce8b0102fbb67565ac9a5c41efceed44fbfea2ae869561733bd1673bf873c9"}} as unknown as DocumentNode<OpenCitizenRecordMutation, OpenCitizenRecordMutationVariables>;
export const LookupCitizenDocument = {"__meta__":{"documentId":"sha256:80f5e964929f31244eae318f527cbd255ad9dddfea16875ce224d24add180f49"}} as unknown as DocumentNode<LookupCitizenQuery, LookupCitizenQueryVariables>;
export const ReissueTemporaryPasswordDocument = {"__meta__":{"documentId":"sha256:c897855853b777e8d790250a0b39b7f6702ba40ae0ae3b782c911b6e04f4225b"}} as unknown as DocumentNode<ReissueTemporaryPasswordMutation, ReissueTemporaryPasswordMutationVariables>;
export const OperatorSignInDocument = {"__meta__":{"documentId":"sha256:1141cbe6b15f1135ee216119a078c629382eb52921c8ee3ee915a00e9d92d4ff"}} as unknown as DocumentNode<OperatorSignInMutation, OperatorSignInMutationVariables>;
export const CentreRequestUpdatesDocument = {"__meta__":{"documentId":"sha256:e868c29d7fd51810e3535819ca4d5acb67a18575a6763203b3c936cd1563acaf"}} as unknown as DocumentNode<CentreRequestUpdatesSubscription, CentreRequestUpdatesSubscriptionVariables>;
export const CentreStatementsDocument = {"__meta__":{"documentId":"sha256:090b650ed9b95c41bf3fa8141e0d892d3ef7935d1861a53e54278b4244e45e0f"}} as unknown as DocumentNode<CentreStatementsQuery, CentreStatementsQueryVariables>;
export const CentreLedgerDocument = {"__meta__":{"documentId":"sha256:f3ab90090f5e24d909e5902d9fb9f985b83490539a542103b1a4f7816e4b0c87"}} as unknown as DocumentNode<CentreLedgerQuery, CentreLedgerQueryVariables>;
export const CentreMoneyAgenciesDocument = {"__meta__":{"documentId":"sha256:33f85774f8f85d920557531115c00b08195d60e8046ed637f490ebcfb2d4bf34"}} as unknown as DocumentNode<CentreMoneyAgenciesQuery, CentreMoneyAgenciesQueryVariables>;
export const CentreJournalDocument = {"__meta__":{"documentId":"sha256:85ea6b65dbfa3d1c175b7d30321260215792b3037c2bfc8ad29a231b82b23093"}} as unknown as DocumentNode<CentreJournalQuery, CentreJournalQueryVariables>;
export const RecordRemittanceDocument = {"__meta__":{"documentId":"sha256:77c7fa86e34c6f04e3e63ecb124e42424a4ba0a7d9158f8773d2c6838cec6fdc"}} as unknown as DocumentNode<RecordRemittanceMutation, RecordRemittanceMutationVariables>;
export const CloseBusinessDayDocument = {"__meta__":{"documentId":"sha256:63a9503393dd2cb7205279b18f8834e8dd41cf67d15f6e45dd12e025ccb7fc65"}} as unknown as DocumentNode<CloseBusinessDayMutation, CloseBusinessDayMutationVariables>;
export const OwnCentreDocument = {"__meta__":{"documentId":"sha256:eeee3ad3a95b350e59d6ded6072a6615b18bfa38a808004d020986a6d94d4f58"}} as unknown as DocumentNode<OwnCentreQuery, OwnCentreQueryVariables>;
export const CentreNoticesDocument = {"__meta__":{"documentId":"sha256:89d0a8028e132b6568b64c5ba96691ea2619342a03e4c3a1d0985c7325d95740"}} as unknown as DocumentNode<CentreNoticesQuery, CentreNoticesQueryVariables>;
export const OwnInspectionsDocument = {"__meta__":{"documentId":"sha256:e53de7f8389e6bbfad5d3fee520205c20876c60a97e4c96e04a0243ffdbb3939"}} as unknown as DocumentNode<OwnInspectionsQuery, OwnInspectionsQueryVariables>;
export const SubmitServiceRequestDocument = {"__meta__":{"documentId":"sha256:6f04a761bcd2932c7244a228f20422b5a688bca0a290155fca07909cac95e02f"}} as unknown as DocumentNode<SubmitServiceRequestMutation, SubmitServiceRequestMutationVariables>;
export const CentreRequestsDocument = {"__meta__":{"documentId":"sha256:0972f2644dca73c88899d1b93a5dff2717cb651d36ff0e845f9021841fd5634b"}} as unknown as DocumentNode<CentreRequestsQuery, CentreRequestsQueryVariables>;
export const CentreRequestDocument = {"__meta__":{"documentId":"sha256:cf14fadfe40d03c865a7160a69f2f8e80877b38c438ed8501914c09da7ba92dc"}} as unknown as DocumentNode<CentreRequestQuery, CentreRequestQueryVariables>;
export const ResubmitRequestDocument = {"__meta__":{"documentId":"sha256:312f9aaaded65d9889258b02f167353451e1a07c0f6408653cf67e4ee31520a5"}} as unknown as DocumentNode<ResubmitRequestMutation, ResubmitRequestMutationVariables>;
export const CancelRequestDocument = {"__meta__":{"documentId":"sha256:bf946727f462b663121e428c2aaf4222c4259e3ac091124f68773fd39d6024e2"}} as unknown as DocumentNode<CancelRequestMutation, CancelRequestMutationVariables>;
export const ConfirmDeliveryDocument = {"__meta__":{"documentId":"sha256:8eed6bc766e0eb1ecfc222655db82db93182a316c1f588e22dcfd992d5c9a55f"}} as unknown as DocumentNode<ConfirmDeliveryMutation, ConfirmDeliveryMutationVariables>;
export const CentreSettlementDiscrepanciesDocument = {"__meta__":{"documentId":"sha256:90c04aadb593d6a665bf46ad914667a76fba4960c9c0fcd63cb61be6ce0c7715"}} as unknown as DocumentNode<CentreSettlementDiscrepanciesQuery, CentreSettlementDiscrepanciesQueryVariables>;
export const ServiceCatalogueDocument = {"__meta__":{"documentId":"sha256:4d7f1ce11c807b46372cc2958d5e161a7ce109dcfe31d772a7681f550139367b"}} as unknown as DocumentNode<ServiceCatalogueQuery, ServiceCatalogueQueryVariables>;
export const ServiceToBringDocument = {"__meta__":{"documentId":"sha256:6afae54a2c9282080691cf1f33bea22110b1a66f3b6a69b7ea5242d92fb59376"}} as unknown as DocumentNode<ServiceToBringQuery, ServiceToBringQueryVariables>;
export const MyDocumentsDocument = {"__meta__":{"documentId":"sha256:e6c276e10ddf8e139e14bb629c3503caf13c89d078335f1f568b23d5b5361983"}} as unknown as DocumentNode<MyDocumentsQuery, MyDocumentsQueryVariables>;
export const MyDocumentDownloadDocument = {"__meta__":{"documentId":"sha256:229f533fa919c63f6aa2f6c01ae77c378d74b73416d834297c35466f918b28f7"}} as unknown as DocumentNode<MyDocumentDownloadQuery, MyDocumentDownloadQueryVariables>;
export const MyFeedbackDocument = {"__meta__":{"documentId":"sha256:758b2fbe5553c558fee14720e59c961c9e39c6d21deb5ccfd29962d7d10470ab"}} as unknown as DocumentNode<MyFeedbackQuery, MyFeedbackQueryVariables>;
export const RateCentreDocument = {"__meta__":{"documentId":"sha256:6c805eeb78847b2cce820a9c9a280d026531472f4094bcd307882e3c55729d5e"}} as unknown as DocumentNode<RateCentreMutation, RateCentreMutationVariables>;
export const FileComplaintDocument = {"__meta__":{"documentId":"sha256:d89969edf63985816b5727829dd49fe751c427b52c028bb978477d251233c050"}} as unknown as DocumentNode<FileComplaintMutation, FileComplaintMutationVariables>;
export const MyRecordDocument = {"__meta__":{"documentId":"sha256:c6a52ad639381e78bf74d8cd8af8d6a9671426ac36ccfa4a10a6e3a3f9ae549e"}} as unknown as DocumentNode<MyRecordQuery, MyRecordQueryVariables>;
export const MySmsDocument = {"__meta__":{"documentId":"sha256:729ac67adf16aa18e1d6c1868baea9cbb3b7e013d4ac6430778d14120735d7ab"}} as unknown as DocumentNode<MySmsQuery, MySmsQueryVariables>;
export const ChangeMyLanguageDocument = {"__meta__":{"documentId":"sha256:92d330653d6cc68b11f11ebd218430dc908b418f1d84520470b622c7a3143c7d"}} as unknown as DocumentNode<ChangeMyLanguageMutation, ChangeMyLanguageMutationVariables>;
export const MyRequestUpdatesDocument = {"__meta__":{"documentId":"sha256:2b36b35ac8e68c1efdc3d2f51dac7c8502f7c04f223da3d6c4a61fc30a2ae62e"}} as unknown as DocumentNode<MyRequestUpdatesSubscription, MyRequestUpdatesSubscriptionVariables>;
export const MyRequestsDocument = {"__meta__":{"documentId":"sha256:b2f755d63a84b794a2dcaa1254860c6ef358eba538504c07fcfa9b8a70edc795"}} as unknown as DocumentNode<MyRequestsQuery, MyRequestsQueryVariables>;
export const MyRequestDocument = {"__meta__":{"documentId":"sha256:582ae9f13cd31fde3a4530031b171db4d98efec2553201abb21ec90324f3a9b2"}} as unknown as DocumentNode<MyRequestQuery, MyRequestQueryVariables>;
export const AgencyNamesDocument = {"__meta__":{"documentId":"sha256:1cb8d8d11431d5d30ca943b31bc6df5857e84c3af32c12c56be7872f39b8ef94"}} as unknown as DocumentNode<AgencyNamesQuery, AgencyNamesQueryVariables>;
export const TrackRequestDocument = {"__meta__":{"documentId":"sha256:005e0b2953f68e69a95cb31e8961fd2a2930c7fdf39d091d768e9e6b00981df7"}} as unknown as DocumentNode<TrackRequestQuery, TrackRequestQueryVariables>;
export const TrackedServiceRouteDocument = {"__meta__":{"documentId":"sha256:41f7d564669a64104aa30c85a5ecf29080725fa856ee19c3a3e9230e9e7176ca"}} as unknown as DocumentNode<TrackedServiceRouteQuery, TrackedServiceRouteQueryVariables>;
export const MonitoringAlertsDocument = {"__meta__":{"documentId":"sha256:f8d6c5dfcf57bebe30cc42a31fd13ef13343d29780bd7aeb8aa2274c3dd149a0"}} as unknown as DocumentNode<MonitoringAlertsSubscription, MonitoringAlertsSubscriptionVariables>;
export const EscalationsDocument = {"__meta__":{"documentId":"sha256:0785f367c6f863b8591fd7d28a1fcbc8eed862100543bed2c41b3011a2944c0f"}} as unknown as DocumentNode<EscalationsQuery, EscalationsQueryVariables>;
export const ResolveEscalationDocument = {"__meta__":{"documentId":"sha256:bcbd820ad54b6794d87bb2a0764e794f9f3090d0bbc05fc424e26de7e906dec9"}} as unknown as DocumentNode<ResolveEscalationMutation, ResolveEscalationMutationVariables>;
export const ComplaintsDocument = {"__meta__":{"documentId":"sha256:8442d5c4e66c3f1763bda6cba7a1bf05144b2c2f4a1b0927c8c910f8eaafc3a3"}} as unknown as DocumentNode<ComplaintsQuery, ComplaintsQueryVariables>;
export const ResolveComplaintDocument = {"__meta__":{"documentId":"sha256:d73969cd689719d546bd106da0fa3d5854a8eb12a7f57c560e9c282aea20f489"}} as unknown as DocumentNode<ResolveComplaintMutation, ResolveComplaintMutationVariables>;
export const RecordInspectionDocument = {"__meta__":{"documentId":"sha256:1a75eb94f2a170967dfdbf7abf931a31cc4a4cc8282793027d3958ebbea0436b"}} as unknown as DocumentNode<RecordInspectionMutation, RecordInspectionMutationVariables>;
export const CloseFindingsDocument = {"__meta__":{"documentId":"sha256:152b1f4627385426fb564c498f744f58b9e9b963774db1d09d324ea304b8c10a"}} as unknown as DocumentNode<CloseFindingsMutation, CloseFindingsMutationVariables>;
export const InspectionsOfCentreDocument = {"__meta__":{"documentId":"sha256:194d894296c2f39a32a28d30f57ba81c4865d5e6d6b4233ec706b0a6af11dadd"}} as unknown as DocumentNode<InspectionsOfCentreQuery, InspectionsOfCentreQueryVariables>;
export const RegisterCentreDocument = {"__meta__":{"documentId":"sha256:d7c77ff567b7741df8847e865d74417e7859d164a0c114652e8795b3961034ef"}} as unknown as DocumentNode<RegisterCentreMutation, RegisterCentreMutationVariables>;
export const LicenseCentreDocument = {"__meta__":{"documentId":"sha256:1d82d37ea090bf1f6248a5c7b43567aa11766849f25da772676a9311ef0c5d38"}} as unknown as DocumentNode<LicenseCentreMutation, LicenseCentreMutationVariables>;
export const SuspendCentreDocument = {"__meta__":{"documentId":"sha256:725d365e808121dfab30759ad48286dc8aa5db0c57449764bf864ca12be0a0ae"}} as unknown as DocumentNode<SuspendCentreMutation, SuspendCentreMutationVariables>;
export const ReinstateCentreDocument = {"__meta__":{"documentId":"sha256:68230166c17ab86321e4f982f726adf9725d20f597bc633d289f4002cf59f464"}} as unknown as DocumentNode<ReinstateCentreMutation, ReinstateCentreMutationVariables>;
export const RevokeCentreDocument = {"__meta__":{"documentId":"sha256:83f74ee1335a352ed7da98cf88c19b1ff3a9e0a6d4d1fcfc466fb4dd7e0eb5b8"}} as unknown as DocumentNode<RevokeCentreMutation, RevokeCentreMutationVariables>;
export const CentreForOversightDocument = {"__meta__":{"documentId":"sha256:263f4d2ffc22943ef5d26eb3e2213399063d29614724ccd070df4c63a6e103d8"}} as unknown as DocumentNode<CentreForOversightQuery, CentreForOversightQueryVariables>;
export const CentresDocument = {"__meta__":{"documentId":"sha256:882128fa83ad5dd1a4b156c202627ed96a9a98ebf3f0e7816c9e56a753a2b9e3"}} as unknown as DocumentNode<CentresQuery, CentresQueryVariables>;
export const NoticesSentToCentreDocument = {"__meta__":{"documentId":"sha256:2f36e0335ee0c5c67fda04ef3d9a837f43087c45180d7bd5d46ef9e2ff7dba06"}} as unknown as DocumentNode<NoticesSentToCentreQuery, NoticesSentToCentreQueryVariables>;
export const CentreMoneyDocument = {"__meta__":{"documentId":"sha256:b2608a442378d8208e65ea4b6a712053e436f43f3e1228358f42aefc75392376"}} as unknown as DocumentNode<CentreMoneyQuery, CentreMoneyQueryVariables>;
export const CloseCentreDayDocument = {"__meta__":{"documentId":"sha256:e28af79dddcfc6eac50731a89f026c82524ea16dd0ad8c7d79b2521fb64f13e6"}} as unknown as DocumentNode<CloseCentreDayMutation, CloseCentreDayMutationVariables>;
export const SettlementDiscrepanciesDocument = {"__meta__":{"documentId":"sha256:755b5461156b713fbc946e304a0fc6e7e7c6ac45b43dd8b3673ca0fe5ce1e23d"}} as unknown as DocumentNode<SettlementDiscrepanciesQuery, SettlementDiscrepanciesQueryVariables>;
export const AuditTrailDocument = {"__meta__":{"documentId":"sha256:d73f505bd2a5df2107ea79ddc6061554cc7cf38d7f788c89c8cc7faa4ba31a82"}} as unknown as DocumentNode<AuditTrailQuery, AuditTrailQueryVariables>;
export const CitizenForOversightDocument = {"__meta__":{"documentId":"sha256:0a89b04a7c62c3804bd976475786d0c7fbb2e35668e3a225c0ba8826a2a21b67"}} as unknown as DocumentNode<CitizenForOversightQuery, CitizenForOversightQueryVariables>;
export const RequestForOversightDocument = {"__meta__":{"documentId":"sha256:52485b201905933753d78403935b364edc92019c753115c86b27916289d2c05b"}} as unknown as DocumentNode<RequestForOversightQuery, RequestForOversightQueryVariables>;
export const CentrePerformanceDocument = {"__meta__":{"documentId":"sha256:e34e9b6a028f37080af9a0e203611bcb058a379d00479a90ec4ad467b76aa4e6"}} as unknown as DocumentNode<CentrePerformanceQuery, CentrePerformanceQueryVariables>;
export const RegionOverviewDocument = {"__meta__":{"documentId":"sha256:9fabe3e35eeb956e14c6556d82a46744464278e8cb63fdcab2010d08985e205e"}} as unknown as DocumentNode<RegionOverviewQuery, RegionOverviewQueryVariables>;
export const CentreRankingDocument = {"__meta__":{"documentId":"sha256:0f21f3779e40311496f1223da02c9ec321d5aab15c70145cd869017ba5d4702d"}} as unknown as DocumentNode<CentreRankingQuery, CentreRankingQueryVariables>;
export const CentreSmsFiguresDocument = {"__meta__":{"documentId":"sha256:0442b0192810985935613f8a2a39ff3a152a4816fefa5f364317b1e24cec531d"}} as unknown as DocumentNode<CentreSmsFiguresQuery, CentreSmsFiguresQueryVariables>;
export const RegionSmsFiguresDocument = {"__meta__":{"documentId":"sha256:71d3d588156e27d9547b711520bfe44b49e1d3bf847b4ef3e847cce65b61d143"}} as unknown as DocumentNode<RegionSmsFiguresQuery, RegionSmsFiguresQueryVariables>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:112557e50908544ff3b5f9ce927c1d2911cb82ef3fbf75392beabe6f53364440"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const CompleteNewPasswordDocument = {"__meta__":{"documentId":"sha256:4afd9b1f702655ceee5085f6cf8aa8ed2e4cce1fd9180ee13d46c16f610b2e41"}} as unknown as DocumentNode<CompleteNewPasswordMutation, CompleteNewPasswordMutationVariables>;
export const SessionProfileDocument = {"__meta__":{"documentId":"sha256:965b85ebd30be3d30bda67f1fc56874a781866f35e590d56df32fc9b35ecafb2"}} as unknown as DocumentNode<SessionProfileQuery, SessionProfileQueryVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:9c495f971d7e25ab2fa9bcfb072c9dbdcbfa162be033fd8099282248b7d35a19"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:7487d0abd9880bc3900d9dae1074da71aac2b8c42178ece25149b769e13f7bf5"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;