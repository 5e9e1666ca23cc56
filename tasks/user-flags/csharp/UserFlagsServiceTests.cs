// Hidden tests for tasks/user-flags/csharp.yaml. The code under test is Solution.cs.
using System;
using System.Collections.Generic;
using System.Linq;

public class UserFlagsServiceTests
{
    private static readonly object Missing = new object();

    private class FakeRepo : IUserRepository
    {
        public readonly Dictionary<long, Dictionary<string, object>> Users = new Dictionary<long, Dictionary<string, object>>();
        public readonly List<string> Calls = new List<string>();
        public Exception SaveError;
        public Exception FindError;

        public FakeRepo WithUser(long id)
        {
            Users[id] = new Dictionary<string, object> { { "UserId", id }, { "ActiveFlag", 0 }, { "SystemDeleteFlag", 1 } };
            return this;
        }

        public Dictionary<string, object> Find(long userId)
        {
            Calls.Add("find " + userId);
            if (FindError != null) throw FindError;
            Dictionary<string, object> user;
            return Users.TryGetValue(userId, out user) ? new Dictionary<string, object>(user) : null;
        }

        public void Save(Dictionary<string, object> user)
        {
            Calls.Add("save");
            if (SaveError != null) throw SaveError;
            Users[Convert.ToInt64(user["UserId"])] = new Dictionary<string, object>(user);
        }
    }

    private static Dictionary<string, object> Request(params object[] changes)
    {
        var data = new Dictionary<string, object> { { "UserId", 7 }, { "ActiveFlag", 1 }, { "SystemDeleteFlag", 0 } };
        for (int i = 0; i < changes.Length; i += 2)
        {
            if (changes[i + 1] == Missing) data.Remove((string)changes[i]);
            else data[(string)changes[i]] = changes[i + 1];
        }
        return data;
    }

    // A value as a message shows it: strings quoted, so "7" is not read as 7.
    private static string Show(object value)
    {
        return value is string ? "\"" + value + "\"" : (value == null ? "null" : value.ToString());
    }

    private static int CodeOf(Dictionary<string, object> request, FakeRepo repo)
    {
        var result = UserFlagsService.UpdateUserFlags(request, repo);
        Assert.True(result != null, "expected an ApiResult");
        return result.Code;
    }

    public static void TestMissingUserIdReturns50001()
    {
        foreach (var value in new object[] { Missing, null, "" })
            Assert.Equal(50001, CodeOf(Request("UserId", value), new FakeRepo().WithUser(7)));
    }

    public static void TestInvalidUserIdReturns50002()
    {
        foreach (var value in new object[] { 0, -1, -42L, 1.5, 7.0, "abc", "7", true })
            Assert.True(CodeOf(Request("UserId", value), new FakeRepo().WithUser(7)) == 50002, "UserId=" + Show(value) + " should return 50002");
    }

    public static void TestInvalidFlagReturns50003()
    {
        foreach (var flag in new[] { "ActiveFlag", "SystemDeleteFlag" })
            foreach (var value in new object[] { 2, -1, 0.5, "1", "yes", true, null })
                Assert.True(CodeOf(Request(flag, value), new FakeRepo().WithUser(7)) == 50003, flag + "=" + Show(value) + " should return 50003");
    }

    public static void TestMissingFlagReturns50003()
    {
        foreach (var flag in new[] { "ActiveFlag", "SystemDeleteFlag" })
            Assert.True(CodeOf(Request(flag, Missing), new FakeRepo().WithUser(7)) == 50003, flag + " missing should return 50003");
    }

    public static void TestValidationBeforeRepositoryCall()
    {
        var bad = new[] { Request("UserId", Missing), Request("UserId", -3), Request("ActiveFlag", 5), Request("SystemDeleteFlag", Missing) };
        foreach (var request in bad)
        {
            var repo = new FakeRepo().WithUser(7);
            try { UserFlagsService.UpdateUserFlags(request, repo); }
            catch (Exception) { /* the call count is what this test checks */ }
            Assert.True(repo.Calls.Count == 0, "the repository was called before the parameters were validated");
        }
    }

    public static void TestValidationOrderUserIdBeforeFlags()
    {
        Assert.Equal(50001, CodeOf(Request("UserId", Missing, "ActiveFlag", 9), new FakeRepo()));
        Assert.Equal(50002, CodeOf(Request("UserId", -1, "ActiveFlag", 9), new FakeRepo()));
    }

    public static void TestUnknownUserReturns50004()
    {
        var repo = new FakeRepo();
        Assert.Equal(50004, CodeOf(Request(), repo));
        Assert.False(repo.Calls.Contains("save"), "save was called for an unknown user");
    }

    public static void TestSaveFailureReturns50000WithMessage()
    {
        var repo = new FakeRepo().WithUser(7);
        repo.SaveError = new InvalidOperationException("disk full");
        var result = UserFlagsService.UpdateUserFlags(Request(), repo);
        Assert.Equal(50000, result.Code);
        Assert.Contains("disk full", result.Message ?? "");
    }

    public static void TestFindFailureReturns50000WithMessage()
    {
        var repo = new FakeRepo().WithUser(7);
        repo.FindError = new TimeoutException("database offline");
        var result = UserFlagsService.UpdateUserFlags(Request(), repo);
        Assert.Equal(50000, result.Code);
        Assert.Contains("database offline", result.Message ?? "");
    }

    public static void TestSuccessSavesBothFlagsAndReturns0()
    {
        foreach (var c in new[] { new[] { 0, 0 }, new[] { 0, 1 }, new[] { 1, 0 }, new[] { 1, 1 } })
        {
            var repo = new FakeRepo().WithUser(7);
            var result = UserFlagsService.UpdateUserFlags(Request("ActiveFlag", c[0], "SystemDeleteFlag", c[1]), repo);
            Assert.Equal(0, result.Code);
            Assert.True(result.Message != null, "message should not be null");
            var saved = repo.Users[7];
            Assert.Equal(c[0], Convert.ToInt32(saved["ActiveFlag"]));
            Assert.Equal(c[1], Convert.ToInt32(saved["SystemDeleteFlag"]));
        }
    }
}
