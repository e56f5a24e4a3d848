/** The one error vocabulary of the product; the server maps codes to HTTP statuses, the UI shows `message`. */
export const errorCodes = ['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'RULE_VIOLATION', 'THROTTLED', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A record that may be the same person as the one being saved (same name, birth date and organisation): the create
 * answers CONFLICT listing them, and the client sends again with `confirmDuplicate: true` once the user has looked.
 */
export interface PossibleDuplicate {
  kind: 'member' | 'candidate';
  id: number;
  fullName: string;
  birthDate: string;
  orgName: string;
  /** The member's status or the candidate's state. */
  state: string;
}

/** A rule that refused the input, named with the document that sets it. */
export interface RuleRef {
  name: string;
  source: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    rule?: RuleRef;
    retryAfterSeconds?: number;
    duplicates?: PossibleDuplicate[];
  };
}
