using System;
using System.Collections.Generic;

public enum UserFlagsError
{
    None = 0,
    UpdateFailed = 50000,
    MissingUserId = 50001,
    InvalidUserId = 50002,
    InvalidFlag = 50003,
    UserNotFound = 50004
}

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object id;
        if (!request.TryGetValue("UserId", out id) || id == null || (id as string) == "")
        {
            return Result(UserFlagsError.MissingUserId, "UserId is required");
        }
        if (!(id is int || id is long) || Convert.ToInt64(id) <= 0)
        {
            return Result(UserFlagsError.InvalidUserId, "UserId must be a positive integer");
        }

        object active, sysDelete;
        request.TryGetValue("ActiveFlag", out active);
        request.TryGetValue("SystemDeleteFlag", out sysDelete);
        if (!IsBit(active) || !IsBit(sysDelete))
        {
            return Result(UserFlagsError.InvalidFlag, "Flags must be 0 or 1");
        }

        try
        {
            var user = repo.Find(Convert.ToInt64(id));
            if (user == null)
            {
                return Result(UserFlagsError.UserNotFound, "User not found");
            }
            user["ActiveFlag"] = active;
            user["SystemDeleteFlag"] = sysDelete;
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return Result(UserFlagsError.UpdateFailed, ex.Message);
        }
        return Result(UserFlagsError.None, "OK");
    }

    private static ApiResult Result(UserFlagsError error, string message)
    {
        return new ApiResult((int)error, message);
    }

    private static bool IsBit(object o)
    {
        if (!(o is int) && !(o is long))
        {
            return false;
        }
        long v = Convert.ToInt64(o);
        return v == 0 || v == 1;
    }
}
