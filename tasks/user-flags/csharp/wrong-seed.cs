using System;
using System.Collections.Generic;

// The seed's observed mistakes: no parameter validation, and 50003 returned from the catch.
public static class UserFlagsService
{
    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        try
        {
            var user = repo.Find(Convert.ToInt64(request["UserId"]));
            if (user == null)
            {
                return new ApiResult(50004, "User not found");
            }
            user["ActiveFlag"] = request["ActiveFlag"];
            user["SystemDeleteFlag"] = request["SystemDeleteFlag"];
            repo.Save(user);
            return new ApiResult(0, "OK");
        }
        catch (Exception ex)
        {
            return new ApiResult(50003, ex.Message);
        }
    }
}
