'use strict';

const ErrorCode = Object.freeze({
  OK: 0,
  INTERNAL: 50000,
  USER_ID_REQUIRED: 50001,
  USER_ID_INVALID: 50002,
  FLAG_INVALID: 50003,
  USER_NOT_FOUND: 50004,
});

const result = (code, message) => ({ code, message });

function updateUserFlags(request, repo) {
  const { UserId: userId, ActiveFlag: activeFlag, SystemDeleteFlag: systemDeleteFlag } = request;

  if (userId === undefined || userId === null || userId === '') {
    return result(ErrorCode.USER_ID_REQUIRED, 'UserId is missing or empty');
  }
  if (!Number.isInteger(userId) || userId <= 0) {
    return result(ErrorCode.USER_ID_INVALID, 'UserId is not a positive integer');
  }
  if (![0, 1].includes(activeFlag) || ![0, 1].includes(systemDeleteFlag)) {
    return result(ErrorCode.FLAG_INVALID, 'ActiveFlag and SystemDeleteFlag must be 0 or 1');
  }

  try {
    const user = repo.find(userId);
    if (user === null || user === undefined) {
      return result(ErrorCode.USER_NOT_FOUND, `User ${userId} not found`);
    }
    user.ActiveFlag = activeFlag;
    user.SystemDeleteFlag = systemDeleteFlag;
    repo.save(user);
    return result(ErrorCode.OK, 'OK');
  } catch (error) {
    return result(ErrorCode.INTERNAL, error instanceof Error ? error.message : String(error));
  }
}

module.exports = { updateUserFlags };
