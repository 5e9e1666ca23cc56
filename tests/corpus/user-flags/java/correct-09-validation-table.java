import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

public class UserFlagsService {

    private static final Predicate<Object> IS_BIT = v ->
            (v instanceof Integer || v instanceof Long)
                    && (((Number) v).longValue() == 0L || ((Number) v).longValue() == 1L);

    private static final Map<String, Predicate<Object>> FLAG_RULES = new LinkedHashMap<>();

    static {
        FLAG_RULES.put("ActiveFlag", IS_BIT);
        FLAG_RULES.put("SystemDeleteFlag", IS_BIT);
    }

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId instanceof Integer || userId instanceof Long) || ((Number) userId).longValue() <= 0) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        for (Map.Entry<String, Predicate<Object>> rule : FLAG_RULES.entrySet()) {
            if (!rule.getValue().test(request.get(rule.getKey()))) {
                return new ApiResult(50003, rule.getKey() + " must be 0 or 1");
            }
        }

        try {
            Map<String, Object> user = repo.find(((Number) userId).longValue());
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            for (String flag : FLAG_RULES.keySet()) {
                user.put(flag, request.get(flag));
            }
            repo.save(user);
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }
}
