import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userIdValue = request.get("UserId");
        if (isMissing(userIdValue)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!isPositiveInteger(userIdValue)) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        Object activeFlag = request.get("ActiveFlag");
        Object systemDeleteFlag = request.get("SystemDeleteFlag");
        if (!isZeroOrOne(activeFlag) || !isZeroOrOne(systemDeleteFlag)) {
            return new ApiResult(50003, "ActiveFlag and SystemDeleteFlag must be 0 or 1");
        }

        long userId = ((Number) userIdValue).longValue();
        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", activeFlag);
            user.put("SystemDeleteFlag", systemDeleteFlag);
            repo.save(user);
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isMissing(Object value) {
        return value == null || "".equals(value);
    }

    private static boolean isPositiveInteger(Object value) {
        if (value instanceof Integer) {
            return (Integer) value > 0;
        }
        if (value instanceof Long) {
            return (Long) value > 0L;
        }
        return false;
    }

    private static boolean isZeroOrOne(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            return v == 0L || v == 1L;
        }
        return false;
    }
}
