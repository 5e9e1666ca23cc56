function parsePagination(query) {
  const page = parseInt(query.page || '1', 10);
  if (isNaN(page) || page < 1) {
    return { code: 40001, message: 'Invalid page' };
  }
  let pageSize = parseInt(query.pageSize || '20', 10);
  if (isNaN(pageSize) || pageSize < 1) {
    return { code: 40002, message: 'Invalid pageSize' };
  }
  if (pageSize > 100) pageSize = 100;
  return { code: 0, page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

module.exports = { parsePagination };
