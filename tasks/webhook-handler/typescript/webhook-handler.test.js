// Hidden tests for tasks/webhook-handler/typescript.yaml. The code under test is solution.ts (as solution.js).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { handleWebhook } = require('./solution.js');

function makeStore({ processed = [], failWith = null } = {}) {
  const seen = new Set(processed);
  const applied = [];
  return {
    seen,
    applied,
    failWith,
    has(id) { return seen.has(id); },
    markProcessed(id) { seen.add(id); },
    apply(type, payload) {
      applied.push([type, payload]);
      if (this.failWith) throw this.failWith;
    },
  };
}

const event = (changes = {}) => ({ id: 'evt_1', type: 'invoice.paid', payload: { amount: 100 }, ...changes });

test('processes new event once', () => {
  const store = makeStore();
  assert.deepEqual(handleWebhook(event(), store), { status: 200, code: 'PROCESSED' });
  assert.deepEqual(store.applied, [['invoice.paid', { amount: 100 }]]);
  assert.ok(store.seen.has('evt_1'));
});

test('duplicate event is not applied again', () => {
  const store = makeStore();
  handleWebhook(event(), store);
  assert.deepEqual(handleWebhook(event(), store), { status: 200, code: 'DUPLICATE' });
  assert.deepEqual(handleWebhook(event({ id: 'evt_9' }), makeStore({ processed: ['evt_9'] })), { status: 200, code: 'DUPLICATE' });
  assert.equal(store.applied.length, 1, 'a redelivered event was applied twice');
});

test('missing id returns 400', () => {
  for (const bad of [null, undefined, 'evt_1', 42, event({ id: '' }), event({ id: undefined }), event({ id: 17 })]) {
    const store = makeStore();
    assert.deepEqual(handleWebhook(bad, store), { status: 400, code: 'MISSING_ID' }, `event=${JSON.stringify(bad)}`);
    assert.equal(store.applied.length, 0);
  }
});

test('unknown type returns 422 and is not recorded', () => {
  for (const type of ['invoice.refunded', 'customer.created', 'INVOICE.PAID', 'invoice.paid ', '', undefined, 'charge.paid']) {
    const store = makeStore();
    assert.deepEqual(handleWebhook(event({ type }), store), { status: 422, code: 'UNKNOWN_TYPE' }, `type=${JSON.stringify(type)}`);
    assert.equal(store.applied.length, 0);
    assert.equal(store.seen.size, 0);
  }
});

test('apply failure returns 500 and leaves the event unprocessed', () => {
  const store = makeStore({ failWith: new Error('ledger locked') });
  const result = handleWebhook(event(), store);
  assert.equal(result.status, 500);
  assert.equal(result.code, 'HANDLER_ERROR');
  assert.equal(result.message, 'ledger locked');
  assert.ok(!store.seen.has('evt_1'), 'a failed event was marked processed');
  store.failWith = null;
  assert.deepEqual(handleWebhook(event(), store), { status: 200, code: 'PROCESSED' }, 'the retry was not processed');
});
