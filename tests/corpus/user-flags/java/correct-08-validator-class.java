import java.util.Map;

public class UserFlagsService {

    static final class RequestValidator {
        private final Map<String, Object> request;
        private ApiResult error;

        RequestValidator(Map<String, Object> request) {
            this.request = request;
        }

        boolean isValid() {
            Object id = request.get("UserId");
            if (id == null || "".equals(id)) {
                error = new ApiResult(50001, "UserId is required");
                return false;
            }
            if (!isIntegral(id) || ((Number) id).longValue() <= 0) {
                error = new ApiResult(50002, "UserId must be a positive integer");
                return false;
            }
            if (!isBinary(request.get("ActiveFlag")) || !isBinary(request.get("SystemDeleteFlag"))) {
                error = new ApiResult(50003, "ActiveFlag/SystemDeleteFlag must be 0 or 1");
                return false;
            }
            return true;
        }

        ApiResult error() {
            return error;
        }

        long userId() {
            return ((Number) request.get("UserId")).longValue();
        }

        private static boolean isIntegral(Object o) {
            return o instanceof Integer || o instanceof Long;
        }

        private static boolean isBinary(Object o) {
            if (!isIntegral(o)) {
                return false;
            }
            long v = ((Number) o).longValue();
            return v == 0 || v == 1;
        }
    }

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        RequestValidator validator = new RequestValidator(request);
        if (!validator.isValid()) {
            return validator.error();
        }

        try {
            Map<String, Object> user = repo.find(validator.userId());
            if (user == null) {
                return new ApiResult(50004, "User does not exist");
            }
            user.put("ActiveFlag", request.get("ActiveFlag"));
            user.put("SystemDeleteFlag", request.get("SystemDeleteFlag"));
            repo.save(user);
            return new ApiResult(0, "Success");
        } catch (RuntimeException e) {
            return new ApiResult(50000, e.getMessage());
        }
    }
}
