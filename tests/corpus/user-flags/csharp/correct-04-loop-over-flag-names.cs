using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private static readonly string[] FlagNames = { "ActiveFlag", "SystemDeleteFlag" };

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userId;
        request.TryGetValue("UserId", out userId);
        if (userId == null || "".Equals(userId))
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId is int) && !(userId is long))
        {
            return new ApiResult(50002, "UserId must be an integer");
        }
        long id = Convert.ToInt64(userId);
        if (id < 1)
        {
            return new ApiResult(50002, "UserId must be greater than 0");
        }

        var flags = new Dictionary<string, object>();
        foreach (var name in FlagNames)
        {
            object value;
            if (!request.TryGetValue(name, out value) || !(value is int || value is long))
            {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
            long n = Convert.ToInt64(value);
            if (n != 0 && n != 1)
            {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
            flags[name] = value;
        }

        try
        {
            var user = repo.Find(id);
            if (user == null)
            {
                return new ApiResult(50004, "No user with id " + id);
            }
            foreach (var name in FlagNames)
            {
                user[name] = flags[name];
            }
            repo.Save(user);
        }
        catch (Exception e)
        {
            return new ApiResult(50000, e.Message);
        }
        return new ApiResult(0, "Flags updated");
    }
}
