// mistake: the flag check only tests that the value is an int or long, so a flag of 2 or -1 is accepted.
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
        if (id <= 0)
        {
            return new ApiResult(50002, "UserId must be greater than 0");
        }

        foreach (var name in FlagNames)
        {
            object value;
            if (!request.TryGetValue(name, out value) || !(value is int || value is long))
            {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
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
                user[name] = request[name];
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
