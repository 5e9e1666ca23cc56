// mistake: the id is read from request.userId instead of request.UserId, so every request is rejected with 50001.
function isFlag(value) {
  return value === 0 || value === 1;
}

function updateUserFlags(request, repo) {
  const userId = request.userId;
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;

  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (!Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  if (!isFlag(activeFlag) || !isFlag(systemDeleteFlag)) {
    return { code: 50003, message: 'Invalid flag value' };
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
