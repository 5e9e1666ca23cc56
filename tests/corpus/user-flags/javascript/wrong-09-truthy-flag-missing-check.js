// mistake: missing flags are detected with !request.ActiveFlag / !request.SystemDeleteFlag, so a valid 0 is rejected with 50003.
function updateUserFlags(request, repo) {
  const { UserId, ActiveFlag, SystemDeleteFlag } = request;

  if (UserId === undefined || UserId === null || UserId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (!Number.isInteger(UserId) || UserId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  if (!ActiveFlag || !SystemDeleteFlag) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag are required' };
  }
  if (![0, 1].includes(ActiveFlag) || ![0, 1].includes(SystemDeleteFlag)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(UserId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = ActiveFlag;
    user.SystemDeleteFlag = SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err.message };
  }
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
