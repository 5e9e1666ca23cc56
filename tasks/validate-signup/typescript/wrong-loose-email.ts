export function validateSignup(input: unknown): string[] {
  const form: any = typeof input === 'object' && input !== null ? input : {};
  const errors: string[] = [];
  if (typeof form.email !== 'string' || !form.email.includes('@') || !form.email.includes('.')) {
    errors.push('EMAIL_INVALID');
  }
  if (typeof form.password !== 'string' || form.password.length < 12) {
    errors.push('PASSWORD_TOO_SHORT');
  }
  if (typeof form.password !== 'string' || !/\d/.test(form.password)) {
    errors.push('PASSWORD_NO_DIGIT');
  }
  if (!Number.isInteger(form.age) || form.age < 13 || form.age > 120) {
    errors.push('AGE_INVALID');
  }
  if (form.acceptedTerms !== true) {
    errors.push('TERMS_NOT_ACCEPTED');
  }
  return errors;
}
