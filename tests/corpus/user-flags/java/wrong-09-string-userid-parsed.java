// mistake: a String UserId such as "5" is parsed with Long.parseLong and accepted instead of returning 50002.
import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object rawId = request.get("UserId");
        if (rawId == null || "".equals(rawId)) {
            return new ApiResult(50001, "UserId is required");
        }
        long userId;
        if (rawId instanceof Integer || rawId instanceof Long) {
            userId = ((Number) rawId).longValue();
        } else if (rawId instanceof String) {
            try {
                userId = Long.parseLong((String) rawId);
            } catch (NumberFormatException e) {
                return new ApiResult(50002, "UserId must be a positive integer");
            }
        } else {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        if (userId <= 0) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");
        if (!isFlag(active) || !isFlag(deleted)) {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }

        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
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
