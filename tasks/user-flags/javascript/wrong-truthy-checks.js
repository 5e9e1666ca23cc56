// Truthiness checks: a flag of 0 is rejected, "5" passes as a user id, and string flags slip through.
function updateUserFlags(request, repo) {
  if (!request.UserId) {
    return { code: 50001, message: 'UserId is required' };
  }
  if (isNaN(request.UserId) || request.UserId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  if (!request.ActiveFlag || !request.SystemDeleteFlag) {
    return { code: 50003, message: 'Flags are required' };
  }
  try {
    const user = repo.find(request.UserId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err.message };
  }
  return { code: 0, message: 'OK' };
}

module.exports = { updateUserFlags };
