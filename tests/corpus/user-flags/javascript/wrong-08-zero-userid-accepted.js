// mistake: the positivity check uses userId < 0, so a UserId of 0 is accepted instead of returning 50002.
const ErrorCodes = {
  OK: 0,
  UNKNOWN: 50000,
  USER_ID_EMPTY: 50001,
  USER_ID_INVALID: 50002,
  FLAG_INVALID: 50003,
  USER_NOT_FOUND: 50004,
};

function updateUserFlags(request, repo) {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '')
    return { code: ErrorCodes.USER_ID_EMPTY, message: 'UserId is required' };
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId < 0)
    return { code: ErrorCodes.USER_ID_INVALID, message: 'UserId must be a positive integer' };
  if (request.ActiveFlag !== 0 && request.ActiveFlag !== 1)
    return { code: ErrorCodes.FLAG_INVALID, message: 'ActiveFlag must be 0 or 1' };
  if (request.SystemDeleteFlag !== 0 && request.SystemDeleteFlag !== 1)
    return { code: ErrorCodes.FLAG_INVALID, message: 'SystemDeleteFlag must be 0 or 1' };

  try {
    const user = repo.find(userId);
    if (user === null)
      return { code: ErrorCodes.USER_NOT_FOUND, message: 'User not found' };
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (e) {
    return { code: ErrorCodes.UNKNOWN, message: e.message };
  }
  return { code: ErrorCodes.OK, message: 'success' };
}

module.exports = { updateUserFlags };
