interface SignupForm {
  email?: string;
  password?: string;
  age?: number;
  acceptedTerms?: boolean;
}

export function validateSignup(input: unknown): string[] {
  const form = (input ?? {}) as SignupForm;
  const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  if (typeof form.email !== 'string' || !emailPattern.test(form.email)) {
    return ['EMAIL_INVALID'];
  }
  if (typeof form.password !== 'string' || form.password.length < 12) {
    return ['PASSWORD_TOO_SHORT'];
  }
  if (!/\d/.test(form.password)) {
    return ['PASSWORD_NO_DIGIT'];
  }
  if (typeof form.age !== 'number' || !Number.isInteger(form.age) || form.age < 13 || form.age > 120) {
    return ['AGE_INVALID'];
  }
  if (form.acceptedTerms !== true) {
    return ['TERMS_NOT_ACCEPTED'];
  }
  return [];
}
