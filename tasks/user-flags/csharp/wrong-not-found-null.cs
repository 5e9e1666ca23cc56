using System;
using System.Collections.Generic;

// Validates correctly but never checks for a missing user: the null user throws inside the try
// and an unknown user comes back as 50000.
public static class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object id;
        if (!request.TryGetValue("UserId", out id) || id == null || (id as string) == "")
            return new ApiResult(50001, "UserId is required");
        if (!(id is int) || (int)id <= 0)
            return new ApiResult(50002, "UserId must be a positive integer");
        object a, d;
        request.TryGetValue("ActiveFlag", out a);
        request.TryGetValue("SystemDeleteFlag", out d);
        if (!(a is int) || !(d is int) || ((int)a != 0 && (int)a != 1) || ((int)d != 0 && (int)d != 1))
            return new ApiResult(50003, "Flags must be 0 or 1");
        try
        {
            var user = repo.Find((int)id);
            user["ActiveFlag"] = a;
            user["SystemDeleteFlag"] = d;
            repo.Save(user);
            return new ApiResult(0, "OK");
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
    }
}
