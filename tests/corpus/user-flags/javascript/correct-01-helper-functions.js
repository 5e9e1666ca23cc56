function isEmpty(value) {
  return value === undefined || value === null || value === '';
}

function isPositiveInteger(value) {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isFlag(value) {
  return value === 0 || value === 1;
}

function updateUserFlags(request, repo) {
  const userId = request.UserId;
  const activeFlag = request.ActiveFlag;
  const systemDeleteFlag = request.SystemDeleteFlag;

  if (isEmpty(userId)) {
    return { code: 50001, message: 'UserId is required' };
  }
  if (!isPositiveInteger(userId)) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  if (!isFlag(activeFlag) || !isFlag(systemDeleteFlag)) {
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
