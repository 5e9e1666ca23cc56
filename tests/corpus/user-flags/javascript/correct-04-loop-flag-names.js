const FLAG_NAMES = ['ActiveFlag', 'SystemDeleteFlag'];

function updateUserFlags(request, repo) {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is missing' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId < 1) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }

  const flags = {};
  for (const name of FLAG_NAMES) {
    const value = request[name];
    if (value !== 0 && value !== 1) {
      return { code: 50003, message: `${name} must be 0 or 1` };
    }
    flags[name] = value;
  }

  try {
    const user = repo.find(userId);
    if (user === null) {
      return { code: 50004, message: 'user not found' };
    }
    for (const name of FLAG_NAMES) {
      user[name] = flags[name];
    }
    repo.save(user);
  } catch (err) {
    return { code: 50000, message: err.message };
  }
  return { code: 0, message: 'ok' };
}

module.exports = { updateUserFlags };
