// mistake: the validation checks are written inside the try block instead of before it.
function updateUserFlags(request, repo) {
  try {
    const userId = request.UserId;
    if (userId === undefined || userId === null || userId === '') {
      return { code: 50001, message: 'UserId is required' };
    }
    if (!Number.isInteger(userId) || userId <= 0) {
      return { code: 50002, message: 'UserId must be a positive integer' };
    }
    const { ActiveFlag, SystemDeleteFlag } = request;
    if (![0, 1].includes(ActiveFlag) || ![0, 1].includes(SystemDeleteFlag)) {
      return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
    }

    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = ActiveFlag;
    user.SystemDeleteFlag = SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'success' };
  } catch (error) {
    return { code: 50000, message: error.message };
  }
}

module.exports = { updateUserFlags };
