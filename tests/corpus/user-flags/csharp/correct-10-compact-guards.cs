using System;
using System.Collections.Generic;

public class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        var id = Get(request, "UserId");
        var active = Get(request, "ActiveFlag");
        var deleted = Get(request, "SystemDeleteFlag");

        if (id == null || id as string == "") return new ApiResult(50001, "missing UserId");
        if (!(id is int) && !(id is long)) return new ApiResult(50002, "invalid UserId");
        var userId = Convert.ToInt64(id);
        if (userId <= 0) return new ApiResult(50002, "invalid UserId");
        if (!Bit(active) || !Bit(deleted)) return new ApiResult(50003, "invalid flag");

        try
        {
            var user = repo.Find(userId);
            if (user == null) return new ApiResult(50004, "user not found");
            user["ActiveFlag"] = active;
            user["SystemDeleteFlag"] = deleted;
            repo.Save(user);
        }
        catch (Exception e)
        {
            return new ApiResult(50000, e.Message);
        }
        return new ApiResult(0, "ok");
    }

    private static object Get(Dictionary<string, object> d, string k) => d.TryGetValue(k, out var v) ? v : null;

    private static bool Bit(object v) =>
        v is int i ? i == 0 || i == 1 :
        v is long l ? l == 0 || l == 1 :
        false;
}
