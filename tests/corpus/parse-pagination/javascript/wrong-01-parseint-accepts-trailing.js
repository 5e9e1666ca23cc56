// mistake: relies on parseInt, which accepts strings like "2abc", "3.5" or " 4" by parsing their leading digits.
function parsePagination(query) {
  query = query || {};

  let page = 1;
  if (query.page !== undefined && query.page !== '') {
    page = parseInt(query.page, 10);
    if (Number.isNaN(page) || page < 1) {
      return { code: 40001, message: 'page must be a positive integer' };
    }
  }

  let pageSize = 20;
  if (query.pageSize !== undefined && query.pageSize !== '') {
    pageSize = parseInt(query.pageSize, 10);
    if (Number.isNaN(pageSize) || pageSize < 1) {
      return { code: 40002, message: 'pageSize must be a positive integer' };
    }
  }

  const limit = Math.min(pageSize, 100);
  return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
}

module.exports = { parsePagination };
