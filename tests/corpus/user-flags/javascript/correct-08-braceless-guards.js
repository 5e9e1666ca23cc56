const ok = (message = 'success') => ({ code: 0, message });
const fail = (code, message) => ({ code, message });

function updateUserFlags(request, repo) {
  const id = request.UserId;
  const active = request.ActiveFlag;
  const deleted = request.SystemDeleteFlag;

  if (id === undefined || id === null || id === '') return fail(50001, 'UserId is required');
  if (!Number.isInteger(id) || id <= 0) return fail(50002, 'UserId must be a positive integer');
  if (active !== 0 && active !== 1) return fail(50003, 'ActiveFlag must be 0 or 1');
  if (deleted !== 0 && deleted !== 1) return fail(50003, 'SystemDeleteFlag must be 0 or 1');

  try {
    const user = repo.find(id);
    if (user == null) return fail(50004, 'User not found');
    user.ActiveFlag = active;
    user.SystemDeleteFlag = deleted;
    repo.save(user);
    return ok();
  } catch (e) {
    return fail(50000, e.message);
  }
}

module.exports = { updateUserFlags };
