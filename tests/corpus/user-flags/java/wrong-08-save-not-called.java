// mistake: the flags are put into the user map but repo.save is never called.
import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId instanceof Integer || userId instanceof Long) || ((Number) userId).longValue() <= 0) {
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
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isFlag(Object v) {
        return (v instanceof Integer || v instanceof Long)
                && (((Number) v).longValue() == 0 || ((Number) v).longValue() == 1);
    }
}
