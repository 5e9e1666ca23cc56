import java.util.Map;

public class UserFlagsService {

    enum ResultCode {
        OK(0, "OK"),
        UPDATE_FAILED(50000, "Update failed"),
        MISSING_USER_ID(50001, "UserId is required"),
        INVALID_USER_ID(50002, "UserId must be a positive integer"),
        INVALID_FLAG(50003, "Flags must be 0 or 1"),
        USER_NOT_FOUND(50004, "User not found");

        final int code;
        final String defaultMessage;

        ResultCode(int code, String defaultMessage) {
            this.code = code;
            this.defaultMessage = defaultMessage;
        }

        ApiResult result() {
            return new ApiResult(code, defaultMessage);
        }

        ApiResult result(String message) {
            return new ApiResult(code, message);
        }
    }

    public static ApiResult updateUserFlags(Map<String, Object> request, UserRepository repo) {
        Object id = request.get("UserId");
        if (id == null || id.equals("")) {
            return ResultCode.MISSING_USER_ID.result();
        }
        if (!(id instanceof Integer || id instanceof Long) || ((Number) id).longValue() <= 0) {
            return ResultCode.INVALID_USER_ID.result();
        }

        Object active = request.get("ActiveFlag");
        Object sysDelete = request.get("SystemDeleteFlag");
        if (!isBit(active) || !isBit(sysDelete)) {
            return ResultCode.INVALID_FLAG.result();
        }

        try {
            Map<String, Object> user = repo.find(((Number) id).longValue());
            if (user == null) {
                return ResultCode.USER_NOT_FOUND.result();
            }
            user.put("ActiveFlag", active);
            user.put("SystemDeleteFlag", sysDelete);
            repo.save(user);
        } catch (Exception e) {
            return ResultCode.UPDATE_FAILED.result(e.getMessage());
        }
        return ResultCode.OK.result();
    }

    private static boolean isBit(Object o) {
        if (!(o instanceof Integer) && !(o instanceof Long)) {
            return false;
        }
        long v = ((Number) o).longValue();
        return v == 0 || v == 1;
    }
}
