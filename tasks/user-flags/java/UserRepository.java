import java.util.Map;

/** Provided to the solution: the user store. */
public interface UserRepository {
    /** The user, or null when there is no such user. */
    Map<String, Object> find(long userId);

    /** Stores the user; may throw a RuntimeException. */
    void save(Map<String, Object> user);
}
