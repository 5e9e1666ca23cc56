const FIELDS = [
  { key: 'page', fallback: 1, max: Infinity, code: 40001 },
  { key: 'pageSize', fallback: 20, max: 100, code: 40002 },
];

const isAbsent = (v) => v === undefined || v === '';
const isDecimalDigits = (v) => typeof v === 'string' && /^\d+$/.test(v);

function parsePagination(query = {}) {
  const values = {};
  for (const field of FIELDS) {
    const raw = query == null ? undefined : query[field.key];
    if (isAbsent(raw)) {
      values[field.key] = field.fallback;
      continue;
    }
    const n = isDecimalDigits(raw) ? parseInt(raw, 10) : NaN;
    if (!(n >= 1)) {
      return { code: field.code, message: `${field.key} must be an integer of at least 1` };
    }
    values[field.key] = Math.min(n, field.max);
  }

  const { page, pageSize } = values;
  return {
    code: 0,
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
}

module.exports = { parsePagination };
