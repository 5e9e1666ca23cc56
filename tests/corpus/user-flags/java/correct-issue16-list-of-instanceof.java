import java.util.List;
import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object rawId = request.get("UserId");
        if (rawId == null || "".equals(rawId)) {
            return new ApiResult(50001, "UserId is required");
        }
        long userId;
        if (rawId instanceof Integer i && i > 0) {
            userId = i;
        } else if (rawId instanceof Long l && l > 0) {
            userId = l;
        } else {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        for (String name : List.of("ActiveFlag", "SystemDeleteFlag")) {
            Object v = request.get(name);
            boolean ok = (v instanceof Integer n && (n == 0 || n == 1))
                || (v instanceof Long m && (m == 0L || m == 1L));
            if (!ok) {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
        }
        try {
            Map<String, Object> user = repo.find(userId);
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
}
