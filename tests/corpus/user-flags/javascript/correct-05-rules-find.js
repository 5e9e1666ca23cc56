const isMissing = (v) => v === undefined || v === null || v === '';
const isPositiveInt = (v) => Number.isInteger(v) && v > 0;
const isBit = (v) => v === 0 || v === 1;

const rules = [
  { field: 'UserId', test: (v) => !isMissing(v), code: 50001, message: 'UserId is missing or empty' },
  { field: 'UserId', test: isPositiveInt, code: 50002, message: 'UserId must be a positive integer' },
  { field: 'ActiveFlag', test: isBit, code: 50003, message: 'ActiveFlag must be 0 or 1' },
  { field: 'SystemDeleteFlag', test: isBit, code: 50003, message: 'SystemDeleteFlag must be 0 or 1' },
];

function updateUserFlags(request, repo) {
  const failed = rules.find((rule) => !rule.test(request[rule.field]));
  if (failed) {
    return { code: failed.code, message: failed.message };
  }

  try {
    const user = repo.find(request.UserId);
    if (!user) return { code: 50004, message: 'User not found' };
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'success' };
  } catch (err) {
    return { code: 50000, message: err.message };
  }
}

module.exports = { updateUserFlags };
