import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class UserFlagsService {

    private static final List<String> FLAG_NAMES = List.of("ActiveFlag", "SystemDeleteFlag");

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object userId = request.get("UserId");
        if (userId == null || "".equals(userId)) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(userId instanceof Integer) && !(userId instanceof Long)) {
            return new ApiResult(50002, "UserId must be an integer");
        }
        long id = ((Number) userId).longValue();
        if (id < 1) {
            return new ApiResult(50002, "UserId must be greater than 0");
        }

        Map<String, Object> flags = new HashMap<>();
        for (String name : FLAG_NAMES) {
            Object value = request.get(name);
            boolean integral = value instanceof Integer || value instanceof Long;
            if (!integral) {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
            long n = ((Number) value).longValue();
            if (n != 0 && n != 1) {
                return new ApiResult(50003, name + " must be 0 or 1");
            }
            flags.put(name, value);
        }

        try {
            Map<String, Object> user = repo.find(id);
            if (user == null) {
                return new ApiResult(50004, "No user with id " + id);
            }
            for (String name : FLAG_NAMES) {
                user.put(name, flags.get(name));
            }
            repo.save(user);
        } catch (RuntimeException e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "Flags updated");
    }
}
