import { useId } from 'react';

/** Every IANA time zone this runtime knows (Intl.supportedValuesOf), UTC first. */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

/**
 * A time zone picker that searches as you type ("berl" offers Europe/Berlin): a text field
 * with the runtime's list of zones as suggestions, so an unknown name is still explained by
 * the service rather than silently dropped.
 */
export function TimeZoneField({
  label,
  value,
  onChange,
  invalid = false,
  describedBy,
}: {
  label: string;
  value: string;
  onChange(zone: string): void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const listId = useId();
  return (
    <label>
      {label}
      <input
        list={listId}
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a city, e.g. Berlin"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
      />
      <datalist id={listId}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
