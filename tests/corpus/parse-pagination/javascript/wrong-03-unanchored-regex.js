// mistake: the digit regex is not anchored, so any value containing a digit ("2abc", "1.5", " 3") passes validation.
const HAS_DIGITS = /\d+/;

function parseField(raw, fallback) {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !HAS_DIGITS.test(raw)) return null;
  const value = parseInt(raw, 10);
  if (!(value >= 1)) return null;
  return value;
}

function parsePagination(query) {
  const q = query || {};
  const page = parseField(q.page, 1);
  if (page === null) {
    return { code: 40001, message: 'page must be a positive integer' };
  }
  const size = parseField(q.pageSize, 20);
  if (size === null) {
    return { code: 40002, message: 'pageSize must be a positive integer' };
  }
  const limit = Math.min(size, 100);
  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
