const validators = [
  (req) => (req.UserId === undefined || req.UserId === null || req.UserId === ''
    ? { code: 50001, message: 'UserId is missing or empty' }
    : null),
  (req) => (Number.isInteger(req.UserId) && req.UserId > 0
    ? null
    : { code: 50002, message: 'UserId must be a positive integer' }),
  (req) => (['ActiveFlag', 'SystemDeleteFlag'].every((k) => req[k] === 0 || req[k] === 1)
    ? null
    : { code: 50003, message: 'ActiveFlag and SystemDeleteFlag must be 0 or 1' }),
];

function updateUserFlags(request, repo) {
  const error = validators.reduce((found, validate) => found || validate(request), null);
  if (error) {
    return error;
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
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
