/**
 * A date as an identity document prints it: GOV.UK's date input (day, month, year) and the calendar it is
 * printed in, chosen by the operator (Hijri on national ID cards; iqamas and passports may print either).
 * The calendar is never guessed from the year: the API refuses a mismatch (DATE_CALENDAR_MISMATCH).
 */
import { useConsoleMessages } from "../../shared/i18n/centre";
import { westernDigits } from "../../shared/format/digits";
import "../../shared/styles/choices.css";

export interface PrintedDate {
  day: string;
  month: string;
  year: string;
  calendar: "" | "HIJRI" | "GREGORIAN";
}

export const NO_DATE: PrintedDate = { day: "", month: "", year: "", calendar: "" };

export type PrintedDateError = "missing" | "malformed" | "calendarMissing";

export function printedDateError(value: PrintedDate): PrintedDateError | undefined {
  const parts = [value.day, value.month, value.year].map((part) => westernDigits(part).trim());
  if (parts.some((part) => !part)) return "missing";
  if (!parts.every((part) => /^\d+$/.test(part)) || parts[2]!.length !== 4) return "malformed";
  if (!value.calendar) return "calendarMissing";
  return undefined;
}

/** The API's CalendarDateInput: {date: "1412-05-17", calendar: HIJRI}. */
export function calendarDateInput(value: PrintedDate): { date: string; calendar: "HIJRI" | "GREGORIAN" } {
  const [day, month, year] = [value.day, value.month, value.year].map((part) => westernDigits(part).trim());
  return {
    date: `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`,
    calendar: value.calendar === "GREGORIAN" ? "GREGORIAN" : "HIJRI",
  };
}

interface CalendarDateFieldProps {
  id: string;
  legend: string;
  hint: string;
  error?: string | undefined;
  value: PrintedDate;
  onValue: (value: PrintedDate) => void;
}

export function CalendarDateField({ id, legend, hint, error, value, onValue }: CalendarDateFieldProps) {
  const { common, centre } = useConsoleMessages();
  const text = centre.date;
  const part = (name: "day" | "month" | "year", label: string, width: string) => (
    <div class="date-input__item">
      <label class="label label--s" for={name === "day" ? id : `${id}-${name}`}>
        {label}
      </label>
      <input
        class={`input ${width}`}
        id={name === "day" ? id : `${id}-${name}`}
        name={`${id}-${name}`}
        type="text"
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        value={value[name]}
        aria-invalid={error ? true : undefined}
        onInput={(event) => onValue({ ...value, [name]: event.currentTarget.value })}
      />
    </div>
  );
  return (
    <div class={error ? "form-group form-group--error" : "form-group"}>
      <fieldset class="fieldset" role="group" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}>
        <legend class="fieldset__legend">{legend}</legend>
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{common.errorPrefix} </span>
            {error}
          </p>
        )}
        <div class="date-input">
          {part("day", text.day, "input--width-2")}
          {part("month", text.month, "input--width-2")}
          {part("year", text.year, "input--width-4")}
        </div>
        <fieldset class="fieldset fieldset--nested">
          <legend class="label label--s">{text.calendarLegend}</legend>
          <div class="radios radios--inline">
            {(["HIJRI", "GREGORIAN"] as const).map((calendar) => (
              <div class="radios__item" key={calendar}>
                <input
                  class="radios__input"
                  type="radio"
                  id={`${id}-calendar-${calendar.toLowerCase()}`}
                  name={`${id}-calendar`}
                  value={calendar}
                  checked={value.calendar === calendar}
                  onChange={() => onValue({ ...value, calendar })}
                />
                <label class="radios__label" for={`${id}-calendar-${calendar.toLowerCase()}`}>
                  {calendar === "HIJRI" ? text.hijri : text.gregorian}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </fieldset>
    </div>
  );
}
