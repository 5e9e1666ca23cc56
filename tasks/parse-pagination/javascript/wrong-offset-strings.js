function parsePagination(query) {
  const page = query.page === undefined || query.page === '' ? '1' : query.page;
  const size = query.pageSize === undefined || query.pageSize === '' ? '20' : query.pageSize;
  if (!/^\d+$/.test(page) || page === '0' || /^0+$/.test(page)) {
    return { code: 40001, message: 'invalid page' };
  }
  if (!/^\d+$/.test(size) || /^0+$/.test(size)) {
    return { code: 40002, message: 'invalid pageSize' };
  }
  const limit = Math.min(parseInt(size, 10), 100);
  return { code: 0, page: page, pageSize: limit, offset: page * limit, limit };
}

module.exports = { parsePagination };
