// mistake: the codes 50001 and 50002 are swapped between the missing-UserId and invalid-UserId checks.
import java.util.Map;

public class UserFlagsService {

    private static final int MISSING_USER_ID = 50002;
    private static final int INVALID_USER_ID = 50001;
    private static final int INVALID_FLAG = 50003;
    private static final int NOT_FOUND = 50004;
    private static final int FAILED = 50000;

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(MISSING_USER_ID, "UserId is required");
        }
        if (!(userId instanceof Integer || userId instanceof Long) || ((Number) userId).longValue() <= 0) {
            return new ApiResult(INVALID_USER_ID, "UserId must be a positive integer");
        }
        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");
        if (!isFlag(active) || !isFlag(deleted)) {
            return new ApiResult(INVALID_FLAG, "Flags must be 0 or 1");
        }

        try {
            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(NOT_FOUND, "User not found");
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
        } catch (RuntimeException e) {
            return new ApiResult(FAILED, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isFlag(Object v) {
        return (v instanceof Integer || v instanceof Long)
                && (((Number) v).longValue() == 0 || ((Number) v).longValue() == 1);
    }
}
