import java.util.Map;

// Validates correctly but has no try/catch: a repository failure escapes as an exception.
public class UserFlagsService {

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object id = request.get("UserId");
        if (id == null || id.equals("")) {
            return new ApiResult(50001, "UserId is required");
        }
        if (!(id instanceof Integer) || (Integer) id <= 0) {
            return new ApiResult(50002, "UserId must be a positive integer");
        }
        Object active = request.get("ActiveFlag");
        Object deleted = request.get("SystemDeleteFlag");
        if (!(active instanceof Integer) || !(deleted instanceof Integer)) {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }
        int a = (Integer) active;
        int d = (Integer) deleted;
        if ((a != 0 && a != 1) || (d != 0 && d != 1)) {
            return new ApiResult(50003, "Flags must be 0 or 1");
        }
        Map<String, Object> user = repo.find((Integer) id);
        if (user == null) {
            return new ApiResult(50004, "User not found");
        }
        user.put("ActiveFlag", a);
        user.put("SystemDeleteFlag", d);
        repo.save(user);
        return new ApiResult(0, "OK");
    }
}
