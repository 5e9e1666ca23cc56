// mistake: the catch block swallows the exception and still returns success code 0.
using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private const int Ok = 0;
    private const int MissingUserId = 50001;
    private const int InvalidUserId = 50002;
    private const int InvalidFlag = 50003;
    private const int NotFound = 50004;

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userId;
        request.TryGetValue("UserId", out userId);
        if (userId == null || Equals(userId, ""))
            return new ApiResult(MissingUserId, "UserId is required");
        if (!(userId is int || userId is long) || Convert.ToInt64(userId) <= 0)
            return new ApiResult(InvalidUserId, "UserId must be a positive integer");

        object active, deleted;
        request.TryGetValue("ActiveFlag", out active);
        request.TryGetValue("SystemDeleteFlag", out deleted);
        if (!IsFlag(active) || !IsFlag(deleted))
            return new ApiResult(InvalidFlag, "Flags must be 0 or 1");

        try
        {
            var user = repo.Find(Convert.ToInt64(userId));
            if (user == null)
                return new ApiResult(NotFound, "User not found");
            user["ActiveFlag"] = active;
            user["SystemDeleteFlag"] = deleted;
            repo.Save(user);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("UpdateUserFlags failed: " + ex.Message);
        }
        return new ApiResult(Ok, "OK");
    }

    private static bool IsFlag(object v)
    {
        if (v is int) return (int)v == 0 || (int)v == 1;
        if (v is long) return (long)v == 0 || (long)v == 1;
        return false;
    }
}
