// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 12 only rejects the space character, so emails containing other whitespace such as a tab or newline are accepted.
type Form = Record<string, unknown>;

function isPlainObject(value: unknown): value is Form {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isValidEmail(email: unknown): boolean {
  if (typeof email !== 'string' || email.includes(' ')) {
    return false;
  }
  const parts = email.split('@');
  if (parts.length !== 2) {
    return false;
  }
  const [local, domain] = parts;
  if (local.length === 0) {
    return false;
  }
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}

export function validateSignup(input: unknown): string[] {
  const form: Form = isPlainObject(input) ? input : {};
  const errors: string[] = [];

  if (!isValidEmail(form.email)) {
    errors.push('EMAIL_INVALID');
  }

  const password = form.password;
  if (typeof password !== 'string' || password.length < 12) {
    errors.push('PASSWORD_TOO_SHORT');
  }
  if (typeof password !== 'string' || !/[0-9]/.test(password)) {
    errors.push('PASSWORD_NO_DIGIT');
  }

  const age = form.age;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 13 || age > 120) {
    errors.push('AGE_INVALID');
  }

  if (form.acceptedTerms !== true) {
    errors.push('TERMS_NOT_ACCEPTED');
  }

  return errors;
}
