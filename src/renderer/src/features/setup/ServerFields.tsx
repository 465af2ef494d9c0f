import type { TlsMode } from '../../../../shared/types';
import type { Form } from './setupForm';

type Errors = Partial<Record<keyof Form, string>>;

interface FieldProps {
  form: Form;
  errors: Errors;
  update: <K extends keyof Form>(key: K, value: Form[K]) => void;
}

/** One labelled input with its error under it (tied by aria-describedby). */
export function Field({
  form,
  errors,
  update,
  name,
  label,
  type = 'text',
  autoComplete,
  placeholder,
}: FieldProps & { name: keyof Form; label: string; type?: string; autoComplete?: string; placeholder?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={form[name]}
        placeholder={placeholder}
        autoComplete={autoComplete}
        onChange={(e) => update(name, e.target.value as Form[typeof name])}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {errors[name] && (
        <span id={`${name}-error`} className="field-error">
          {errors[name]}
        </span>
      )}
    </label>
  );
}

function Security({ form, update, name }: FieldProps & { name: 'imapTls' | 'smtpTls' }) {
  return (
    <label className="field">
      <span>Security</span>
      <select value={form[name]} onChange={(e) => update(name, e.target.value as TlsMode)}>
        <option value="tls">TLS</option>
        <option value="starttls">STARTTLS</option>
        <option value="none">None (local test servers only)</option>
      </select>
    </label>
  );
}

/** The incoming and outgoing server settings, every one editable. */
export function ServerFields(props: FieldProps) {
  return (
    <>
      <Field {...props} name="user" label="User name (usually the address)" autoComplete="username" />
      <fieldset>
        <legend>Incoming (IMAP)</legend>
        <Field {...props} name="imapHost" label="IMAP server" placeholder="imap.example.com" />
        <Field {...props} name="imapPort" label="Port" type="number" />
        <Security {...props} name="imapTls" />
      </fieldset>
      <fieldset>
        <legend>Outgoing (SMTP)</legend>
        <Field {...props} name="smtpHost" label="SMTP server" placeholder="smtp.example.com" />
        <Field {...props} name="smtpPort" label="Port" type="number" />
        <Security {...props} name="smtpTls" />
      </fieldset>
    </>
  );
}
