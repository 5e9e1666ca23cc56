function parsePagination(query) {
  const page = query.page ? Number(query.page) : 1;
  const pageSize = query.pageSize ? Number(query.pageSize) : 20;
  if (!Number.isInteger(page) || page < 1) {
    return { code: 40001, message: 'page must be a positive integer' };
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return { code: 40002, message: 'pageSize must be between 1 and 100' };
  }
  return { code: 0, page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

module.exports = { parsePagination };
