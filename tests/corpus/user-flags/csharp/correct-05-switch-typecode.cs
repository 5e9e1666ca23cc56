using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object rawId;
        request.TryGetValue("UserId", out rawId);
        if (rawId == null)
        {
            return new ApiResult(50001, "UserId is required");
        }

        long userId;
        switch (Type.GetTypeCode(rawId.GetType()))
        {
            case TypeCode.String:
                if (((string)rawId).Length == 0)
                {
                    return new ApiResult(50001, "UserId is required");
                }
                return new ApiResult(50002, "UserId must be a positive integer");
            case TypeCode.Int32:
                userId = (int)rawId;
                break;
            case TypeCode.Int64:
                userId = (long)rawId;
                break;
            default:
                return new ApiResult(50002, "UserId must be a positive integer");
        }
        if (userId <= 0)
        {
            return new ApiResult(50002, "UserId must be a positive integer");
        }

        object active, deleted;
        request.TryGetValue("ActiveFlag", out active);
        request.TryGetValue("SystemDeleteFlag", out deleted);
        if (!IsFlag(active) || !IsFlag(deleted))
        {
            return new ApiResult(50003, "Invalid flag value");
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
            return new ApiResult(0, "success");
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
    }

    private static bool IsFlag(object value)
    {
        if (value == null)
        {
            return false;
        }
        switch (Type.GetTypeCode(value.GetType()))
        {
            case TypeCode.Int32:
                return (int)value == 0 || (int)value == 1;
            case TypeCode.Int64:
                return (long)value == 0L || (long)value == 1L;
            default:
                return false;
        }
    }
}
