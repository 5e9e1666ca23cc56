// Hidden tests for tasks/user-flags/javascript.yaml and typescript.yaml. The code under test is solution.js
// (for TypeScript, solution.ts transpiled to solution.js).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { updateUserFlags } = require('./solution.js');

const VALID = { UserId: 7, ActiveFlag: 1, SystemDeleteFlag: 0 };
const MISSING = Symbol('missing');

function makeRepo({ users, saveError, findError } = {}) {
  const store = new Map(Object.entries(users || { 7: { UserId: 7, ActiveFlag: 0, SystemDeleteFlag: 1 } })
    .map(([id, user]) => [Number(id), { ...user }]));
  const calls = [];
  return {
    store,
    calls,
    find(userId) {
      calls.push(['find', userId]);
      if (findError) throw findError;
      const user = store.get(userId);
      return user ? { ...user } : null;
    },
    save(user) {
      calls.push(['save', { ...user }]);
      if (saveError) throw saveError;
      store.set(user.UserId, { ...user });
    },
  };
}

function request(changes = {}) {
  const data = { ...VALID };
  for (const [key, value] of Object.entries(changes)) {
    if (value === MISSING) delete data[key];
    else data[key] = value;
  }
  return data;
}

async function codeOf(req, repo = makeRepo()) {
  const result = await updateUserFlags(req, repo);
  assert.equal(typeof result, 'object', 'expected an object result');
  assert.notEqual(result, null, 'expected an object result');
  return result.code;
}

test('missing user id returns 50001', async () => {
  for (const value of [MISSING, undefined, null, '']) {
    assert.equal(await codeOf(request({ UserId: value })), 50001, `UserId=${String(value)}`);
  }
});

test('invalid user id returns 50002', async () => {
  for (const value of [0, -1, -42, 1.5, 'abc', '7', NaN, [], {}, true]) {
    assert.equal(await codeOf(request({ UserId: value })), 50002, `UserId=${JSON.stringify(value)}`);
  }
});

test('invalid flag returns 50003', async () => {
  for (const flag of ['ActiveFlag', 'SystemDeleteFlag']) {
    for (const value of [2, -1, 0.5, '1', '0', 'yes', true, false, null]) {
      assert.equal(await codeOf(request({ [flag]: value })), 50003, `${flag}=${JSON.stringify(value)}`);
    }
  }
});

test('missing flag returns 50003', async () => {
  for (const flag of ['ActiveFlag', 'SystemDeleteFlag']) {
    assert.equal(await codeOf(request({ [flag]: MISSING })), 50003, `${flag} missing`);
  }
});

test('validation before repository call', async () => {
  for (const bad of [request({ UserId: MISSING }), request({ UserId: -3 }), request({ ActiveFlag: 5 }), request({ SystemDeleteFlag: MISSING })]) {
    const repo = makeRepo();
    await updateUserFlags(bad, repo);
    assert.deepEqual(repo.calls, [], 'the repository was called before the parameters were validated');
  }
});

test('validation order: user id before flags', async () => {
  assert.equal(await codeOf({ ActiveFlag: 9 }), 50001);
  assert.equal(await codeOf({ UserId: -1, ActiveFlag: 9 }), 50002);
});

test('unknown user returns 50004', async () => {
  const repo = makeRepo({ users: {} });
  assert.equal(await codeOf(request(), repo), 50004);
  assert.ok(!repo.calls.some((call) => call[0] === 'save'), 'save was called for an unknown user');
});

test('save failure returns 50000 with message', async () => {
  const result = await updateUserFlags(request(), makeRepo({ saveError: new Error('disk full') }));
  assert.equal(result.code, 50000);
  assert.match(String(result.message), /disk full/);
});

test('find failure returns 50000 with message', async () => {
  const result = await updateUserFlags(request(), makeRepo({ findError: new Error('database offline') }));
  assert.equal(result.code, 50000);
  assert.match(String(result.message), /database offline/);
});

test('success saves both flags and returns 0', async () => {
  for (const [active, deleted] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
    const repo = makeRepo();
    const result = await updateUserFlags(request({ ActiveFlag: active, SystemDeleteFlag: deleted }), repo);
    assert.equal(result.code, 0, `flags ${active}/${deleted}`);
    assert.equal(typeof result.message, 'string');
    const saved = repo.store.get(7);
    assert.equal(saved.ActiveFlag, active);
    assert.equal(saved.SystemDeleteFlag, deleted);
  }
});
