// mistake: the catch block returns the validation code 50003 instead of 50000 when the update throws.
const FLAGS = ['ActiveFlag', 'SystemDeleteFlag'];

function updateUserFlags(request, repo) {
  const userId = request.UserId;
  if (userId === undefined || userId === null || userId === '') {
    return { code: 50001, message: 'UserId is missing' };
  }
  if (typeof userId !== 'number' || !Number.isInteger(userId) || userId < 1) {
    return { code: 50002, message: 'UserId must be a positive integer' };
  }
  for (const flag of FLAGS) {
    if (request[flag] !== 0 && request[flag] !== 1) {
      return { code: 50003, message: `${flag} must be 0 or 1` };
    }
  }

  try {
    const user = repo.find(userId);
    if (user == null) {
      return { code: 50004, message: 'User not found' };
    }
    for (const flag of FLAGS) {
      user[flag] = request[flag];
    }
    repo.save(user);
  } catch (err) {
    return { code: 50003, message: err.message };
  }
  return { code: 0, message: 'success' };
}

module.exports = { updateUserFlags };
