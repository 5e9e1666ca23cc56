// Hidden tests for tasks/validate-signup/typescript.yaml. The code under test is solution.ts (as solution.js).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { validateSignup } = require('./solution.js');

const VALID = { email: 'ada@example.com', password: 'correct horse 42', age: 36, acceptedTerms: true };
const errorsFor = (changes) => validateSignup({ ...VALID, ...changes });

test('valid form has no errors', () => {
  assert.deepEqual(validateSignup({ ...VALID }), []);
  assert.deepEqual(errorsFor({ age: 13 }), []);
  assert.deepEqual(errorsFor({ age: 120, email: 'a.b+c@mail.example.co.uk' }), []);
});

test('reports every error in order', () => {
  assert.deepEqual(validateSignup({ email: 'nope', password: 'short', age: 7, acceptedTerms: false }),
    ['EMAIL_INVALID', 'PASSWORD_TOO_SHORT', 'PASSWORD_NO_DIGIT', 'AGE_INVALID', 'TERMS_NOT_ACCEPTED']);
  assert.deepEqual(errorsFor({ password: 'longbutnodigits', acceptedTerms: undefined }), ['PASSWORD_NO_DIGIT', 'TERMS_NOT_ACCEPTED']);
});

test('email rules', () => {
  for (const email of ['ada.example.com', 'ada@@example.com', 'a@b@example.com', '@example.com', 'ada@example', 'ada@.com', 'ada@example.', 'ada @example.com', 'ada@exa mple.com', 'ada\t@example.com', 'ada@example.com\n', '', null, 42]) {
    assert.deepEqual(errorsFor({ email }), ['EMAIL_INVALID'], `email=${JSON.stringify(email)}`);
  }
});

test('password length and digit rules', () => {
  assert.deepEqual(errorsFor({ password: 'abc123' }), ['PASSWORD_TOO_SHORT']);
  assert.deepEqual(errorsFor({ password: 'abcdefghijkl' }), ['PASSWORD_NO_DIGIT']);
  assert.deepEqual(errorsFor({ password: 'abcdefghijk1' }), []);
  assert.deepEqual(errorsFor({ password: 123456789012 }), ['PASSWORD_TOO_SHORT', 'PASSWORD_NO_DIGIT']);
});

test('age must be an integer number from 13 to 120', () => {
  for (const age of [12, 121, 30.5, '30', null, undefined, NaN, true]) {
    assert.deepEqual(errorsFor({ age }), ['AGE_INVALID'], `age=${String(age)}`);
  }
});

test('terms must be exactly true', () => {
  for (const acceptedTerms of ['yes', 1, 'true', false, null]) {
    assert.deepEqual(errorsFor({ acceptedTerms }), ['TERMS_NOT_ACCEPTED'], `acceptedTerms=${String(acceptedTerms)}`);
  }
});

test('not an object is an empty form', () => {
  const all = ['EMAIL_INVALID', 'PASSWORD_TOO_SHORT', 'PASSWORD_NO_DIGIT', 'AGE_INVALID', 'TERMS_NOT_ACCEPTED'];
  for (const input of [null, undefined, 'email=a@b.c', 42, [VALID]]) {
    assert.deepEqual(validateSignup(input), all, `input=${JSON.stringify(input)}`);
  }
});
