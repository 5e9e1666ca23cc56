// mistake: the catch block returns code 50003 instead of 50000 when the update throws.
import java.util.List;
import java.util.Map;

public class UserFlagsService {

    private static final List<String> FLAGS = List.of("ActiveFlag", "SystemDeleteFlag");

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId instanceof Integer || userId instanceof Long) || ((Number) userId).longValue() <= 0) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        for (String flag : FLAGS) {
            Object v = request.get(flag);
            if (!(v instanceof Integer || v instanceof Long)
                    || (((Number) v).longValue() != 0 && ((Number) v).longValue() != 1)) {
                return new ApiResult(50003, flag + " must be 0 or 1");
            }
        }

        try {
            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            for (String flag : FLAGS) {
                user.put(flag, request.get(flag));
            }
            repo.save(user);
        } catch (RuntimeException e) {
            return new ApiResult(50003, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }
}
