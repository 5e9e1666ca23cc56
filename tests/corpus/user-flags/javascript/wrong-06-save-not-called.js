// mistake: the flags are set on the user object but repo.save(user) is never called.
class UserFlagsHandler {
  constructor(repo) {
    this.repo = repo;
  }

  handle(request) {
    const { UserId, ActiveFlag, SystemDeleteFlag } = request;
    if (UserId === undefined || UserId === null || UserId === '') {
      return { code: 50001, message: 'UserId is required' };
    }
    if (!Number.isInteger(UserId) || UserId <= 0) {
      return { code: 50002, message: 'UserId must be a positive integer' };
    }
    if (![0, 1].includes(ActiveFlag) || ![0, 1].includes(SystemDeleteFlag)) {
      return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
    }

    try {
      const user = this.repo.find(UserId);
      if (!user) {
        return { code: 50004, message: 'User not found' };
      }
      user.ActiveFlag = ActiveFlag;
      user.SystemDeleteFlag = SystemDeleteFlag;
      return { code: 0, message: 'success' };
    } catch (err) {
      return { code: 50000, message: err.message };
    }
  }
}

function updateUserFlags(request, repo) {
  return new UserFlagsHandler(repo).handle(request);
}

module.exports = { updateUserFlags };
