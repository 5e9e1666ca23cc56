function parseCount(raw, fallback) {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^[0-9]+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && Number.isSafeInteger(value) ? value : null;
}

function parsePagination(query) {
  const page = parseCount(query.page, 1);
  if (page === null) {
    return { code: 40001, message: 'page must be a positive integer' };
  }
  const requested = parseCount(query.pageSize, 20);
  if (requested === null) {
    return { code: 40002, message: 'pageSize must be a positive integer' };
  }
  const limit = Math.min(requested, 100);
  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
