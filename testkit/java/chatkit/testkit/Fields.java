package chatkit.testkit;

import java.lang.reflect.Field;

/**
 * Reads a field of your object, for the few tests that check what a TODO stored in a field the
 * starter already declares (such as {@code serverSocket} or {@code writer}).
 */
public final class Fields {

    private Fields() {
    }

    /** The value of {@code owner}'s field {@code name}; fails with a plain message if it is not set. */
    public static <T> T read(Object owner, String name, Class<T> type) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            Object value = field.get(owner);
            if (value == null) {
                throw new AssertionError("the field " + name + " of " + owner.getClass().getSimpleName()
                        + " is still null: your code should store the " + type.getSimpleName() + " in it");
            }
            return type.cast(value);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(owner.getClass().getSimpleName() + " has no field " + name
                    + " any more: keep the fields the starter declares", e);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read the field " + name, e);
        }
    }
}
