// Hidden tests for tasks/transfer-funds/javascript.yaml. The code under test is solution.js.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { transferFunds } = require('./solution.js');

const accounts = () => ({ a: 5000, b: 1200, empty: 0 });

test('invalid amount returns 60001', () => {
  for (const amountCents of [0, -100, 10.5, '100', NaN, Infinity, null, undefined, 2 ** 60]) {
    assert.equal(transferFunds(accounts(), { from: 'a', to: 'b', amountCents }).code, 60001, `amountCents=${String(amountCents)}`);
  }
});

test('unknown account returns 60002', () => {
  for (const [from, to] of [['a', 'nope'], ['nope', 'b'], [undefined, 'b'], ['a', 'toString'], ['__proto__', 'b']]) {
    assert.equal(transferFunds(accounts(), { from, to, amountCents: 100 }).code, 60002, `${from} -> ${to}`);
  }
});

test('zero balance account is a real account', () => {
  const acc = accounts();
  assert.deepEqual(transferFunds(acc, { from: 'a', to: 'empty', amountCents: 250 }), { code: 0, fromBalance: 4750, toBalance: 250 });
  assert.equal(transferFunds(accounts(), { from: 'empty', to: 'a', amountCents: 1 }).code, 60004);
});

test('same account returns 60003', () => {
  assert.equal(transferFunds(accounts(), { from: 'a', to: 'a', amountCents: 100 }).code, 60003);
});

test('insufficient funds returns 60004', () => {
  assert.equal(transferFunds(accounts(), { from: 'b', to: 'a', amountCents: 1201 }).code, 60004);
});

test('exact balance is enough', () => {
  assert.deepEqual(transferFunds(accounts(), { from: 'b', to: 'a', amountCents: 1200 }), { code: 0, fromBalance: 0, toBalance: 6200 });
});

test('accounts unchanged after a failed transfer', () => {
  const failures = [
    { from: 'b', to: 'a', amountCents: 99999 },
    { from: 'a', to: 'a', amountCents: 100 },
    { from: 'a', to: 'nope', amountCents: 100 },
    { from: 'a', to: 'b', amountCents: -5 },
    { from: 'a', to: 'b', amountCents: '100' },
  ];
  for (const request of failures) {
    const acc = accounts();
    transferFunds(acc, request);
    assert.deepEqual(acc, accounts(), `after ${JSON.stringify(request)}`);
  }
});

test('moves money and returns new balances', () => {
  const acc = accounts();
  assert.deepEqual(transferFunds(acc, { from: 'a', to: 'b', amountCents: 1999 }), { code: 0, fromBalance: 3001, toBalance: 3199 });
  assert.deepEqual(acc, { a: 3001, b: 3199, empty: 0 });
});
