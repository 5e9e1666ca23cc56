// mistake: the result of repo.find is never checked for null, so an unknown user produces a TypeError reported as 50000 instead of 50004.
const isEmpty = (v) => v === undefined || v === null || v === '';
const isPositiveInt = (v) => Number.isInteger(v) && v > 0;
const isFlag = (v) => v === 0 || v === 1;

function updateUserFlags(request, repo) {
  if (isEmpty(request.UserId)) return { code: 50001, message: 'UserId is required' };
  if (!isPositiveInt(request.UserId)) return { code: 50002, message: 'UserId must be a positive integer' };
  if (!isFlag(request.ActiveFlag) || !isFlag(request.SystemDeleteFlag)) {
    return { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' };
  }

  try {
    const user = repo.find(request.UserId);
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'success' };
  } catch (e) {
    return { code: 50000, message: e.message };
  }
}

module.exports = { updateUserFlags };
