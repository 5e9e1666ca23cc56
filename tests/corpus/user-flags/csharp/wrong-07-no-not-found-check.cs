// mistake: the null result of Find is never checked, so a missing user ends in 50000 (NullReferenceException) instead of 50004.
using System;
using System.Collections.Generic;
using System.Linq;

public class UserFlagsService
{
    private static readonly string[] Flags = { "ActiveFlag", "SystemDeleteFlag" };

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object id = request.ContainsKey("UserId") ? request["UserId"] : null;
        if (id == null || id as string == "")
        {
            return new ApiResult(50001, "UserId is required");
        }
        if (!IsInteger(id) || Convert.ToInt64(id) <= 0)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }

        bool flagsValid = Flags
            .Select(f => request.ContainsKey(f) ? request[f] : null)
            .All(v => IsInteger(v) && (Convert.ToInt64(v) == 0 || Convert.ToInt64(v) == 1));
        if (!flagsValid)
        {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }

        try
        {
            var user = repo.Find(Convert.ToInt64(id));
            foreach (var f in Flags)
            {
                user[f] = request[f];
            }
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }

    private static bool IsInteger(object v) => v is int || v is long;
}
