/** GOV.UK's radios: a fieldset whose legend asks the question, a hint, an error, one radio per option;
 * nothing chosen until the person chooses. The first radio carries the group's id, so an error summary's
 * link lands on it. */
import "../styles/choices.css";
import { useMessages } from "../i18n/language";

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

interface RadiosProps {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: RadioOption[];
  value: string;
  onValue: (value: string) => void;
  /** Short options side by side (a calendar, a payment method), not one under another. */
  inline?: boolean;
}

export function Radios({ name, legend, hint, error, options, value, onValue, inline }: RadiosProps) {
  const { common } = useMessages();
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  const idOf = (index: number, option: RadioOption) => (index === 0 ? name : `${name}-${option.value}`);
  return (
    <div class={error ? "form-group form-group--error" : "form-group"}>
      <fieldset class="fieldset" aria-describedby={described || undefined}>
        <legend class="fieldset__legend">{legend}</legend>
        {hint && (
          <div class="hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <p class="error-message" id={`${name}-error`}>
            <span class="visually-hidden">{common.errorPrefix} </span>
            {error}
          </p>
        )}
        <div class={inline ? "radios radios--inline" : "radios"}>
          {options.map((option, index) => (
            <div class="radios__item" key={option.value}>
              <input
                class="radios__input"
                type="radio"
                id={idOf(index, option)}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onValue(option.value)}
              />
              <label class="radios__label" for={idOf(index, option)}>
                {option.label}
                {option.hint && <span class="radios__hint">{option.hint}</span>}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
