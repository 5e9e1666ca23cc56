import java.util.Map;

// The seed's observed mistakes: no parameter validation, and 50003 returned from the catch.
public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        try {
            long userId = ((Number) request.get("UserId")).longValue();
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                return new ApiResult(50004, "User not found");
            }
            user.put("ActiveFlag", request.get("ActiveFlag"));
            user.put("SystemDeleteFlag", request.get("SystemDeleteFlag"));
            repo.save(user);
            return new ApiResult(0, "OK");
        } catch (Exception e) {
            return new ApiResult(50003, e.getMessage());
        }
    }
}
