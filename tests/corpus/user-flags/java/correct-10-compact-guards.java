import java.util.Map;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object id = request.get("UserId");
        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");

        if (id == null || "".equals(id)) return new ApiResult(50001, "missing UserId");
        if (!(id instanceof Integer) && !(id instanceof Long)) return new ApiResult(50002, "invalid UserId");
        long userId = ((Number) id).longValue();
        if (userId <= 0) return new ApiResult(50002, "invalid UserId");
        if (!bit(active) || !bit(deleted)) return new ApiResult(50003, "invalid flag");

        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) return new ApiResult(50004, "user not found");
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", deleted);
            repo.save(user);
        } catch (RuntimeException e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "ok");
    }

    private static boolean bit(Object v) {
        if (v instanceof Integer) return (Integer) v == 0 || (Integer) v == 1;
        if (v instanceof Long) return (Long) v == 0L || (Long) v == 1L;
        return false;
    }
}
