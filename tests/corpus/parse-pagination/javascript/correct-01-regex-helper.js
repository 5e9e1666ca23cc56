'use strict';

const DIGITS_ONLY = /^[0-9]+$/;
const DEFAULT_PAGE = 1;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

function parsePositiveInt(raw, fallback) {
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (typeof raw !== 'string' || !DIGITS_ONLY.test(raw)) {
    return null;
  }
  const value = Number(raw);
  return value >= 1 ? value : null;
}

function parsePagination(query) {
  const q = query || {};

  const page = parsePositiveInt(q.page, DEFAULT_PAGE);
  if (page === null) {
    return { code: 40001, message: 'page must be a positive integer' };
  }

  const requestedSize = parsePositiveInt(q.pageSize, DEFAULT_PAGE_SIZE);
  if (requestedSize === null) {
    return { code: 40002, message: 'pageSize must be a positive integer' };
  }

  const limit = Math.min(requestedSize, MAX_PAGE_SIZE);
  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
