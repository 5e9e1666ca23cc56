using System;
using System.Collections.Generic;

// Converts whatever arrives with Convert.ToInt64/ToInt32, so "7", 7.0 and true pass validation,
// and a Convert failure is misreported as 50000 from inside the try.
public static class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        if (!request.ContainsKey("UserId") || request["UserId"] == null || request["UserId"].ToString() == "")
        {
            return new ApiResult(50001, "UserId is required");
        }
        try
        {
            long userId = Convert.ToInt64(request["UserId"]);
            if (userId <= 0)
            {
                return new ApiResult(50002, "UserId must be positive");
            }
            int active = Convert.ToInt32(request["ActiveFlag"]);
            int deleted = Convert.ToInt32(request["SystemDeleteFlag"]);
            if (active < 0 || active > 1 || deleted < 0 || deleted > 1)
            {
                return new ApiResult(50003, "Flags must be 0 or 1");
            }
            var user = repo.Find(userId);
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            user["ActiveFlag"] = active;
            user["SystemDeleteFlag"] = deleted;
            repo.Save(user);
            return new ApiResult(0, "OK");
        }
        catch (Exception ex)
        {
            return new ApiResult(50000, ex.Message);
        }
    }
}
