using System;
using System.Collections.Generic;

public static class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userId;
        request.TryGetValue("UserId", out userId);
        if (userId == null || (userId is string s && s.Length == 0))
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId is int || userId is long) || Convert.ToInt64(userId) <= 0)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        foreach (var flag in new[] { "ActiveFlag", "SystemDeleteFlag" })
        {
            object value;
            request.TryGetValue(flag, out value);
            if (!IsZeroOrOne(value))
            {
                return new ApiResult(50003, flag + " must be 0 or 1");
            }
        }

        try
        {
            var user = repo.Find(Convert.ToInt64(userId));
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            user["ActiveFlag"] = Convert.ToInt32(request["ActiveFlag"]);
            user["SystemDeleteFlag"] = Convert.ToInt32(request["SystemDeleteFlag"]);
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }

    private static bool IsZeroOrOne(object value)
    {
        if (!(value is int || value is long))
        {
            return false;
        }
        var n = Convert.ToInt64(value);
        return n == 0 || n == 1;
    }
}
