// mistake: UserId is passed through Number() before the integer check, so strings like "5" (and true) are accepted instead of returning 50002.
function updateUserFlags(request, repo) {
  const raw = request.UserId;
  if (raw === undefined || raw === null || raw === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  const userId = Number(raw);
  if (!Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }

  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;
  if ((activeFlag !== 0 && activeFlag !== 1) || (systemDeleteFlag !== 0 && systemDeleteFlag !== 1)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(userId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err.message };
  }
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
