using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private static readonly Func<object, bool> IsBit = v =>
        (v is int && ((int)v == 0 || (int)v == 1)) ||
        (v is long && ((long)v == 0L || (long)v == 1L));

    private static readonly List<KeyValuePair<string, Func<object, bool>>> FlagRules =
        new List<KeyValuePair<string, Func<object, bool>>>
        {
            new KeyValuePair<string, Func<object, bool>>("ActiveFlag", IsBit),
            new KeyValuePair<string, Func<object, bool>>("SystemDeleteFlag", IsBit)
        };

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
        foreach (var rule in FlagRules)
        {
            object value;
            request.TryGetValue(rule.Key, out value);
            if (!rule.Value(value))
            {
                return new ApiResult(50003, rule.Key + " must be 0 or 1");
            }
        }

        try
        {
            var user = repo.Find(Convert.ToInt64(userId));
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            foreach (var rule in FlagRules)
            {
                user[rule.Key] = request[rule.Key];
            }
            repo.Save(user);
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
        return new ApiResult(0, "OK");
    }
}
