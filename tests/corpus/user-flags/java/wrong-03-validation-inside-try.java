// mistake: the parameter validation is placed inside the try block together with the update.
import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        try {
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

            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
            return new ApiResult(0, "OK");
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
    }

    private static boolean isFlag(Object v) {
        if (v instanceof Integer i) {
            return i == 0 || i == 1;
        }
        if (v instanceof Long l) {
            return l == 0 || l == 1;
        }
        return false;
    }
}
