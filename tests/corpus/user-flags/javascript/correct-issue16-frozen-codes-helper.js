const Codes = Object.freeze({
  OK: 0,
  FAILED: 50000,
  MISSING_ID: 50001,
  BAD_ID: 50002,
  BAD_FLAG: 50003,
  NO_USER: 50004,
});

function fail(code, message) {
  return { code, message };
}

function checkRequest(req) {
  if (!req || req.UserId === undefined || req.UserId === null || req.UserId === '')
    return fail(Codes.MISSING_ID, 'UserId is required');
  if (typeof req.UserId !== 'number' || !Number.isInteger(req.UserId) || req.UserId <= 0)
    return fail(Codes.BAD_ID, 'UserId must be a positive integer');
  if (req.ActiveFlag !== 0 && req.ActiveFlag !== 1) return fail(Codes.BAD_FLAG, 'bad ActiveFlag');
  if (req.SystemDeleteFlag !== 0 && req.SystemDeleteFlag !== 1)
    return fail(Codes.BAD_FLAG, 'bad SystemDeleteFlag');
  return null;
}

function updateUserFlags(request, repo) {
  const problem = checkRequest(request);
  if (problem) return problem;
  try {
    const user = repo.find(request.UserId);
    if (!user) return fail(Codes.NO_USER, 'User not found');
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return fail(Codes.OK, 'OK');
  } catch (err) {
    return fail(Codes.FAILED, err.message);
  }
}

module.exports = { updateUserFlags };
