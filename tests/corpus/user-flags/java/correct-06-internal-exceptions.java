import java.util.Map;

public class UserFlagsService {

    private static final class UserNotFoundException extends RuntimeException {
        UserNotFoundException(long id) {
            super("User " + id + " does not exist");
        }
    }

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        ApiResult invalid = validate(request);
        if (invalid != null) {
            return invalid;
        }

        long userId = ((Number) request.get("UserId")).longValue();
        Object activeFlag = request.get("ActiveFlag");
        Object systemDeleteFlag = request.get("SystemDeleteFlag");

        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                throw new UserNotFoundException(userId);
            }
            user.put("ActiveFlag", activeFlag);
            user.put("SystemDeleteFlag", systemDeleteFlag);
            repo.save(user);
            return new ApiResult(0, "OK");
        } catch (UserNotFoundException e) {
            return new ApiResult(50004, e.getMessage());
        } catch (RuntimeException e) {
            return new ApiResult(50000, e.getMessage());
        }
    }

    private static ApiResult validate(Map<String, Object> request) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        boolean positive = (userId instanceof Integer && (Integer) userId > 0)
                || (userId instanceof Long && (Long) userId > 0);
        if (!positive) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        if (!isZeroOrOne(request.get("ActiveFlag"))) {
            return new ApiResult(50003, "ActiveFlag must be 0 or 1");
        }
        if (!isZeroOrOne(request.get("SystemDeleteFlag"))) {
            return new ApiResult(50003, "SystemDeleteFlag must be 0 or 1");
        }
        return null;
    }

    private static boolean isZeroOrOne(Object v) {
        return (v instanceof Integer || v instanceof Long)
                && (((Number) v).longValue() == 0 || ((Number) v).longValue() == 1);
    }
}
