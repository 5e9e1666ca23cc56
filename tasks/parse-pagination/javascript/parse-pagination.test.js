// Hidden tests for tasks/parse-pagination/javascript.yaml. The code under test is solution.js.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parsePagination } = require('./solution.js');

test('invalid page returns 40001', () => {
  for (const page of ['0', '-1', '1.5', '2abc', 'abc', ' 2', '1e2', '+3', '0x10', '00']) {
    assert.equal(parsePagination({ page, pageSize: '10' }).code, 40001, `page=${JSON.stringify(page)}`);
  }
});

test('invalid page size returns 40002', () => {
  for (const pageSize of ['0', '-5', '2.5', '10rows', 'all', ' 10', '1e3', '000']) {
    assert.equal(parsePagination({ page: '1', pageSize }).code, 40002, `pageSize=${JSON.stringify(pageSize)}`);
  }
});

test('defaults for missing or empty values', () => {
  assert.deepEqual(parsePagination({}), { code: 0, page: 1, pageSize: 20, offset: 0, limit: 20 });
  assert.deepEqual(parsePagination({ page: '', pageSize: '' }), { code: 0, page: 1, pageSize: 20, offset: 0, limit: 20 });
});

test('page size clamped to 100', () => {
  for (const pageSize of ['101', '500', '99999']) {
    const result = parsePagination({ page: '3', pageSize });
    assert.equal(result.code, 0, `pageSize=${pageSize} must be clamped, not rejected`);
    assert.equal(result.limit, 100);
    assert.equal(result.pageSize, 100);
    assert.equal(result.offset, 200);
  }
});

test('offset is (page - 1) * limit as numbers', () => {
  assert.deepEqual(parsePagination({ page: '1', pageSize: '10' }), { code: 0, page: 1, pageSize: 10, offset: 0, limit: 10 });
  assert.deepEqual(parsePagination({ page: '4', pageSize: '25' }), { code: 0, page: 4, pageSize: 25, offset: 75, limit: 25 });
  assert.deepEqual(parsePagination({ page: '007', pageSize: '100' }), { code: 0, page: 7, pageSize: 100, offset: 600, limit: 100 });
});
