class UserFlagsService {
  constructor(repo) {
    this.repo = repo;
  }

  static validate(request) {
    const userId = request.UserId;
    if (userId === undefined || userId === null || userId === '') {
      return { code: 50001, message: 'UserId is required' };
    }
    if (typeof userId !== 'number' || !Number.isInteger(userId) || userId <= 0) {
      return { code: 50002, message: 'UserId must be a positive integer' };
    }
    for (const key of ['ActiveFlag', 'SystemDeleteFlag']) {
      if (request[key] !== 0 && request[key] !== 1) {
        return { code: 50003, message: `${key} must be 0 or 1` };
      }
    }
    return null;
  }

  update(request) {
    const invalid = UserFlagsService.validate(request);
    if (invalid) {
      return invalid;
    }

    try {
      const user = this.repo.find(request.UserId);
      if (user === null) {
        return { code: 50004, message: 'User not found' };
      }
      user.ActiveFlag = request.ActiveFlag;
      user.SystemDeleteFlag = request.SystemDeleteFlag;
      this.repo.save(user);
    } catch (error) {
      return { code: 50000, message: error.message };
    }
    return { code: 0, message: 'success' };
  }
}

function updateUserFlags(request, repo) {
  return new UserFlagsService(repo).update(request);
}

module.exports = { updateUserFlags };
