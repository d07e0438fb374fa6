package io.clientbook.audit;

/**
 * Who did it: an API key (its id, its name at the time, its role) or, for work without an HTTP
 * request, a job ({@code keyId} {@code job:<name>}, role {@code job}).
 */
public record AuditActor(String keyId, String name, String role) {

    /** Work that runs with neither a caller nor a declared job (should not happen; visible if it does). */
    public static final AuditActor SYSTEM = new AuditActor("system", "system", "system");

    public static AuditActor job(String jobName) {
        if (jobName == null || jobName.isBlank() || jobName.length() > 90) {
            throw new IllegalArgumentException("a job needs a name of 1 to 90 characters");
        }
        return new AuditActor("job:" + jobName, jobName, "job");
    }
}
