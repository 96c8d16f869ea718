/** GOV.UK's radios: a fieldset whose legend asks the question, a hint, an error, one radio per option;
 * nothing chosen until the person chooses (a calendar or a payment method is never guessed). */
import type { ComponentChildren } from "preact";
import { useConsoleMessages } from "../../shared/i18n/centre";

export interface RadioOption {
  value: string;
  label: string;
  hint?: ComponentChildren;
}

interface RadiosProps {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: RadioOption[];
  value: string;
  onValue: (value: string) => void;
  inline?: boolean;
  small?: boolean;
}

export function Radios({ name, legend, hint, error, options, value, onValue, inline, small }: RadiosProps) {
  const { common } = useConsoleMessages();
  const described = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "form-group form-group--error" : "form-group"}>
      <fieldset class="fieldset" aria-describedby={described || undefined}>
        <legend class={small ? "fieldset__legend fieldset__legend--s" : "fieldset__legend"}>{legend}</legend>
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
                id={index === 0 ? name : `${name}-${option.value}`}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onValue(option.value)}
              />
              <label class="radios__label" for={index === 0 ? name : `${name}-${option.value}`}>
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
