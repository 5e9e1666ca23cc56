function checkUserId(userId) {
  switch (true) {
    case userId === undefined:
    case userId === null:
    case userId === '':
      return { code: 50001, message: 'UserId is required' };
    case typeof userId !== 'number':
    case !Number.isInteger(userId):
    case userId <= 0:
      return { code: 50002, message: 'UserId must be a positive integer' };
    default:
      return null;
  }
}

function isValidFlag(flag) {
  switch (flag) {
    case 0:
    case 1:
      return true;
    default:
      return false;
  }
}

function updateUserFlags(request, repo) {
  const userIdError = checkUserId(request.UserId);
  if (userIdError) {
    return userIdError;
  }
  if (!isValidFlag(request.ActiveFlag) || !isValidFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(request.UserId);
    if (user == null) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (e) {
    return { code: 50000, message: e.message };
  }
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
