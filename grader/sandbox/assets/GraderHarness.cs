// The grader's C# test harness: an Assert class for test files, and a runner that finds
// every public static void Test*() method (or one marked [Test]) of the test classes and
// writes each outcome as a nonce-signed JSON line.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

[AttributeUsage(AttributeTargets.Method)]
public class TestAttribute : Attribute {}

public class AssertFailedException : Exception {
    public AssertFailedException(string message) : base(message) {}
}

public static class Assert {
    static string Show(object o) { return o == null ? "null" : (o is string ? "\"" + o + "\"" : o.ToString()); }
    public static void AreEqual(object expected, object actual, string message = null) {
        if (!object.Equals(expected, actual) && !(expected != null && actual != null && IsNumber(expected) && IsNumber(actual) && Convert.ToDecimal(expected) == Convert.ToDecimal(actual)))
            throw new AssertFailedException((message == null ? "" : message + ": ") + "expected " + Show(expected) + ", got " + Show(actual));
    }
    public static void Equal(object expected, object actual) { AreEqual(expected, actual); }
    public static void AreNotEqual(object notExpected, object actual, string message = null) {
        if (object.Equals(notExpected, actual))
            throw new AssertFailedException((message == null ? "" : message + ": ") + "expected anything but " + Show(notExpected));
    }
    static bool IsNumber(object o) { return o is int || o is long || o is short || o is byte || o is decimal || o is double || o is float; }
    public static void IsTrue(bool condition, string message = null) { if (!condition) throw new AssertFailedException(message ?? "expected true, got false"); }
    public static void True(bool condition, string message = null) { IsTrue(condition, message); }
    public static void IsFalse(bool condition, string message = null) { if (condition) throw new AssertFailedException(message ?? "expected false, got true"); }
    public static void False(bool condition, string message = null) { IsFalse(condition, message); }
    public static void IsNull(object value, string message = null) { if (value != null) throw new AssertFailedException(message ?? "expected null, got " + Show(value)); }
    public static void IsNotNull(object value, string message = null) { if (value == null) throw new AssertFailedException(message ?? "expected a value, got null"); }
    public static void Null(object value, string message = null) { IsNull(value, message); }
    public static void NotNull(object value, string message = null) { IsNotNull(value, message); }
    public static void NotEqual(object notExpected, object actual) { AreNotEqual(notExpected, actual); }
    public static void Contains(string expected, string actual, string message = null) {
        if (actual == null || expected == null || !actual.Contains(expected))
            throw new AssertFailedException(message ?? "expected " + Show(actual) + " to contain " + Show(expected));
    }
    public static void DoesNotContain(string unexpected, string actual, string message = null) {
        if (actual != null && unexpected != null && actual.Contains(unexpected))
            throw new AssertFailedException(message ?? "expected " + Show(actual) + " not to contain " + Show(unexpected));
    }
    public static void Fail(string message = null) { throw new AssertFailedException(message ?? "failed"); }
    public static T Throws<T>(Action action) where T : Exception {
        try { action(); }
        catch (T e) { return e; }
        catch (Exception e) { throw new AssertFailedException("expected " + typeof(T).Name + ", got " + e.GetType().Name + ": " + e.Message); }
        throw new AssertFailedException("expected " + typeof(T).Name + ", nothing was thrown");
    }
}

namespace GraderHarness {
    public static class Runner {
        static string Json(string s) {
            var b = new StringBuilder("\"");
            foreach (char c in s ?? "") {
                if (c == '"' || c == '\\') b.Append('\\').Append(c);
                else if (c < ' ') b.Append("\\u").Append(((int)c).ToString("x4"));
                else b.Append(c);
            }
            return b.Append('"').ToString();
        }

        // args: the nonce file (read and deleted before any test or solution type is touched,
        // so their static constructors run later), the results file, then the full names of
        // the test classes. The nonce lives in locals only; every line written starts with it.
        public static int Main(string[] args) {
            string nonce = File.ReadAllText(args[0]).Trim();
            File.Delete(args[0]);
            // The tests are compiled in: delete their sources before any test type is touched.
            foreach (var name in (Environment.GetEnvironmentVariable("GRADER_HIDE") ?? "").Split('\n'))
                if (name.Length > 0) File.Delete(name);
            var allowed = new HashSet<string>(args.Skip(2));
            var output = new StreamWriter(new FileStream(args[1], FileMode.Append, FileAccess.Write), new UTF8Encoding(false));
            output.AutoFlush = true;
            var methods = new List<MethodInfo>();
            foreach (var type in Assembly.GetExecutingAssembly().GetTypes()) {
                if (type.Namespace == "GraderHarness" || !type.IsPublic || !allowed.Contains(type.FullName)) continue;
                foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)) {
                    bool marked = m.GetCustomAttributes(typeof(TestAttribute), false).Length > 0;
                    if ((marked || m.Name.StartsWith("Test")) && m.GetParameters().Length == 0 && m.ReturnType == typeof(void))
                        methods.Add(m);
                }
            }
            foreach (var m in methods.OrderBy(x => x.DeclaringType.FullName).ThenBy(x => x.MetadataToken)) {
                var watch = Stopwatch.StartNew();
                string outcome = "passed", message = "";
                try { m.Invoke(null, null); }
                catch (TargetInvocationException e) {
                    var inner = e.InnerException ?? e;
                    outcome = "failed";
                    try { message = inner is AssertFailedException ? inner.Message : inner.GetType().Name + ": " + inner.Message; }
                    catch (Exception) { message = inner.GetType().Name; }
                }
                watch.Stop();
                output.WriteLine(nonce + "\t{\"name\": " + Json(m.Name) + ", \"class\": " + Json(m.DeclaringType.FullName) +
                            ", \"outcome\": \"" + outcome + "\", \"message\": " + Json(message) +
                            ", \"duration_s\": " + (watch.Elapsed.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
            }
            output.WriteLine(nonce + "\t{\"done\": true}");
            output.Flush();
            return 0;
        }
    }
}
