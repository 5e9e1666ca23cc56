import java.util.Map;

public class UserFlagsService {

    public static final int SUCCESS = 0;
    public static final int ERR_UPDATE_FAILED = 50000;
    public static final int ERR_USER_ID_REQUIRED = 50001;
    public static final int ERR_USER_ID_INVALID = 50002;
    public static final int ERR_FLAG_INVALID = 50003;
    public static final int ERR_USER_NOT_FOUND = 50004;

    private static final String USER_ID = "UserId";
    private static final String ACTIVE_FLAG = "ActiveFlag";
    private static final String SYSTEM_DELETE_FLAG = "SystemDeleteFlag";

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object rawId = request.get(USER_ID);
        if (rawId == null || (rawId instanceof String && ((String) rawId).isEmpty())) {
            return new ApiResult(ERR_USER_ID_REQUIRED, "UserId is missing");
        }

        long userId;
        if (rawId instanceof Integer) {
            userId = (Integer) rawId;
        } else if (rawId instanceof Long) {
            userId = (Long) rawId;
        } else {
            return new ApiResult(ERR_USER_ID_INVALID, "UserId is not an integer");
        }
        if (userId <= 0) {
            return new ApiResult(ERR_USER_ID_INVALID, "UserId must be positive");
        }

        Object active = request.get(ACTIVE_FLAG);
        Object deleted = request.get(SYSTEM_DELETE_FLAG);
        if (!validFlag(active)) {
            return new ApiResult(ERR_FLAG_INVALID, "ActiveFlag must be 0 or 1");
        }
        if (!validFlag(deleted)) {
            return new ApiResult(ERR_FLAG_INVALID, "SystemDeleteFlag must be 0 or 1");
        }

        try {
            Map<String, Object> user = repo.find(userId);
            if (user == null) {
                return new ApiResult(ERR_USER_NOT_FOUND, "User " + userId + " not found");
            }
            user.put(ACTIVE_FLAG, active);
            user.put(SYSTEM_DELETE_FLAG, deleted);
            repo.save(user);
            return new ApiResult(SUCCESS, "success");
        } catch (RuntimeException ex) {
            return new ApiResult(ERR_UPDATE_FAILED, ex.getMessage());
        }
    }

    private static boolean validFlag(Object flag) {
        if (flag instanceof Integer) {
            int v = (Integer) flag;
            return v == 0 || v == 1;
        }
        if (flag instanceof Long) {
            long v = (Long) flag;
            return v == 0L || v == 1L;
        }
        return false;
    }
}
