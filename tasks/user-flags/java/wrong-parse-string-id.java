import java.util.Map;

// Parses UserId from its string form (so "7" and 7.0 pass) and only checks that flags are present.
public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        if (!request.containsKey("UserId") || request.get("UserId") == null
                || request.get("UserId").toString().isEmpty()) {
            return new ApiResult(50001, "UserId is required");
        }
        long userId;
        try {
            userId = Long.parseLong(request.get("UserId").toString());
        } catch (NumberFormatException e) {
            return new ApiResult(50002, "UserId must be a number");
        }
        if (userId <= 0) {
            return new ApiResult(50002, "UserId must be positive");
        }
        if (request.get("ActiveFlag") == null || request.get("SystemDeleteFlag") == null) {
            return new ApiResult(50003, "Flags are required");
        }
        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", request.get("ActiveFlag"));
            user.put("SystemDeleteFlag", request.get("SystemDeleteFlag"));
            repo.save(user);
            return new ApiResult(0, "OK");
        } catch (Exception e) {
            return new ApiResult(50000, e.getMessage());
        }
    }
}
