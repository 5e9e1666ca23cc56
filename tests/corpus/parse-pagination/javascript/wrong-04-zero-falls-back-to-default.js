// mistake: uses `|| default` after converting, so "0" silently becomes the default instead of returning an error.
function parsePagination(query) {
  const q = query || {};

  if (q.page !== undefined && q.page !== '' && !/^\d+$/.test(q.page)) {
    return { code: 40001, message: 'page must contain digits only' };
  }
  if (q.pageSize !== undefined && q.pageSize !== '' && !/^\d+$/.test(q.pageSize)) {
    return { code: 40002, message: 'pageSize must contain digits only' };
  }

  const page = Number(q.page) || 1;
  const size = Number(q.pageSize) || 20;
  const limit = Math.min(size, 100);

  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
