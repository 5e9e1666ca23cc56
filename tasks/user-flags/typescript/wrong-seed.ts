// The seed's observed mistakes: no parameter validation, and 50003 returned from the catch.
interface UserRepository {
  find(userId: number): any;
  save(user: any): void;
}

export function updateUserFlags(request: any, repo: UserRepository): { code: number; message: string } {
  try {
    const user = repo.find(request.UserId);
    if (!user) {
      return { code: 50004, message: 'User not found' };
    }
    user.ActiveFlag = request.ActiveFlag;
    user.SystemDeleteFlag = request.SystemDeleteFlag;
    repo.save(user);
    return { code: 0, message: 'OK' };
  } catch (e: any) {
    return { code: 50003, message: e.message };
  }
}
