using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object userIdValue = GetValue(request, "UserId");
        if (IsMissing(userIdValue))
        {
            return new ApiResult(50001, "UserId is required");
        }
        long userId;
        if (!TryGetPositiveId(userIdValue, out userId))
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        object activeFlag = GetValue(request, "ActiveFlag");
        object systemDeleteFlag = GetValue(request, "SystemDeleteFlag");
        if (!IsZeroOrOne(activeFlag) || !IsZeroOrOne(systemDeleteFlag))
        {
            return new ApiResult(50003, "ActiveFlag and SystemDeleteFlag must be 0 or 1");
        }

        try
        {
            Dictionary<string, object> user = repo.Find(userId);
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            user["ActiveFlag"] = activeFlag;
            user["SystemDeleteFlag"] = systemDeleteFlag;
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }

    private static object GetValue(Dictionary<string, object> request, string key)
    {
        object value;
        return request.TryGetValue(key, out value) ? value : null;
    }

    private static bool IsMissing(object value)
    {
        return value == null || (value is string && (string)value == "");
    }

    private static bool TryGetPositiveId(object value, out long id)
    {
        id = 0;
        if (value is int)
        {
            id = (int)value;
        }
        else if (value is long)
        {
            id = (long)value;
        }
        else
        {
            return false;
        }
        return id > 0;
    }

    private static bool IsZeroOrOne(object value)
    {
        if (value is int)
        {
            int v = (int)value;
            return v == 0 || v == 1;
        }
        if (value is long)
        {
            long v = (long)value;
            return v == 0 || v == 1;
        }
        return false;
    }
}
