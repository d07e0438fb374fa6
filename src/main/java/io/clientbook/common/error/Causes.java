package io.clientbook.common.error;

/** The innermost cause of a failure: what really went wrong, under the wrappers (transactions, pools, JPA). */
public final class Causes {

    private Causes() {
    }

    /** The last throwable of the cause chain ({@code failure} itself when it has no cause). */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause's message, or its class's simple name when it has none. */
    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
