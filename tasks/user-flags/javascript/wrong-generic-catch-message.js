// Validates correctly, but validates inside the try and hides the repository's error text.
function updateUserFlags(request, repo) {
  try {
    const { UserId, ActiveFlag, SystemDeleteFlag } = request;
    if (UserId === undefined || UserId === null || UserId === '') {
      return { code: 50001, message: 'UserId is required' };
    }
    if (!Number.isInteger(UserId) || UserId <= 0) {
      return { code: 50002, message: 'UserId must be a positive integer' };
    }
    if (![0, 1].includes(ActiveFlag) || ![0, 1].includes(SystemDeleteFlag)) {
      return { code: 50003, message: 'Invalid flag value' };
    }
    const user = repo.find(UserId);
    if (user == null) {
      return { code: 50004, message: 'User not found' };
    }
    repo.save({ ...user, ActiveFlag, SystemDeleteFlag });
    return { code: 0, message: 'Success' };
  } catch (error) {
    return { code: 50000, message: 'Internal server error' };
  }
}

module.exports = { updateUserFlags };
