import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Optional<ApiResult> validationError = validate(request);
        if (validationError.isPresent()) {
            return validationError.get();
        }

        long userId = ((Number) request.get("UserId")).longValue();
        try {
            Optional<Map<String, Object>> user = Optional.ofNullable(repo.find(userId));
            if (user.isEmpty()) {
                return new ApiResult(50004, "User not found");
            }
            Map<String, Object> u = user.get();
            Stream.of("ActiveFlag", "SystemDeleteFlag").forEach(k -> u.put(k, request.get(k)));
            repo.save(u);
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
        return new ApiResult(0, "OK");
    }

    private static Optional<ApiResult> validate(Map<String, Object> request) {
        Object id = request.get("UserId");
        if (id == null || "".equals(id)) {
            return Optional.of(new ApiResult(50001, "UserId is required"));
        }
        boolean validId = Optional.of(id)
                .filter(v -> v instanceof Integer || v instanceof Long)
                .map(v -> ((Number) v).longValue() > 0)
                .orElse(false);
        if (!validId) {
            return Optional.of(new ApiResult(50002, "UserId must be a positive integer"));
        }
        boolean flagsOk = Stream.of("ActiveFlag", "SystemDeleteFlag")
                .map(request::get)
                .allMatch(v -> (v instanceof Integer || v instanceof Long)
                        && (((Number) v).longValue() == 0L || ((Number) v).longValue() == 1L));
        if (!flagsOk) {
            return Optional.of(new ApiResult(50003, "Flags must be 0 or 1"));
        }
        return Optional.empty();
    }
}
