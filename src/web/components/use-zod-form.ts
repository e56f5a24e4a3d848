import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { ZodType } from 'zod';
import { isApiError } from '../api';
import { setVietnameseZodMessages } from '../zod-vietnamese';

/** Every form validates through this module, so the Vietnamese messages are set before the first check. */
setVietnameseZodMessages();

/** Form state kept flat, keyed by the dotted path of the schema field it fills (`decision.number`). */
export type Draft = Record<string, string | boolean | null>;
export type FieldErrors = Record<string, string>;

export interface ZodForm<T> {
  draft: Draft;
  errors: FieldErrors;
  /** Errors the form has no field for (shown above the buttons). */
  otherErrors: string[];
  set: (field: string, value: string | boolean | null) => void;
  reset: (draft: Draft) => void;
  setErrors: (errors: FieldErrors) => void;
  /** Parsed input when valid; otherwise null, with messages beside the fields and focus on the first. */
  validate: () => T | null;
  /** Puts a server INVALID_INPUT's field messages beside the fields; true when it did. */
  applyServerError: (error: unknown) => boolean;
  text: (field: string) => { value: string; onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void; error: string | undefined };
  choice: (field: string) => { value: string | null; onChange: (value: string | null) => void; error: string | undefined };
  date: (field: string) => { value: string | null; onChange: (value: string | null) => void; error: string | undefined };
  checked: (field: string) => { checked: boolean; onChange: (event: ChangeEvent<HTMLInputElement>) => void; error: string | undefined };
}

function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const element = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    element?.focus();
  }, 0);
}

export function useZodForm<T>(options: { initial: Draft; schema: ZodType<T>; toInput: (draft: Draft) => unknown }): ZodForm<T> {
  const [draft, setDraft] = useState<Draft>(options.initial);
  const [errors, setErrorsState] = useState<FieldErrors>({});
  const optionsRef = useRef(options);
  // The callbacks read the latest schema and mapping; a ref is written after render, not during it.
  useLayoutEffect(() => {
    optionsRef.current = options;
  });

  const set = useCallback((field: string, value: string | boolean | null) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrorsState((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  const setErrors = useCallback((next: FieldErrors) => {
    setErrorsState(next);
    if (Object.keys(next).length > 0) focusFirstInvalid();
  }, []);

  const validate = useCallback((): T | null => {
    const result = optionsRef.current.schema.safeParse(optionsRef.current.toInput(draft));
    if (result.success) {
      setErrorsState({});
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      if (!(key in next)) next[key] = issue.message;
    }
    setErrors(next);
    return null;
  }, [draft, setErrors]);

  const applyServerError = useCallback(
    (error: unknown): boolean => {
      if (!isApiError(error) || error.fields.length === 0) return false;
      const next: FieldErrors = {};
      for (const field of error.fields) if (!(field.field in next)) next[field.field] = field.message;
      setErrors(next);
      return true;
    },
    [setErrors],
  );

  const otherErrors = useMemo(
    () =>
      Object.entries(errors)
        .filter(([key]) => !(key in draft))
        .map(([, message]) => message),
    [errors, draft],
  );

  const asString = (value: string | boolean | null | undefined) => (typeof value === 'string' ? value : '');

  return {
    draft,
    errors,
    otherErrors,
    set,
    reset: (next) => {
      setDraft(next);
      setErrorsState({});
    },
    setErrors,
    validate,
    applyServerError,
    text: (field) => ({ value: asString(draft[field]), onChange: (event) => set(field, event.currentTarget.value), error: errors[field] }),
    choice: (field) => ({ value: asString(draft[field]) || null, onChange: (value) => set(field, value), error: errors[field] }),
    date: (field) => ({ value: asString(draft[field]) || null, onChange: (value) => set(field, value), error: errors[field] }),
    checked: (field) => ({ checked: draft[field] === true, onChange: (event) => set(field, event.currentTarget.checked), error: errors[field] }),
  };
}

/** A form's submit handler: the parsed input goes to `send` only when every field is valid; otherwise the errors show. */
export function submitValid<T>(form: ZodForm<T>, send: (input: T) => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    const input = form.validate();
    if (input) send(input);
  };
}

/** '' → null, otherwise the trimmed text. */
export function nullable(value: string | boolean | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function textOf(value: string | boolean | null | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function numberOrNull(value: string | boolean | null | undefined): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
