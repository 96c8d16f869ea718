/** The service's form, built from its field definitions: text, number, date, a choice, yes/no; each with
 * its label in the page's language, a hint for its format or length, and its error. */
import { TextField } from "../../shared/components/TextField";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { Radios } from "../../shared/components/Radios";
import { answerField, type FormFieldDefinition } from "./answers";

interface ServiceFieldsProps {
  fields: FormFieldDefinition[];
  answers: Record<string, string>;
  onAnswer: (key: string, value: string) => void;
  errors: Record<string, string>;
}

export function ServiceFields({ fields, answers, onAnswer, errors }: ServiceFieldsProps) {
  const { centre } = useConsoleMessages();
  const localized = useLocalized();
  const text = centre.file;
  return (
    <>
      {fields.map((field) => {
        const id = answerField(field.key);
        const label = localized(field.label) + (field.required ? "" : ` ${text.optional}`);
        const value = answers[field.key] ?? "";
        if (field.type === "CHOICE" || field.type === "BOOLEAN") {
          const options =
            field.type === "BOOLEAN"
              ? [
                  { value: "true", label: text.yes },
                  { value: "false", label: text.no },
                ]
              : field.choices.map((choice) => ({ value: choice.value, label: localized(choice.label) }));
          return (
            <Radios key={field.key} name={id} legend={label} error={errors[id]} options={options} value={value} onValue={(chosen) => onAnswer(field.key, chosen)} inline />
          );
        }
        const hint =
          field.type === "NUMBER" ? text.numberHint : field.type === "DATE" ? text.dateHint : field.maxLength ? text.maxLength(field.maxLength) : "";
        return (
          <TextField
            key={field.key}
            id={id}
            label={label}
            hint={hint}
            error={errors[id]}
            value={value}
            onValue={(typed) => onAnswer(field.key, typed)}
            {...(field.type === "NUMBER" || field.type === "DATE" ? { dir: "ltr" as const, inputMode: "numeric" as const } : {})}
          />
        );
      })}
    </>
  );
}
