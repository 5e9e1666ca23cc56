function updateUserFlags(request, repo) {
  const userId = request ? request.UserId : undefined;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  for (const flag of ['ActiveFlag', 'SystemDeleteFlag']) {
    const value = request[flag];
    if (value !== 0 && value !== 1) {
      return { code: 50003, message: `${flag} must be 0 or 1` };
    }
  }

  try {
    const user = repo.find(userId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (error) {
    return { code: 50000, message: error && error.message ? error.message : String(error) };
  }
  return { code: 0, message: 'OK' };
}

module.exports = { updateUserFlags };
