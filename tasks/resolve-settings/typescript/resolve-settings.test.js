// Hidden tests for tasks/resolve-settings/typescript.yaml. The code under test is solution.ts (as solution.js).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { resolveSettings } = require('./solution.js');

const DEFAULTS = Object.freeze({ theme: 'system', pageSize: 20, emailDigest: true, signature: '-- sent from app' });
const defaults = () => ({ ...DEFAULTS });

test('null user gives the defaults', () => {
  for (const user of [null, undefined]) {
    const result = resolveSettings(user, defaults());
    assert.deepEqual(result, DEFAULTS);
  }
});

test('user values win when valid', () => {
  const user = { theme: 'dark', pageSize: 50, emailDigest: true, signature: 'Ada' };
  assert.deepEqual(resolveSettings(user, defaults()), user);
  assert.deepEqual(resolveSettings({ pageSize: 5 }, defaults()), { ...DEFAULTS, pageSize: 5 });
});

test('keeps false and empty string choices', () => {
  assert.deepEqual(resolveSettings({ emailDigest: false, signature: '' }, defaults()), { ...DEFAULTS, emailDigest: false, signature: '' });
});

test('null and undefined fields take the default', () => {
  assert.deepEqual(resolveSettings({ theme: null, pageSize: undefined, emailDigest: null, signature: null }, defaults()), DEFAULTS);
});

test('invalid values fall back to the defaults', () => {
  const bad = [
    { theme: 'blue' }, { theme: 'DARK' }, { theme: 1 },
    { pageSize: 4 }, { pageSize: 101 }, { pageSize: 12.5 }, { pageSize: '30' }, { pageSize: NaN }, { pageSize: 0 },
    { emailDigest: 'false' }, { emailDigest: 0 },
    { signature: 42 },
  ];
  for (const user of bad) {
    assert.deepEqual(resolveSettings(user, defaults()), DEFAULTS, `user=${JSON.stringify(user)}`);
  }
});

test('does not modify inputs', () => {
  const user = { theme: 'light', pageSize: 30 };
  const d = defaults();
  resolveSettings(user, d);
  resolveSettings(null, d);
  assert.deepEqual(user, { theme: 'light', pageSize: 30 });
  assert.deepEqual(d, DEFAULTS);
  assert.notEqual(resolveSettings(null, d), d, 'returned the defaults object itself');
});

test('only known fields in the result', () => {
  const result = resolveSettings({ theme: 'dark', isAdmin: true, __proto__: { evil: 1 } }, defaults());
  assert.deepEqual(Object.keys(result).sort(), ['emailDigest', 'pageSize', 'signature', 'theme']);
});
