// mistake: the flags are compared with == instead of ===, so values like "1", "0", true and false pass validation.
const isValidFlag = (flag) => flag == 0 || flag == 1;

function updateUserFlags(request, repo) {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  if (request.ActiveFlag === undefined || request.SystemDeleteFlag === undefined) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag are required' };
  }
  if (!isValidFlag(request.ActiveFlag) || !isValidFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err.message };
  }
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
