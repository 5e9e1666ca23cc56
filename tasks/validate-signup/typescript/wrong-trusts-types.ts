interface SignupForm {
  email: string;
  password: string;
  age: number;
  acceptedTerms: boolean;
}

export function validateSignup(input: unknown): string[] {
  const form = input as SignupForm;
  const errors: string[] = [];
  if (!form || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) {
    errors.push('EMAIL_INVALID');
  }
  if (!form || !form.password || form.password.length < 12) {
    errors.push('PASSWORD_TOO_SHORT');
  }
  if (!form || !/[0-9]/.test(form.password)) {
    errors.push('PASSWORD_NO_DIGIT');
  }
  if (!form || form.age < 13 || form.age > 120 || Number(form.age) % 1 !== 0) {
    errors.push('AGE_INVALID');
  }
  if (!form || !form.acceptedTerms) {
    errors.push('TERMS_NOT_ACCEPTED');
  }
  return errors;
}
