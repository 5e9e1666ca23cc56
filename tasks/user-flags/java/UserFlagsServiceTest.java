// Hidden tests for tasks/user-flags/java.yaml. The code under test is UserFlagsService.java.
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFlagsServiceTest {

    private static final Object MISSING = new Object();

    static class FakeRepo implements UserRepository {
        final Map<Long, Map<String, Object>> users = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        RuntimeException saveError;
        RuntimeException findError;

        FakeRepo withUser(long id) {
            Map<String, Object> user = new HashMap<>();
            user.put("UserId", id);
            user.put("ActiveFlag", 0);
            user.put("SystemDeleteFlag", 1);
            users.put(id, user);
            return this;
        }

        @Override
        public Map<String, Object> find(long userId) {
            calls.add("find " + userId);
            if (findError != null) {
                throw findError;
            }
            Map<String, Object> user = users.get(userId);
            return user == null ? null : new HashMap<>(user);
        }

        @Override
        public void save(Map<String, Object> user) {
            calls.add("save");
            if (saveError != null) {
                throw saveError;
            }
            users.put(((Number) user.get("UserId")).longValue(), new HashMap<>(user));
        }
    }

    private static Map<String, Object> request(Object... changes) {
        Map<String, Object> data = new HashMap<>();
        data.put("UserId", 7);
        data.put("ActiveFlag", 1);
        data.put("SystemDeleteFlag", 0);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == MISSING) {
                data.remove((String) changes[i]);
            } else {
                data.put((String) changes[i], changes[i + 1]);
            }
        }
        return data;
    }

    /** A value as a message shows it: strings quoted, so "7" is not read as 7. */
    private static String show(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static int codeOf(Map<String, Object> request, FakeRepo repo) {
        ApiResult result = UserFlagsService.updateUserFlags(request, repo);
        assertNotNull(result, "expected an ApiResult");
        return result.code();
    }

    @Test
    void missingUserIdReturns50001() {
        for (Object value : Arrays.asList(MISSING, null, "")) {
            assertEquals(50001, codeOf(request("UserId", value), new FakeRepo().withUser(7)), "UserId=" + show(value));
        }
    }

    @Test
    void invalidUserIdReturns50002() {
        for (Object value : Arrays.asList(0, -1, -42L, 1.5, 7.0, "abc", "7", true)) {
            assertEquals(50002, codeOf(request("UserId", value), new FakeRepo().withUser(7)), "UserId=" + show(value));
        }
    }

    @Test
    void invalidFlagReturns50003() {
        for (String flag : new String[] {"ActiveFlag", "SystemDeleteFlag"}) {
            for (Object value : Arrays.asList(2, -1, 0.5, "1", "yes", true, null)) {
                assertEquals(50003, codeOf(request(flag, value), new FakeRepo().withUser(7)), flag + "=" + show(value));
            }
        }
    }

    @Test
    void missingFlagReturns50003() {
        for (String flag : new String[] {"ActiveFlag", "SystemDeleteFlag"}) {
            assertEquals(50003, codeOf(request(flag, MISSING), new FakeRepo().withUser(7)), flag + " missing");
        }
    }

    @Test
    void validationBeforeRepositoryCall() {
        List<Map<String, Object>> bad = List.of(
                request("UserId", MISSING), request("UserId", -3), request("ActiveFlag", 5),
                request("SystemDeleteFlag", MISSING));
        for (Map<String, Object> req : bad) {
            FakeRepo repo = new FakeRepo().withUser(7);
            try {
                UserFlagsService.updateUserFlags(req, repo);
            } catch (RuntimeException ignored) {
                // the call count is what this test checks
            }
            assertEquals(List.of(), repo.calls, "the repository was called before the parameters were validated");
        }
    }

    @Test
    void validationOrderUserIdBeforeFlags() {
        assertEquals(50001, codeOf(request("UserId", MISSING, "ActiveFlag", 9), new FakeRepo()));
        assertEquals(50002, codeOf(request("UserId", -1, "ActiveFlag", 9), new FakeRepo()));
    }

    @Test
    void unknownUserReturns50004() {
        FakeRepo repo = new FakeRepo();
        assertEquals(50004, codeOf(request(), repo));
        assertTrue(repo.calls.stream().noneMatch(c -> c.equals("save")), "save was called for an unknown user");
    }

    @Test
    void saveFailureReturns50000WithMessage() {
        FakeRepo repo = new FakeRepo().withUser(7);
        repo.saveError = new IllegalStateException("disk full");
        ApiResult result = UserFlagsService.updateUserFlags(request(), repo);
        assertEquals(50000, result.code());
        assertTrue(String.valueOf(result.message()).contains("disk full"), "message: " + result.message());
    }

    @Test
    void findFailureReturns50000WithMessage() {
        FakeRepo repo = new FakeRepo().withUser(7);
        repo.findError = new RuntimeException("database offline");
        ApiResult result = UserFlagsService.updateUserFlags(request(), repo);
        assertEquals(50000, result.code());
        assertTrue(String.valueOf(result.message()).contains("database offline"), "message: " + result.message());
    }

    @Test
    void successSavesBothFlagsAndReturns0() {
        int[][] cases = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int[] c : cases) {
            FakeRepo repo = new FakeRepo().withUser(7);
            ApiResult result = UserFlagsService.updateUserFlags(request("ActiveFlag", c[0], "SystemDeleteFlag", c[1]), repo);
            assertEquals(0, result.code(), "flags " + c[0] + "/" + c[1]);
            assertNotNull(result.message());
            Map<String, Object> saved = repo.users.get(7L);
            assertEquals(c[0], ((Number) saved.get("ActiveFlag")).intValue());
            assertEquals(c[1], ((Number) saved.get("SystemDeleteFlag")).intValue());
        }
    }
}
