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
        for (String flag : new String[] {"ActiveFlag", "SystemDeleteFlag"}) {
            if (!isZeroOrOne(request.get(flag))) {
                return new ApiResult(50003, flag + " must be 0 or 1");
            }
        }

        try {
            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", ((Number) request.get("ActiveFlag")).intValue());
            user.put("SystemDeleteFlag", ((Number) request.get("SystemDeleteFlag")).intValue());
            repo.save(user);
        } catch (RuntimeException e) {
            return new ApiResult(50000, String.valueOf(e.getMessage()));
        }
        return new ApiResult(0, "OK");
    }

    private static boolean isZeroOrOne(Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            return false;
        }
        long n = ((Number) value).longValue();
        return n == 0 || n == 1;
    }
}
