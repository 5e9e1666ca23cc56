using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private class UserNotFoundException : Exception
    {
        public UserNotFoundException(long id) : base("User " + id + " does not exist") { }
    }

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        ApiResult invalid = Validate(request);
        if (invalid != null)
        {
            return invalid;
        }

        long userId = Convert.ToInt64(request["UserId"]);
        object activeFlag = request["ActiveFlag"];
        object systemDeleteFlag = request["SystemDeleteFlag"];

        try
        {
            var user = repo.Find(userId);
            if (user == null)
            {
                throw new UserNotFoundException(userId);
            }
            user["ActiveFlag"] = activeFlag;
            user["SystemDeleteFlag"] = systemDeleteFlag;
            repo.Save(user);
            return new ApiResult(0, "OK");
        }
        catch (UserNotFoundException e)
        {
            return new ApiResult(50004, e.Message);
        }
        catch (Exception e)
        {
            return new ApiResult(50000, e.Message);
        }
    }

    private static ApiResult Validate(Dictionary<string, object> request)
    {
        object userId;
        if (!request.TryGetValue("UserId", out userId) || userId == null || Equals(userId, string.Empty))
        {
            return new ApiResult(50001, "UserId is required");
        }
        bool positive = (userId is int && (int)userId > 0) || (userId is long && (long)userId > 0);
        if (!positive)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        if (!IsZeroOrOne(request, "ActiveFlag"))
        {
            return new ApiResult(50003, "ActiveFlag must be 0 or 1");
        }
        if (!IsZeroOrOne(request, "SystemDeleteFlag"))
        {
            return new ApiResult(50003, "SystemDeleteFlag must be 0 or 1");
        }
        return null;
    }

    private static bool IsZeroOrOne(Dictionary<string, object> request, string key)
    {
        object v;
        if (!request.TryGetValue(key, out v))
        {
            return false;
        }
        if (v is int)
        {
            return (int)v == 0 || (int)v == 1;
        }
        if (v is long)
        {
            return (long)v == 0 || (long)v == 1;
        }
        return false;
    }
}
