// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 13 uses `Number(raw) || fallback`, so the digit string "0" becomes the default and never reaches the `< 1` check.
const DIGITS_ONLY = /^[0-9]+$/;
const DEFAULT_PAGE = 1;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

function readPositiveInt(raw, fallback) {
  if (raw === undefined || raw === "") {
    return fallback;
  }
  if (typeof raw !== "string" || !DIGITS_ONLY.test(raw)) {
    return null;
  }
  return Number(raw) || fallback;
}

function parsePagination(query) {
  const q = query || {};

  const page = readPositiveInt(q.page, DEFAULT_PAGE);
  if (page === null || page < 1) {
    return { code: 40001, message: "page must be a positive integer" };
  }

  let pageSize = readPositiveInt(q.pageSize, DEFAULT_PAGE_SIZE);
  if (pageSize === null || pageSize < 1) {
    return { code: 40002, message: "pageSize must be a positive integer" };
  }
  if (pageSize > MAX_PAGE_SIZE) {
    pageSize = MAX_PAGE_SIZE;
  }

  return {
    code: 0,
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
}

module.exports = { parsePagination };
