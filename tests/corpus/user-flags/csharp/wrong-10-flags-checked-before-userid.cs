// mistake: the flags are validated before UserId, so a request with a bad UserId and a bad flag returns 50003 instead of 50001/50002.
using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userId, active, deleted;
        request.TryGetValue("UserId", out userId);
        request.TryGetValue("ActiveFlag", out active);
        request.TryGetValue("SystemDeleteFlag", out deleted);

        if (!IsFlag(active) || !IsFlag(deleted))
        {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }
        if (userId == null || Equals(userId, ""))
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId is int || userId is long) || Convert.ToInt64(userId) <= 0)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }

        try
        {
            var user = repo.Find(Convert.ToInt64(userId));
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            user["ActiveFlag"] = active;
            user["SystemDeleteFlag"] = deleted;
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }

    private static bool IsFlag(object v)
    {
        if (v is int) return (int)v == 0 || (int)v == 1;
        if (v is long) return (long)v == 0 || (long)v == 1;
        return false;
    }
}
