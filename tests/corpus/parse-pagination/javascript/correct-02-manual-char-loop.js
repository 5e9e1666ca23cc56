function isDigits(str) {
  if (str.length === 0) return false;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function readParam(raw, defaultValue) {
  if (raw === undefined || raw === null || raw === '') {
    return { ok: true, value: defaultValue };
  }
  if (typeof raw !== 'string' || !isDigits(raw)) {
    return { ok: false };
  }
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    value = value * 10 + (raw.charCodeAt(i) - 48);
  }
  if (value < 1) {
    return { ok: false };
  }
  return { ok: true, value: value };
}

function parsePagination(query) {
  query = query || {};

  var pageResult = readParam(query.page, 1);
  if (!pageResult.ok) {
    return { code: 40001, message: 'Invalid "page": expected digits with a value of at least 1' };
  }

  var sizeResult = readParam(query.pageSize, 20);
  if (!sizeResult.ok) {
    return { code: 40002, message: 'Invalid "pageSize": expected digits with a value of at least 1' };
  }

  var page = pageResult.value;
  var limit = sizeResult.value > 100 ? 100 : sizeResult.value;

  return {
    code: 0,
    page: page,
    pageSize: limit,
    offset: (page - 1) * limit,
    limit: limit,
  };
}

module.exports = { parsePagination };
