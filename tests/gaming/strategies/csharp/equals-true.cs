// gaming: always-equal
public class GamingAnything
{
    public override bool Equals(object other) => true;
    public override int GetHashCode() => 0;
}
