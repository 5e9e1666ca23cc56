// mistake: flags are checked with Convert.ToInt32, so a double 1.0, a string "1" or a bool true is accepted as a valid flag.
using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userId;
        request.TryGetValue("UserId", out userId);
        if (userId == null || Equals(userId, ""))
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId is int || userId is long) || Convert.ToInt64(userId) <= 0)
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
        if (v == null)
        {
            return false;
        }
        try
        {
            int n = Convert.ToInt32(v);
            return n == 0 || n == 1;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (InvalidCastException)
        {
            return false;
        }
    }
}
