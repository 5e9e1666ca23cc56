// mistake: UserId is accepted for any numeric type and converted with Convert.ToInt64, so a double 2.5 passes instead of returning 50002.
using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object rawId;
        request.TryGetValue("UserId", out rawId);
        if (rawId == null || Equals(rawId, ""))
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(rawId is int || rawId is long || rawId is double || rawId is float || rawId is decimal))
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        long userId = Convert.ToInt64(rawId);
        if (userId <= 0)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }

        object active, deleted;
        request.TryGetValue("ActiveFlag", out active);
        request.TryGetValue("SystemDeleteFlag", out deleted);
        if (!IsFlag(active) || !IsFlag(deleted))
        {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }

        try
        {
            var user = repo.Find(userId);
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
