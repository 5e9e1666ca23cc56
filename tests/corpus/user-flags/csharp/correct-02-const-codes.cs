using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private const int Success = 0;
    private const int UpdateFailed = 50000;
    private const int UserIdRequired = 50001;
    private const int UserIdInvalid = 50002;
    private const int FlagInvalid = 50003;
    private const int UserNotFound = 50004;

    private const string UserIdKey = "UserId";
    private const string ActiveFlagKey = "ActiveFlag";
    private const string SystemDeleteFlagKey = "SystemDeleteFlag";

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        object rawId;
        request.TryGetValue(UserIdKey, out rawId);
        if (rawId == null || Equals(rawId, ""))
        {
            return new ApiResult(UserIdRequired, "UserId is missing");
        }

        long userId;
        if (rawId is int)
            userId = (int)rawId;
        else if (rawId is long)
            userId = (long)rawId;
        else
            return new ApiResult(UserIdInvalid, "UserId is not an integer");

        if (userId <= 0)
        {
            return new ApiResult(UserIdInvalid, "UserId must be positive");
        }

        object active, deleted;
        request.TryGetValue(ActiveFlagKey, out active);
        request.TryGetValue(SystemDeleteFlagKey, out deleted);
        if (!IsValidFlag(active))
        {
            return new ApiResult(FlagInvalid, "ActiveFlag must be 0 or 1");
        }
        if (!IsValidFlag(deleted))
        {
            return new ApiResult(FlagInvalid, "SystemDeleteFlag must be 0 or 1");
        }

        try
        {
            var user = repo.Find(userId);
            if (user == null)
            {
                return new ApiResult(UserNotFound, "User " + userId + " not found");
            }
            user[ActiveFlagKey] = active;
            user[SystemDeleteFlagKey] = deleted;
            repo.Save(user);
            return new ApiResult(Success, "success");
        }
        catch (Exception e)
        {
            return new ApiResult(UpdateFailed, e.Message);
        }
    }

    private static bool IsValidFlag(object flag)
    {
        if (flag is int)
        {
            var v = (int)flag;
            return v == 0 || v == 1;
        }
        if (flag is long)
        {
            var v = (long)flag;
            return v == 0L || v == 1L;
        }
        return false;
    }
}
