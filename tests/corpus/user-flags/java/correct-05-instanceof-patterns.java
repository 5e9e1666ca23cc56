import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object rawId = request.get("UserId");
        if (rawId == null || (rawId instanceof String s && s.isEmpty())) {
            return new ApiResult(50001, "UserId is required");
        }

        long userId;
        if (rawId instanceof Integer i) {
            userId = i;
        } else if (rawId instanceof Long l) {
            userId = l;
        } else {
            userId = -1;
        }
        if (userId <= 0) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }

        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");
        if (!isFlag(active) || !isFlag(deleted)) {
            return new ApiResult(50003, "Invalid flag value");
        }

        try {
            var user = repo.find(userId);
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
            return new ApiResult(0, "success");
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
    }

    private static boolean isFlag(Object value) {
        if (value instanceof Integer i) {
            return i == 0 || i == 1;
        }
        if (value instanceof Long l) {
            return l == 0L || l == 1L;
        }
        return false;
    }
}
