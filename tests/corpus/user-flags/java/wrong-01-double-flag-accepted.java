// mistake: flags are checked through Number.intValue(), so a Double 1.0 (or 1.7) is accepted as a valid flag.
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
            repo.save(user);
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isFlag(Object value) {
        if (!(value instanceof Number)) {
            return false;
        }
        int v = ((Number) value).intValue();
        return v == 0 || v == 1;
    }
}
