// The seed's observed mistakes: no parameter validation, and 50003 returned from the catch.
function updateUserFlags(request, repo) {
  try {
    const user = repo.find(request.UserId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'OK' };
  } catch (e) {
    return { code: 50003, message: e.message };
  }
}

module.exports = { updateUserFlags };
