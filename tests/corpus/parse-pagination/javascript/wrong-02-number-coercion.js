// mistake: validates with Number() and Number.isInteger, which accepts "1e1", "2.0", " 3 " and "0x10" as valid integers.
function toPositiveInt(raw, fallback) {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) return null;
  return n;
}

function parsePagination(query) {
  const q = query || {};
  const page = toPositiveInt(q.page, 1);
  if (page === null) {
    return { code: 40001, message: 'page must be a positive integer' };
  }
  const size = toPositiveInt(q.pageSize, 20);
  if (size === null) {
    return { code: 40002, message: 'pageSize must be a positive integer' };
  }
  const limit = Math.min(size, 100);
  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
