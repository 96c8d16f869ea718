/** What the tracker's form accepts: a tracking number as printed (MED-2611-000123) and a six-digit
 * PIN, in Western or Arabic-Indic digits, spaces and case forgiven. */
import { westernDigits } from "../../shared/format/digits";

export interface TrackingInput {
  trackingNumber: string;
  pin: string;
}

export type TrackingInputError = "numberMissing" | "numberMalformed" | "pinMissing" | "pinMalformed";

const TRACKING_NUMBER = /^[A-Z]{3}-\d{4}-\d{6}$/;
const PIN = /^\d{6}$/;

export function normalised(raw: TrackingInput): TrackingInput {
  return {
    trackingNumber: westernDigits(raw.trackingNumber).replace(/\s+/g, "").toUpperCase(),
    pin: westernDigits(raw.pin).replace(/\s+/g, ""),
  };
}

export function inputErrors(input: TrackingInput): Partial<Record<keyof TrackingInput, TrackingInputError>> {
  const errors: Partial<Record<keyof TrackingInput, TrackingInputError>> = {};
  if (!input.trackingNumber) errors.trackingNumber = "numberMissing";
  else if (!TRACKING_NUMBER.test(input.trackingNumber)) errors.trackingNumber = "numberMalformed";
  if (!input.pin) errors.pin = "pinMissing";
  else if (!PIN.test(input.pin)) errors.pin = "pinMalformed";
  return errors;
}
