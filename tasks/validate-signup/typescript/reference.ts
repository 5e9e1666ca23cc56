function isEmail(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  const parts = value.split('@');
  if (parts.length !== 2 || parts[0] === '') return false;
  const domain = parts[1];
  const dot = domain.indexOf('.', 1);
  return dot > 0 && dot < domain.length - 1;
}

export function validateSignup(input: unknown): string[] {
  const form: Record<string, unknown> =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const errors: string[] = [];
  if (!isEmail(form.email)) errors.push('EMAIL_INVALID');
  const password = form.password;
  if (typeof password !== 'string' || password.length < 12) errors.push('PASSWORD_TOO_SHORT');
  if (typeof password !== 'string' || !/[0-9]/.test(password)) errors.push('PASSWORD_NO_DIGIT');
  const age = form.age;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 13 || age > 120) errors.push('AGE_INVALID');
  if (form.acceptedTerms !== true) errors.push('TERMS_NOT_ACCEPTED');
  return errors;
}
