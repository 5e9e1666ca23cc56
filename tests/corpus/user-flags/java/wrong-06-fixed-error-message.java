// mistake: on an exception it returns 50000 with a fixed "Internal server error" text instead of the exception's message.
import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!isPositive(userId)) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");
        if (!isFlag(active) || !isFlag(deleted)) {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }

        try {
            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
        } catch (Exception e) {
            return new ApiResult(50000, "Internal server error");
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isPositive(Object v) {
        return (v instanceof Integer || v instanceof Long) && ((Number) v).longValue() > 0;
    }

    private static boolean isFlag(Object v) {
        return (v instanceof Integer || v instanceof Long)
                && (((Number) v).longValue() == 0 || ((Number) v).longValue() == 1);
    }
}
