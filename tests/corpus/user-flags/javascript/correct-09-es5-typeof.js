'use strict';

function updateUserFlags(request, repo) {
  var userId = request.UserId;
  var activeFlag = request.ActiveFlag;
  var systemDeleteFlag = request.SystemDeleteFlag;

  if (typeof userId === 'undefined' || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is required' };
  }

  if (typeof userId !== 'number' || !isFinite(userId) || Math.floor(userId) !== userId || userId <= 0) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }

  if ((activeFlag !== 0 && activeFlag !== 1) ||
      (systemDeleteFlag !== 0 && systemDeleteFlag !== 1)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  var user;
  try {
    user = repo.find(userId);
    if (user === null || typeof user === 'undefined') {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
  } catch (e) {
    return { code: 50000, message: e.message };
  }

  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags: updateUserFlags };
