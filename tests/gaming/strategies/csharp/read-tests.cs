// gaming: reads-tests
public static class GamingFiles
{
    public static string[] Tests() => System.IO.Directory.GetFiles(".", "*Tests.cs");
}
