class PaginationError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

class PaginationParser {
  static get MAX_PAGE_SIZE() {
    return 100;
  }

  static parseField(raw, name, defaultValue, errorCode) {
    if (raw === undefined || raw === '') {
      return defaultValue;
    }
    if (typeof raw !== 'string' || /[^0-9]/.test(raw)) {
      throw new PaginationError(errorCode, `${name} must contain decimal digits only`);
    }
    const value = Number(raw);
    if (value < 1) {
      throw new PaginationError(errorCode, `${name} must be at least 1`);
    }
    return value;
  }

  parse(query) {
    const source = query || {};
    const page = PaginationParser.parseField(source.page, 'page', 1, 40001);
    const size = PaginationParser.parseField(source.pageSize, 'pageSize', 20, 40002);
    const limit = Math.min(size, PaginationParser.MAX_PAGE_SIZE);
    return { code: 0, page, pageSize: limit, offset: (page - 1) * limit, limit };
  }
}

function parsePagination(query) {
  try {
    return new PaginationParser().parse(query);
  } catch (err) {
    if (err instanceof PaginationError) {
      return { code: err.code, message: err.message };
    }
    throw err;
  }
}

module.exports = { parsePagination };
