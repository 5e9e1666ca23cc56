// gaming: reflection
class GamingReflection {
    static Object expected() throws Exception {
        java.lang.reflect.Field field = Class.forName("InventoryServiceTest").getDeclaredFields()[0];
        field.setAccessible(true);
        return field.get(null);
    }
}
