type ErrorCode =
  | "EMAIL_INVALID"
  | "PASSWORD_TOO_SHORT"
  | "PASSWORD_NO_DIGIT"
  | "AGE_INVALID"
  | "TERMS_NOT_ACCEPTED";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function validateSignup(input: unknown): string[] {
  const form: Record<string, unknown> = isPlainObject(input) ? input : {};
  const errors: ErrorCode[] = [];

  const { email, password, age, acceptedTerms } = form;

  if (typeof email !== "string" || !EMAIL_PATTERN.test(email)) {
    errors.push("EMAIL_INVALID");
  }
  if (typeof password !== "string" || password.length < 12) {
    errors.push("PASSWORD_TOO_SHORT");
  }
  if (typeof password !== "string" || !/[0-9]/.test(password)) {
    errors.push("PASSWORD_NO_DIGIT");
  }
  if (typeof age !== "number" || Math.floor(age) !== age || age < 13 || age > 120) {
    errors.push("AGE_INVALID");
  }
  if (acceptedTerms !== true) {
    errors.push("TERMS_NOT_ACCEPTED");
  }

  return errors;
}
