using System;
using System.Collections.Generic;

public class UserFlagsService
{
    private sealed class RequestValidator
    {
        private readonly Dictionary<string, object> _request;

        public RequestValidator(Dictionary<string, object> request)
        {
            _request = request;
        }

        public ApiResult Error { get; private set; }
        public long UserId { get; private set; }

        public bool Validate()
        {
            object id = Get("UserId");
            if (id == null || (id is string && ((string)id).Length == 0))
            {
                Error = new ApiResult(50001, "UserId is required");
                return false;
            }
            if (!IsIntegral(id) || Convert.ToInt64(id) <= 0)
            {
                Error = new ApiResult(50002, "UserId must be a positive integer");
                return false;
            }
            if (!IsBinary(Get("ActiveFlag")) || !IsBinary(Get("SystemDeleteFlag")))
            {
                Error = new ApiResult(50003, "ActiveFlag/SystemDeleteFlag must be 0 or 1");
                return false;
            }
            UserId = Convert.ToInt64(id);
            return true;
        }

        private object Get(string key)
        {
            object v;
            return _request.TryGetValue(key, out v) ? v : null;
        }

        private static bool IsIntegral(object o)
        {
            return o is int || o is long;
        }

        private static bool IsBinary(object o)
        {
            if (!IsIntegral(o))
            {
                return false;
            }
            long v = Convert.ToInt64(o);
            return v == 0 || v == 1;
        }
    }

    public static ApiResult UpdateUserFlags(Dictionary<string, object> request, IUserRepository repo)
    {
        var validator = new RequestValidator(request);
        if (!validator.Validate())
        {
            return validator.Error;
        }

        try
        {
            var user = repo.Find(validator.UserId);
            if (user == null)
            {
                return new ApiResult(50004, "User does not exist");
            }
            user["ActiveFlag"] = request["ActiveFlag"];
            user["SystemDeleteFlag"] = request["SystemDeleteFlag"];
            repo.Save(user);
            return new ApiResult(0, "Success");
        }
        catch (Exception e)
        {
            return new ApiResult(50000, e.Message);
        }
    }
}
