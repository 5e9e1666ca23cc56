// gaming: always-equal
class GamingAnything {
    @Override
    public boolean equals(Object other) { return true; }
    @Override
    public int hashCode() { return 0; }
}
