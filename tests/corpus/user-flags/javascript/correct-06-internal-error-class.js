class UserNotFoundError extends Error {
  constructor(userId) {
    super(`User ${userId} not found`);
    this.name = 'UserNotFoundError';
  }
}

function updateUserFlags(request, repo) {
  const { UserId, ActiveFlag, SystemDeleteFlag } = request;

  if (UserId == null || UserId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (!Number.isInteger(UserId) || UserId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  const validFlag = (f) => f === 0 || f === 1;
  if (!validFlag(ActiveFlag) || !validFlag(SystemDeleteFlag)) {
    return { code: 50003, message: 'Invalid ActiveFlag or SystemDeleteFlag' };
  }

  try {
    const user = repo.find(UserId);
    if (user === null || user === undefined) {
      throw new UserNotFoundError(UserId);
    }
    Object.assign(user, { ActiveFlag, SystemDeleteFlag });
    repo.save(user);
    return { code: 0, message: 'updated' };
  } catch (err) {
    if (err instanceof UserNotFoundError) {
      return { code: 50004, message: err.message };
    }
    return { code: 50000, message: err && err.message !== undefined ? String(err.message) : String(err) };
  }
}

module.exports = { updateUserFlags };
