// mistake: the codes 50001 and 50002 are swapped, so a missing UserId returns 50002 and a non-integer one returns 50001.
const Codes = Object.freeze({
  SUCCESS: 0,
  SERVER_ERROR: 50000,
  INVALID_USER_ID: 50001,
  MISSING_USER_ID: 50002,
  INVALID_FLAG: 50003,
  NOT_FOUND: 50004,
});

function updateUserFlags(request, repo) {
  const { UserId, ActiveFlag, SystemDeleteFlag } = request;

  if (UserId === undefined || UserId === null || UserId === '') {
    return { code: Codes.MISSING_USER_ID, message: 'UserId is required' };
  }
  if (!Number.isInteger(UserId) || UserId <= 0) {
    return { code: Codes.INVALID_USER_ID, message: 'UserId must be a positive integer' };
  }
  if ((ActiveFlag !== 0 && ActiveFlag !== 1) || (SystemDeleteFlag !== 0 && SystemDeleteFlag !== 1)) {
    return { code: Codes.INVALID_FLAG, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(UserId);
    if (!user) {
      return { code: Codes.NOT_FOUND, message: 'User not found' };
    }
    user.ActiveFlag = ActiveFlag;
    user.SystemDeleteFlag = SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: Codes.SERVER_ERROR, message: err.message };
  }
  return { code: Codes.SUCCESS, message: 'success' };
}

module.exports = { updateUserFlags };
