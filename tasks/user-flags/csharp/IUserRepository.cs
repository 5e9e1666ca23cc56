using System.Collections.Generic;

// Provided to the solution: the user store.
public interface IUserRepository
{
    // The user, or null when there is no such user.
    Dictionary<string, object> Find(long userId);

    // Stores the user; may throw an exception.
    void Save(Dictionary<string, object> user);
}
