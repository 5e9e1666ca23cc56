// Hidden tests for tasks/clean-tags/csharp.yaml. The code under test is Solution.cs.
using System.Collections.Generic;
using System.Linq;

public class TagCleanerTests
{
    private static string Show(List<string> tags)
    {
        return tags == null ? "null" : "[" + string.Join(", ", tags) + "]";
    }

    private static void Same(string[] expected, List<string> actual)
    {
        Assert.True(actual != null && expected.SequenceEqual(actual), "expected [" + string.Join(", ", expected) + "], got " + Show(actual));
    }

    public static void TestNullListAndNullEntries()
    {
        Same(new string[0], TagCleaner.Clean(null));
        Same(new[] { "csharp", "dotnet" }, TagCleaner.Clean(new[] { null, "CSharp", null, "dotnet" }));
    }

    public static void TestNormalizesCaseAndWhitespace()
    {
        Same(new[] { "machine-learning", "web-dev", "ai" }, TagCleaner.Clean(new[] { "  Machine Learning ", "web \t  DEV", "AI" }));
    }

    public static void TestRemovesCharactersOutsideAllowedSet()
    {
        Same(new[] { "c", "nodejs", "caf", "b", "q--a" }, TagCleaner.Clean(new[] { "C#", "node.js", "café", "<b>", "Q & A", "!!!" }));
    }

    public static void TestLongTagCutTo30()
    {
        var tag = new string('a', 29) + " b" + new string('c', 10);
        Same(new[] { new string('a', 29) }, TagCleaner.Clean(new[] { tag }));
        Same(new[] { new string('x', 30) }, TagCleaner.Clean(new[] { new string('x', 45) }));
    }

    public static void TestDuplicatesAfterNormalizing()
    {
        Same(new[] { "dotnet", "web-api" }, TagCleaner.Clean(new[] { "dotnet", "DotNet", " dotnet ", "Web API", "web   api", "web-api" }));
    }

    public static void TestAtMost10AfterCleaning()
    {
        var input = new List<string> { "", "   ", "#", "same", "SAME" };
        for (int i = 0; i < 15; i++) input.Add("tag" + i);
        var expected = new[] { "same" }.Concat(Enumerable.Range(0, 9).Select(i => "tag" + i)).ToArray();
        Same(expected, TagCleaner.Clean(input));
    }
}
